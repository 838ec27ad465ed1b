import { describe, expect, it } from "vitest";
import type { Answers } from "../checks/answers.ts";
import type { Tool } from "../content/schema.ts";
import { toolWith } from "../test/synthetic-tool.ts";
import { disclose, discloseRound, isVisible, releasePerspective, releaseRound } from "./aggregation.ts";
import { largestGaps, mirror } from "./mirror.ts";
import { effectiveThreshold, type Perspective } from "./perspectives.ts";
import { rawResponsesExpired, retentionDeadline } from "./retention.ts";
import { factorChange, themeTrend } from "./trend.ts";

const tip = { title: "T", text: "t", source: { document: "verbetertool" } };
const tool = toolWith([
  {
    id: "1",
    title: "Een",
    items: [
      { id: "1.1", text: "a", tips: [tip] },
      { id: "1.2", text: "b", tips: [tip] },
    ],
  },
  { id: "2", title: "Twee", items: [{ id: "2.3", text: "c", tips: [tip] }] },
]);
const r = (a: Answers) => a;

const aggregatePerspective = (t: Tool, p: Perspective, responses: Answers[], threshold: number) =>
  disclose(t, releasePerspective(t, p, responses, threshold), threshold);
const aggregateRound = (t: Tool, responses: Partial<Record<Perspective, Answers[]>>, threshold: number) =>
  discloseRound(t, releaseRound(t, responses, threshold), threshold);

describe("anonymity threshold", () => {
  it("never goes below 3, and a team may raise it", () => {
    expect(effectiveThreshold(undefined)).toBe(3);
    expect(effectiveThreshold(1)).toBe(3);
    expect(effectiveThreshold(5)).toBe(5);
  });

  it("returns only the response counts below the threshold", () => {
    const two = aggregatePerspective(tool, "youth", [r({ "1.1": 8, "1.2": 7 }), r({ "1.1": 2, "1.2": 7 })], 3);
    expect(two).toEqual({ perspective: "youth", responses: 2, waiting: 2, visible: false });
    expect(Object.keys(two)).not.toContain("items");
    const three = aggregatePerspective(tool, "youth", [r({ "1.1": 8, "1.2": 7 }), r({ "1.1": 2, "1.2": 7 }), r({ "1.1": 5, "1.2": 7 })], 3);
    expect(three.visible).toBe(true);
  });

  it("applies a raised threshold and ignores a lowered one", () => {
    const three = [r({ "1.1": 8, "1.2": 7 }), r({ "1.1": 2, "1.2": 7 }), r({ "1.1": 5, "1.2": 7 })];
    expect(aggregatePerspective(tool, "employer", three, 4).visible).toBe(false);
    expect(aggregatePerspective(tool, "employer", three.slice(0, 2), 1).visible).toBe(false);
  });
});

describe("aggregation", () => {
  const responses = [r({ "1.1": 8, "1.2": "nvt", "2.3": 4 }), r({ "1.1": 6, "1.2": "nvt" }), r({ "1.1": 6, "1.2": "nvt", "2.3": 5 })];
  const result = aggregatePerspective(tool, "professional", responses, 3);

  it("gives per factor the mean, the distribution and the n.v.t. count, each from at least the threshold", () => {
    if (!isVisible(result)) throw new Error("expected visible");
    expect(result.items[0]).toEqual({
      id: "1.1",
      mean: 6.7,
      scored: 3,
      notApplicable: null,
      distribution: [0, 0, 0, 0, 0, 2, 0, 1, 0, 0],
      dontKnow: null,
    });
    expect(result.items[1]).toEqual({ id: "1.2", mean: null, scored: null, notApplicable: 3, distribution: null, dontKnow: null });
    expect(result.items[2]).toEqual({ id: "2.3", mean: null, scored: null, notApplicable: null, distribution: null, dontKnow: null });
  });

  it("gives per theme and overall the mean of the factor means shown", () => {
    if (!isVisible(result)) throw new Error("expected visible");
    expect(result.themes).toEqual([
      { id: "1", mean: 6.7, factorsShown: 1, factors: 2 },
      { id: "2", mean: null, factorsShown: 0, factors: 1 },
    ]);
    expect(result.overall).toBe(6.7);
  });

  it("aggregates every perspective of a round", () => {
    const all = aggregateRound(tool, { professional: responses, youth: responses.slice(0, 2), employer: [] }, 3);
    expect(all.map((p) => [p.perspective, p.responses, p.visible])).toEqual([
      ["professional", 3, true],
      ["youth", 2, false],
      ["employer", 0, false],
      ["ketenpartner", 0, false],
    ]);
  });
});

