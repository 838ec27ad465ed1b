import { describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START, plainText, searchParamsSchema, snippetHtml } from "./search.ts";

describe("kennisbank search rules", () => {
  it("escapes the snippet and marks only the matches", () => {
    expect(snippetHtml(`<script>x</script> en ${MATCH_START}jongeren${MATCH_END} & "werk"`)).toBe(
      "&lt;script&gt;x&lt;/script&gt; en <mark>jongeren</mark> &amp; &quot;werk&quot;",
    );
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
