import { describe, expect, it } from "vitest";
import {
  fuzzyGroups,
  fuzzyQuery,
  MATCH_END,
  MATCH_START,
  plainText,
  SEARCH_LIMITS,
  searchParamsSchema,
  searchWords,
  snippetHtml,
  vocabulary,
} from "./search.ts";

describe("kennisbank search rules", () => {
  it("escapes the snippet and marks only the matches", () => {
    expect(snippetHtml(`<script>x</script> en ${MATCH_START}jongeren${MATCH_END} & "werk"`)).toBe(
      "&lt;script&gt;x&lt;/script&gt; en <mark>jongeren</mark> &amp; &quot;werk&quot;",
    );
  });

  it("searches each word once and at most 16 words", () => {
    expect(searchWords("  jongeren   Jongeren werk\tjongeren ")).toBe("jongeren werk");
    expect(searchWords("jongeren ".repeat(222))).toBe("jongeren");
    const many = Array.from({ length: 40 }, (_, i) => `woord${i}`);
    expect(searchWords(many.join(" "))).toBe(many.slice(0, 16).join(" "));
    expect(searchWords('"open hiring" -school')).toBe('"open hiring" -school');
    expect(searchWords("   ")).toBe("");
  });

  it("cuts each word to 60 characters, never inside a surrogate pair", () => {
    expect(searchWords("x".repeat(2000))).toBe("x".repeat(SEARCH_LIMITS.wordLength));
    expect(searchWords(`${"😀".repeat(70)} werk`)).toBe(`${"😀".repeat(60)} werk`);
    // Words equal once cut count once.
    expect(searchWords(`${"a".repeat(70)} ${"a".repeat(80)}`)).toBe("a".repeat(60));
  });

  it("reads the forgiving query: lower-case terms of letters and digits, neighbours joined, -word excluded", () => {
    expect(fuzzyQuery("Gentle Teaching")).toEqual({
      terms: ["gentle", "teaching"],
      compounds: [{ word: "gentleteaching", parts: [0, 1] }],
      excluded: [],
    });
    expect(fuzzyQuery('"open hiring" -school or e-learning')).toEqual({
      terms: ["open", "hiring", "e", "learning"],
      compounds: [
        { word: "openhiring", parts: [0, 1] },
        { word: "elearning", parts: [2, 3] },
      ],
      excluded: ["school"],
    });
    // A word that repeats is one term; the compound of a term with itself is no compound.
    expect(fuzzyQuery("werk werk-werk")).toEqual({ terms: ["werk"], compounds: [], excluded: [] });
    // Punctuation only, operators, odd characters: nothing to ask for.
    expect(fuzzyQuery(searchWords("& | ! ( ) :* <-> \\ ' \"")).terms).toEqual([]);
    expect(fuzzyQuery("Coördinator ÉÉN")).toMatchObject({ terms: ["coördinator", "één"] });
  });

  it("keeps the forgiving query bounded: 16 terms of at most 60 characters, compounds within 60", () => {
    const many = fuzzyQuery(Array.from({ length: 40 }, (_, i) => `a${i}-b${i}`).join(" "));
    expect(many.terms).toHaveLength(SEARCH_LIMITS.words);
    const long = fuzzyQuery(searchWords(`${"x".repeat(2000)} ${"y".repeat(10)}`));
    expect(long.terms.map((t) => t.length)).toEqual([60, 10]);
    expect(long.compounds).toEqual([]);
  });

  it("groups per term the words that satisfy it: itself, its neighbours and those of its compounds", () => {
    const query = fuzzyQuery("de Gentle Teaching");
    const expansions = new Map([
      ["gentle", ["gentle", "gentleness"]],
      ["teaching", ["teachings"]],
      ["gentleteaching", ["gentleteaching"]],
      ["degentle", ["degentlex"]],
    ]);
    expect(fuzzyGroups(query, expansions, new Set(["de"]))).toEqual([
      [],
      ["gentle", "gentleness", "degentlex", "gentleteaching"],
      ["teaching", "teachings", "gentleteaching"],
    ]);
    expect(fuzzyGroups(fuzzyQuery("jobcoach"), new Map())).toEqual([["jobcoach"]]);
  });

  it("collects an entry's vocabulary: distinct lower-case words of 3 to 60 letters or digits", () => {
    expect(vocabulary("GentleTeaching: de jongere en de Jongere, e-learning 2024 x2 😀 ab").sort()).toEqual(
      ["2024", "gentleteaching", "jongere", "learning"].sort(),
    );
    expect(vocabulary(`${"a".repeat(61)} ${"b".repeat(60)}`)).toEqual(["b".repeat(60)]);
  });

  it("strips light Markdown for the search document", () => {
    expect(plainText("**Open Hiring** op [Transvorm.org](https://www.transvorm.org)\n\n### Kop")).toBe("Open Hiring op Transvorm.org Kop");
  });

  it("validates filters and pages, naming the field", () => {
    expect(searchParamsSchema.parse({})).toEqual({ page: 1 });
    expect(searchParamsSchema.parse({ page: "3", type: "methode", theme: "2", factor: "2.8" })).toMatchObject({ page: 3 });
    for (const [field, value] of [
      ["type", "boek"],
      ["theme", "8"],
      ["factor", "x"],
      ["page", "0"],
      ["page", "abc"],
      ["q", "x".repeat(2001)],
    ]) {
      const result = searchParamsSchema.safeParse({ [field as string]: value });
      expect(result.success, `${field}=${value}`).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual([field]);
    }
  });
});
