import { describe, expect, it } from "vitest";
import type { Tool } from "../content/schema.ts";
import { type Answers, applyAnswerPatch, validateAnswerPatch } from "./answers.ts";
import { formatScore } from "./format.ts";
import { computeResults, meanOfScores, prioritiseTips, roundOneDecimal, summariseResults, tipGroup, withTips } from "./scoring.ts";

const tip = (title: string) => ({ title, text: `${title} tekst`, source: { document: "verbetertool" } });
const tool: Tool = {
  id: "t",
  title: "T",
  intro: "i",
  audience: "a",
  version: "v1",
  sources: { verbetertool: { title: "x", publisher: "y", file: "z" } },
  themes: [
    {
      id: "1",
      title: "Een",
      intro: "i",
      question: "q",
      scale: { min: "laag", max: "hoog" },
      items: [
        { id: "1.1", text: "a", tips: [tip("A")] },
        { id: "1.2", text: "b", tips: [tip("B")] },
        { id: "1.3", text: "c", tips: [tip("C")] },
      ],
    },
    {
      id: "2",
      title: "Twee",
      intro: "i",
      question: "q",
      scale: { min: "laag", max: "hoog" },
      items: [
        { id: "2.4", text: "d", tips: [tip("D")] },
        { id: "2.5", text: "e", tips: [tip("E")] },
      ],
    },
  ],
};

describe("scoring", () => {
  it("leaves n.v.t. and unanswered factors out of the theme mean", () => {
    const r = computeResults(tool, { "1.1": 8, "1.2": "nvt" });
    expect(r.themes[0]).toEqual({ id: "1", score: 8, answered: 1, notApplicable: 1, unanswered: 1 });
  });

  it("gives a theme with nothing answered no score rather than 0", () => {
    const r = computeResults(tool, { "1.1": 4 });
    expect(r.themes[1]).toEqual({ id: "2", score: null, answered: 0, notApplicable: 0, unanswered: 2 });
    expect(formatScore(r.themes[1]?.score ?? null)).toBe("geen score");
  });

  it("gives a theme that is entirely n.v.t. no score", () => {
    const r = computeResults(tool, { "2.4": "nvt", "2.5": "nvt", "1.1": 6 });
    expect(r.themes[1]).toEqual({ id: "2", score: null, answered: 0, notApplicable: 2, unanswered: 0 });
    expect(r.overall).toBe(6);
  });

  it("computes the overall mean over all answered factors, not over theme means", () => {
    // theme 1: (10 + 9 + 8) / 3 = 9; theme 2: 1. Mean of means would be 5, the factor mean is 28 / 4 = 7.
    const r = computeResults(tool, { "1.1": 10, "1.2": 9, "1.3": 8, "2.4": 1 });
    expect(r.overall).toBe(7);
  });

  it("is null overall when nothing is answered", () => {
    const r = computeResults(tool, {});
    expect(r.overall).toBeNull();
    expect(r.items.every((i) => i.value === null)).toBe(true);
  });

  it("rounds means to one decimal, half up", () => {
    expect(meanOfScores([7, 8, 8])).toBe(7.7); // 7.666…
    expect(meanOfScores([7, 7, 7, 8])).toBe(7.3); // 7.25
    expect(roundOneDecimal(1.05)).toBe(1.1);
    expect(meanOfScores([1, 2])).toBe(1.5);
    expect(formatScore(7.3)).toBe("7,3");
    expect(formatScore(7)).toBe("7,0");
  });

  it("orders tips lowest score first, then unanswered, then n.v.t.", () => {
    const r = computeResults(tool, { "1.1": 9, "1.2": 5, "1.3": "nvt", "2.4": 2 });
    expect(r.tips.map((t) => [t.itemId, t.group])).toEqual([
      ["2.4", "aandachtspunt"],
      ["1.2", "aandachtspunt"],
      ["1.1", "overig"],
      ["2.5", "onbeantwoord"],
      ["1.3", "nvt"],
    ]);
    expect(r.tips[0]?.tips[0]?.title).toBe("D");
  });

  it("marks 5 and lower as aandachtspunt and 6 as not", () => {
    expect(tipGroup(5)).toBe("aandachtspunt");
    expect(tipGroup(1)).toBe("aandachtspunt");
    expect(tipGroup(6)).toBe("overig");
    expect(tipGroup("nvt")).toBe("nvt");
    expect(tipGroup(null)).toBe("onbeantwoord");
  });

  it("keeps source order among equal scores", () => {
    const sorted = prioritiseTips(computeResults(tool, { "1.1": 3, "1.2": 3, "2.4": 3 }).tips);
    expect(sorted.slice(0, 3).map((t) => t.itemId)).toEqual(["1.1", "1.2", "2.4"]);
  });
});

