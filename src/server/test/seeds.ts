import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The source documents (Dutch) our content is written from. They live beside the repository in ../shared/seeds
 * (or SEEDS_DIR), which CI provides but a user's fresh clone does not have. Tests that compare the content with
 * them skip with a clear message when they are absent; under CI=true their absence fails the run.
 */
export const seedsDir = process.env.SEEDS_DIR ?? resolve(import.meta.dirname, "../../../../shared/seeds");

export type Seeds = { files: string[]; read: (prefix: string) => string };

function findSeeds(): Seeds | null {
  if (!existsSync(seedsDir)) {
    if (process.env.CI === "true") throw new Error(`CI=true but the source documents are missing at ${seedsDir} (set SEEDS_DIR).`);
    console.warn(`Skipping the comparisons with the source documents: ${seedsDir} does not exist (set SEEDS_DIR).`);
    return null;
  }
  const files = readdirSync(seedsDir)
    .sort()
    .map((f) => join(seedsDir, f));
  return {
    files,
    read: (prefix) => {
      const file = files.find((f) => f.slice(seedsDir.length + 1).startsWith(prefix));
      if (!file) throw new Error(`source document ${prefix}… is missing in ${seedsDir}`);
      return readFileSync(file, "utf8");
    },
  };
}

export const seeds = findSeeds();

/** Suffix for the names of suites that need the source documents, so a skipped suite says why. */
export const NEEDS_SEEDS = "(needs the source documents in ../shared/seeds or SEEDS_DIR)";
