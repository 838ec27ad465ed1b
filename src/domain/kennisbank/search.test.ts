import { describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START, plainText, searchParamsSchema, searchWords, snippetHtml } from "./search.ts";

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
