import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { sharedRuns, wordRuns } from "../../domain/content/overlap.ts";
import { NEEDS_SEEDS, seeds } from "../test/seeds.ts";
import { loadTool } from "./load.ts";

const root = resolve(import.meta.dirname, "../../..");
const tool = loadTool(join(root, "content/tools/jongeren-en-arbeid"));

/** Factor ids and their tip titles as seed 004 lists them. */
function seedFactors(toolSeed: string): Map<string, string[]> {
  const factors = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of toolSeed.split("\n")) {
    const factor = line.match(/^(\d)\.(\d+)\.\s/);
    if (factor) {
      current = [];
      factors.set(`${factor[1]}.${factor[2]}`, current);
      continue;
    }
    const tip = line.match(/^- \*\*(.+?)\.?\*\*/);
    if (tip?.[1] && current) current.push(tip[1]);
  }
  return factors;
}

/** Spelling mistakes in seed titles that our content corrects; everything else must match. */
const TITLE_CORRECTIONS: Record<string, string> = {
  "Intergrale aanpak": "Integrale aanpak",
  "Stress sensitieve benadering": "Stress-sensitieve benadering",
};
const normalise = (title: string) => title.trim().replace(/\.$/, "").toLowerCase();

function contentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? contentFiles(path) : [path];
  });
}

describe("content of the Jongeren & Arbeid tool", () => {
  it("has 7 themes", () => {
    expect(tool.themes.map((t) => t.id)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  });

  it("gives every factor at least one tip", () => {
    for (const item of tool.themes.flatMap((t) => t.items)) expect(item.tips.length, item.id).toBeGreaterThan(0);
  });

  it("gives every theme its own scale anchors", () => {
    expect(tool.themes.map((t) => `${t.scale.min}–${t.scale.max}`)).toEqual([
      "Heel weinig–Heel veel",
      "Heel slecht–Heel goed",
      "Heel slecht–Heel goed",
      "Heel weinig–Heel veel",
      "Helemaal niet–Helemaal wel",
      "Heel slecht–Heel goed",
      "Heel slecht–Heel goed",
    ]);
  });
});

describe.skipIf(!seeds)(`content of the Jongeren & Arbeid tool against the source documents ${NEEDS_SEEDS}`, () => {
  const seed = seedFactors(seeds?.read("004_") ?? "");

  it("numbers its factors exactly as seed 004 does (31 factors, 1.1 … 7.31)", () => {
    const ids = tool.themes.flatMap((t) => t.items.map((i) => i.id));
    expect(seed.size).toBe(31);
    expect(ids).toEqual([...seed.keys()]);
  });

  it("keeps every tip title of seed 004 under its factor", () => {
    const items = new Map(tool.themes.flatMap((t) => t.items.map((i) => [i.id, i] as const)));
    for (const [id, titles] of seed) {
      const ours = (items.get(id)?.tips ?? []).map((tip) => normalise(tip.title));
      for (const title of titles) expect(ours, `factor ${id}`).toContain(normalise(TITLE_CORRECTIONS[title] ?? title));
      expect(ours.length, `factor ${id} has as many tips as the seed`).toBeGreaterThanOrEqual(titles.length);
    }
  });

  it("shares no run of 12 consecutive words with any seed document", () => {
    const seedRuns = new Set<string>();
    for (const file of seeds?.files ?? []) for (const run of wordRuns(readFileSync(file, "utf8"))) seedRuns.add(run);
    expect(seedRuns.size).toBeGreaterThan(10_000);
    const copied = contentFiles(join(root, "content")).flatMap((file) =>
      sharedRuns(readFileSync(file, "utf8"), seedRuns).map((run) => `${file}: ${run}`),
    );
    expect(copied).toEqual([]);
  });
});