describe("answer patches", () => {
  const ids = new Set(["1.1", "1.2"]);

  it("accepts 1 to 10, nvt and null", () => {
    expect(validateAnswerPatch({ "1.1": 1, "1.2": 10 }, ids)).toBeNull();
    expect(validateAnswerPatch({ "1.1": "nvt", "1.2": null }, ids)).toBeNull();
  });

  it.each([
    [0, "answers.1.1"],
    [11, "answers.1.1"],
    [7.5, "answers.1.1"],
    ["7", "answers.1.1"],
    ["NVT", "answers.1.1"],
    [true, "answers.1.1"],
    [[7], "answers.1.1"],
    [{ v: 7 }, "answers.1.1"],
  ])("rejects %j naming the field", (value, field) => {
    expect(validateAnswerPatch({ "1.1": value }, ids)?.field).toBe(field);
  });

  it("says in Dutch what is allowed, with weet ik niet only where it is", () => {
    expect(validateAnswerPatch({ "1.1": 11 }, ids)?.error).toBe(
      'Antwoord op factor 1.1 moet een geheel getal van 1 tot en met 10 zijn of "nvt".',
    );
    expect(validateAnswerPatch({ "1.2": "weetniet" }, ids)?.error).toBe(
      'Antwoord op factor 1.2 moet een getal van 1 tot en met 10 zijn of "nvt".',
    );
    expect(validateAnswerPatch({ "1.2": "weetniet" }, ids, { allowDontKnow: true })).toBeNull();
    expect(validateAnswerPatch({ "1.1": 7.5 }, ids, { allowDontKnow: true })?.error).toBe(
      'Antwoord op factor 1.1 moet een geheel getal van 1 tot en met 10 zijn of "nvt" of "weetniet".',
    );
  });

  it("rejects an unknown factor id", () => {
    expect(validateAnswerPatch({ "1.1": 5, "9.99": 5 }, ids)).toEqual({ field: "answers.9.99", error: 'Onbekende factor "9.99".' });
  });

  it("applies values and clears with null without touching other answers", () => {
    expect(applyAnswerPatch({ "1.1": 4, "1.2": "nvt" }, { "1.1": null, "1.2": 6 })).toEqual({ "1.2": 6 });
  });
});

describe("results without tips", () => {
  it.each<Answers>([{}, { "1.1": 3, "1.2": "nvt" }, { "1.1": 9, "1.2": 2, "1.3": 5, "2.4": "weetniet" }])(
    "carry the answered factors and the order, and give the full results back with the tool's tips (%j)",
    (answers) => {
      const summary = summariseResults(tool, answers);
      expect(summary).not.toHaveProperty("tips");
      expect(JSON.stringify(summary)).not.toContain("tekst");
      expect(summary.tipOrder).toEqual(computeResults(tool, answers).tips.map(({ itemId }) => itemId));
      // Only the tool's answered factors: the unanswered ones follow from the tool.
      expect(summary.answers).toEqual(Object.fromEntries(Object.entries(answers).filter(([id]) => summary.tipOrder.includes(id))));
      expect(withTips(tool, summary)).toEqual(computeResults(tool, answers));
    },
  );

  it("match computeResults for any answers", () => {
    const ids = tool.themes.flatMap((theme) => theme.items.map((item) => item.id));
    const choices = [undefined, "nvt", "weetniet", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let run = 0; run < 500; run++) {
      const answers: Answers = {};
      for (const id of ids) {
        const value = choices[next() % choices.length];
        if (value !== undefined) answers[id] = value;
      }
      expect(withTips(tool, summariseResults(tool, answers)), JSON.stringify(answers)).toEqual(computeResults(tool, answers));
    }
  });
});
