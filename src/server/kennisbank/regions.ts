import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type RegionIndex, type RegionsFile, regionIndex, regionsFileSchema } from "../../domain/kennisbank/regions.ts";
import { ContentError } from "../tools/load.ts";

/** The content directory of this checkout (src/server/kennisbank or dist/server/kennisbank → content). */
export const DEFAULT_CONTENT_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../../content");

/** Reads and validates content/regions.yaml; a broken file fails with its path and field. */
export function loadRegionsFile(contentDir: string): RegionsFile {
  const path = join(contentDir, "regions.yaml");
  const result = regionsFileSchema.safeParse(parse(readFileSync(path, "utf8")));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ContentError(`${path}: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return result.data;
}

const indexes = new Map<string, RegionIndex>();

/** The lookup tables of content/regions.yaml, read once per content directory. */
export function regionsOf(contentDir: string = DEFAULT_CONTENT_DIR): RegionIndex {
  let index = indexes.get(contentDir);
  if (!index) {
    index = regionIndex(loadRegionsFile(contentDir));
    indexes.set(contentDir, index);
  }
  return index;
}