describe("mirror", () => {
  const pro = [r({ "1.1": 8, "1.2": 6, "2.3": 7 }), r({ "1.1": 8, "1.2": 6, "2.3": 7 }), r({ "1.1": 8, "1.2": 6, "2.3": 7 })];
  const youth = [r({ "1.1": 3, "1.2": 6, "2.3": 6 }), r({ "1.1": 3, "1.2": 6, "2.3": 6 }), r({ "1.1": 4, "1.2": 6, "2.3": 6 })];

  it("puts visible perspectives side by side and measures the gap", () => {
    const rows = mirror(aggregateRound(tool, { professional: pro, youth, employer: pro.slice(0, 2) }, 3));
    expect(rows.items[0]).toEqual({ id: "1.1", means: { professional: 8, youth: 3.3 }, gap: 4.7 });
    expect(rows.items[1]).toEqual({ id: "1.2", means: { professional: 6, youth: 6 }, gap: 0 });
    expect(rows.items[0]?.means.employer).toBeUndefined();
  });

  it("has no gap with a single visible perspective", () => {
    const rows = mirror(aggregateRound(tool, { professional: pro, youth: youth.slice(0, 2), employer: [] }, 3));
    expect(rows.items.every((row) => row.gap === null)).toBe(true);
  });

  it("lists the largest gaps first, without the factors where all agree", () => {
    const rows = mirror(aggregateRound(tool, { professional: pro, youth, employer: [] }, 3));
    expect(largestGaps(rows.items).map((g) => [g.id, g.gap])).toEqual([
      ["1.1", 4.7],
      ["2.3", 1],
    ]);
  });
});

describe("trend and carried-over actions", () => {
  const round = (id: string, day: number, score: number) => ({
    id,
    name: `Ronde ${id}`,
    startedAt: new Date(2026, 0, day),
    results: aggregateRound(
      tool,
      {
        professional: [r({ "1.1": score, "1.2": "nvt" }), r({ "1.1": score, "1.2": "nvt" }), r({ "1.1": score, "1.2": "nvt" })],
        youth: [],
        employer: [],
      },
      3,
    ),
  });

  it("orders rounds oldest first per theme, only with visible perspectives", () => {
    const trend = themeTrend([round("b", 20, 7), round("a", 1, 5)]);
    expect(trend["1"]).toEqual([
      { roundId: "a", roundName: "Ronde a", means: { professional: 5 } },
      { roundId: "b", roundName: "Ronde b", means: { professional: 7 } },
    ]);
    expect(trend["1"]?.[0]?.means.youth).toBeUndefined();
  });

  it("shows how an action's factor moved since the previous round", () => {
    expect(factorChange("1.1", round("a", 1, 5).results, round("b", 2, 7).results)).toEqual({
      professional: { before: 5, after: 7, delta: 2 },
    });
    expect(factorChange("1.1", undefined, round("b", 2, 7).results)).toEqual({ professional: { before: null, after: 7, delta: null } });
    expect(factorChange("2.3", round("a", 1, 5).results, round("b", 2, 7).results)).toEqual({});
  });
});

describe("retention", () => {
  it("deletes raw responses the configured months after closing", () => {
    const closed = new Date("2026-01-31T12:00:00Z");
    expect(retentionDeadline(closed, 24).toISOString()).toBe("2028-01-31T12:00:00.000Z");
    expect(rawResponsesExpired(closed, 24, new Date("2028-01-31T11:59:59Z"))).toBe(false);
    expect(rawResponsesExpired(closed, 24, new Date("2028-01-31T12:00:00Z"))).toBe(true);
    expect(rawResponsesExpired(null, 24, new Date("2099-01-01"))).toBe(false);
  });
});

describe("round open or closed", () => {
  it("takes answers while open and until the end of its closing day", async () => {
    const { roundAcceptsAnswers } = await import("./rounds.ts");
    const now = new Date("2026-11-25T22:30:00Z"); // 23:30 in Amsterdam
    expect(roundAcceptsAnswers({ status: "open", closesOn: null }, now)).toBe(true);
    expect(roundAcceptsAnswers({ status: "open", closesOn: "2026-11-25" }, now)).toBe(true);
    expect(roundAcceptsAnswers({ status: "open", closesOn: "2026-11-24" }, now)).toBe(false);
    expect(roundAcceptsAnswers({ status: "closed", closesOn: null }, now)).toBe(false);
  });
});
