import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { sharedRuns, wordRuns } from "../../domain/content/overlap.ts";
import { NEEDS_SEEDS, seeds } from "../test/seeds.ts";
import { loadTool, loadTools } from "./load.ts";

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

describe("every tool in content/tools/", () => {
  const tools = [...loadTools(join(root, "content")).values()];
  const werkwijze = readFileSync(join(root, "content/werkwijze.yaml"), "utf8");
  /** The anchors of the werkwijze page (WerkwijzeParts.tsx): fase-, methode- and toolbox- plus the entry's id. */
  const anchors = new Set(
    [...werkwijze.matchAll(/^( {2}- id: (\S+))$/gm)].flatMap(([, , id]) => [`fase-${id}`, `methode-${id}`, `toolbox-${id}`]),
  );

  it("has exactly one default tool, listed first", () => {
    expect(tools.filter((t) => t.default).map((t) => t.id)).toEqual([tools[0]?.id]);
    expect(tools.length).toBeGreaterThan(1);
  });

  it("gives every factor of every tool at least one tip", () => {
    for (const tool of tools) {
      for (const item of tool.themes.flatMap((t) => t.items)) expect(item.tips.length, `${tool.id} ${item.id}`).toBeGreaterThan(0);
    }
  });

  it("links from its tips only to werkwijze sections that exist", () => {
    let links = 0;
    for (const tool of tools) {
      for (const tip of tool.themes.flatMap((t) => t.items.flatMap((i) => i.tips))) {
        for (const [, anchor] of tip.text.matchAll(/\]\(\/werkwijze#([^)]+)\)/g)) {
          expect(anchors, `${tool.id}: ${tip.title}`).toContain(anchor);
          links++;
        }
      }
    }
    expect(links).toBeGreaterThan(0);
  });
});

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

const GROUPS = ["youth", "employer", "ketenpartner"] as const;
const ITEM_TEXT = { youth: "youthText", employer: "employerText", ketenpartner: "ketenpartnerText" } as const;
const THEME_TEXTS = [
  "youthTitle",
  "youthIntro",
  "youthQuestion",
  "employerIntro",
  "employerQuestion",
  "ketenpartnerIntro",
  "ketenpartnerQuestion",
] as const;
/** Informal address that has no place in what employers and ketenpartners read. */
const INFORMAL = /\b(je|jij|jouw)\b/i;

describe("wording of the Jongeren & Arbeid tool per respondent group", () => {
  const items = tool.themes.flatMap((t) => t.items);

  it("gives every factor, per group, either its own wording or a notAskedOf mark, not both", () => {
    for (const item of items) {
      for (const group of GROUPS) {
        const wording = item[ITEM_TEXT[group]]?.trim() ?? "";
        const skipped = item.notAskedOf?.includes(group) ?? false;
        expect(wording.length > 0 !== skipped, `factor ${item.id}, ${group}: wording xor notAskedOf`).toBe(true);
      }
    }
  });

  it("asks every factor of at least one group, and marks no group twice", () => {
    for (const item of items) {
      const skipped = item.notAskedOf ?? [];
      expect(skipped.length, `factor ${item.id}`).toBeLessThan(GROUPS.length);
      expect(new Set(skipped).size, `factor ${item.id}`).toBe(skipped.length);
    }
  });

  it("gives every theme a title, intro and question for young people and intros and questions for the others", () => {
    for (const theme of tool.themes) {
      for (const key of THEME_TEXTS) expect(theme[key]?.trim(), `theme ${theme.id}: ${key}`).toBeTruthy();
    }
  });

  it("addresses employers and ketenpartners with u, never with je, jij or jouw", () => {
    const formal = [
      ...items.flatMap((i) => [
        [`factor ${i.id} employerText`, i.employerText],
        [`factor ${i.id} ketenpartnerText`, i.ketenpartnerText],
      ]),
      ...tool.themes.flatMap((t) =>
        (["employerIntro", "employerQuestion", "ketenpartnerIntro", "ketenpartnerQuestion"] as const).map((key) => [
          `theme ${t.id} ${key}`,
          t[key],
        ]),
      ),
    ] as const;
    const informal = formal.filter(([, text]) => text && INFORMAL.test(text)).map(([where, text]) => `${where}: ${text}`);
    expect(informal).toEqual([]);
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
