import { describe, expect, it } from "vitest";
import { sharedRuns, wordRuns, words } from "./overlap.ts";

describe("overlap detection", () => {
  it("ignores case, punctuation and Markdown", () => {
    expect(words("**Eerste** contact, met de [jongere](#)!")).toEqual(["eerste", "contact", "met", "de", "jongere"]);
  });

  it("finds a shared run of exactly the run length and not a shorter one", () => {
    const source = wordRuns("een twee drie vier vijf zes", 4);
    expect(sharedRuns("nul een twee drie vier acht", source, 4)).toEqual(["een twee drie vier"]);
    expect(sharedRuns("een twee drie acht vier vijf", source, 4)).toEqual([]);
  });
});
