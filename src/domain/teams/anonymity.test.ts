import { describe, expect, it } from "vitest";
import type { Answers, AnswerValue } from "../checks/answers.ts";
import type { Tool } from "../content/schema.ts";
import { syntheticTool } from "../test/synthetic-tool.ts";
import {
  askedFactorIds,
  countsAsResponse,
  disclose,
  discloseRound,
  isVisible,
  minimumAnswers,
  type PerspectiveResult,
  readSnapshot,
  releasePerspective,
  releaseRound,
} from "./aggregation.ts";
import { largestGaps, mirror } from "./mirror.ts";
import { factorChange, themeTrend } from "./trend.ts";

/*
 * A curious team member's attempts, played against the domain: they see every figure after every response and try to
 * work out what one respondent answered.
 */

const tool: Tool = syntheticTool();
const IDS = tool.themes.flatMap((t) => t.items.map((i) => i.id));
const [X = "", Y = ""] = IDS;

/** A full response: every factor the same score, with optional overrides. */
const full = (score: AnswerValue, overrides: Answers = {}): Answers => ({
  ...Object.fromEntries(IDS.map((id) => [id, score])),
  ...overrides,
});

/** Seeded generator, so a failing sequence can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function randomResponse(rand: () => number): Answers {
  const answers: Answers = {};
  for (const id of IDS) {
    const x = rand();
    if (x < 0.15) continue; // skipped
    answers[id] = x < 0.3 ? "nvt" : 1 + Math.floor(rand() * 10);
  }
  return answers;
}

const view = (responses: Answers[], threshold: number): PerspectiveResult =>
  disclose(tool, releasePerspective(tool, "youth", responses, threshold), threshold);

/** Everything shown except the response counts, which tell that someone answered, not what. */
const figures = (r: PerspectiveResult) => (isVisible(r) ? { overall: r.overall, themes: r.themes, items: r.items } : null);

function assertNoSmallFigure(r: PerspectiveResult, t: number) {
  if (!isVisible(r)) {
    expect(Object.keys(r).sort()).toEqual(["perspective", "responses", "visible", "waiting"]);
    return;
  }
  for (const item of r.items) {
    if (item.mean === null) expect([item.scored, item.distribution]).toEqual([null, null]);
    else {
      expect(item.scored).toBeGreaterThanOrEqual(t);
      expect(item.distribution?.reduce((a, b) => a + b, 0)).toBe(item.scored);
    }
    if (item.notApplicable !== null) expect(item.notApplicable).toBeGreaterThanOrEqual(t);
  }
  // Theme and overall means are derived from the factor means shown, nothing else.
  const shown = new Map(r.items.filter((i) => i.distribution).map((i) => [i.id, i]));
  const exact = (id: string) => {
    const d = shown.get(id)?.distribution ?? [];
    return d.reduce((a, n, i) => a + n * (i + 1), 0) / d.reduce((a, b) => a + b, 0);
  };
  for (const theme of tool.themes) {
    const means = theme.items.filter((i) => shown.has(i.id)).map((i) => exact(i.id));
    const aggregate = r.themes.find((x) => x.id === theme.id);
    expect(aggregate?.factorsShown).toBe(means.length);
    expect(aggregate?.mean).toBe(
      means.length ? Math.round((means.reduce((a, b) => a + b, 0) / means.length + Number.EPSILON) * 10) / 10 : null,
    );
  }
}

/** How much each figure moved between two views: 0, or a whole step of at least t answers. */
function assertMovedInSteps(before: PerspectiveResult, after: PerspectiveResult, t: number) {
  const items = (r: PerspectiveResult) => new Map((isVisible(r) ? r.items : []).map((i) => [i.id, i]));
  const a = items(before);
  const b = items(after);
  for (const id of IDS) {
    const was = a.get(id);
    const now = b.get(id);
    const scoreDelta = (now?.scored ?? 0) - (was?.scored ?? 0);
    expect(scoreDelta === 0 || scoreDelta >= t, `scores of ${id} moved by ${scoreDelta}`).toBe(true);
    const bucketDeltas = (now?.distribution ?? []).map((n, i) => n - (was?.distribution?.[i] ?? 0));
    if (scoreDelta === 0) expect(now?.distribution ?? null).toEqual(was?.distribution ?? null);
    else expect(bucketDeltas.every((d) => d >= 0)).toBe(true);
    const nvtDelta = (now?.notApplicable ?? 0) - (was?.notApplicable ?? 0);
    expect(nvtDelta === 0 || nvtDelta >= t, `n.v.t. of ${id} moved by ${nvtDelta}`).toBe(true);
  }
}

describe("counted responses", () => {
  it("count once at least half of the factors are answered, a score or n.v.t.", () => {
    expect(minimumAnswers(tool)).toBe(16);
    const half = Object.fromEntries(IDS.slice(0, 16).map((id, i) => [id, i % 2 ? "nvt" : 7])) as Answers;
    expect(countsAsResponse(tool, half)).toBe(true);
    expect(countsAsResponse(tool, Object.fromEntries(IDS.slice(0, 15).map((id) => [id, 7])))).toBe(false);
    expect(countsAsResponse(tool, {})).toBe(false);
    expect(countsAsResponse(tool, { ...Object.fromEntries(IDS.slice(0, 15).map((id) => [id, 7])), "9.99": 5 })).toBe(false);
  });

  it("two empty hand-ins do not make one real response visible", () => {
    const result = view([{}, {}, full(9)], 3);
    expect(result).toEqual({ perspective: "youth", responses: 1, waiting: 1, visible: false });
    const barelyAnswered = view([{ [X]: 1 }, { [Y]: 1 }, full(9)], 3);
    expect(barelyAnswered.visible).toBe(false);
  });
});

describe("no figure from fewer than the threshold", () => {
  it("hides a factor that only one person scored, and n.v.t. counts of one or two", () => {
    const result = view([full(8), full(8, { [X]: "nvt", [Y]: "nvt" }), full(8, { [X]: "nvt" })], 3);
    if (!isVisible(result)) throw new Error("expected visible");
    const x = result.items.find((i) => i.id === X);
    const y = result.items.find((i) => i.id === Y);
    expect(x).toEqual({ id: X, mean: null, scored: null, distribution: null, notApplicable: null, dontKnow: null });
    expect(y).toEqual({ id: Y, mean: null, scored: null, distribution: null, notApplicable: null, dontKnow: null });
    assertNoSmallFigure(result, 3);
  });

  it("shows n.v.t. once at least the threshold chose it", () => {
    const result = view([full(8, { [X]: "nvt" }), full(8, { [X]: "nvt" }), full(8, { [X]: "nvt" })], 3);
    if (!isVisible(result)) throw new Error("expected visible");
    expect(result.items.find((i) => i.id === X)).toEqual({
      id: X,
      mean: null,
      scored: null,
      distribution: null,
      notApplicable: 3,
      dontKnow: null,
    });
  });

  it("derives theme and overall means only from the factor means shown", () => {
    const result = view([full(8, { [X]: 1 }), full(6, { [X]: "nvt" }), full(4, { [X]: "nvt" })], 3);
    if (!isVisible(result)) throw new Error("expected visible");
    // Factor X has one score (1): it is hidden and must not pull the theme mean down either.
    expect(result.themes[0]).toEqual({ id: "1", mean: 6, factorsShown: 4, factors: 5 });
    expect(result.overall).toBe(6);
  });

  it("applies a raised threshold", () => {
    expect(view([full(5), full(6), full(7)], 4).visible).toBe(false);
    const four = view([full(5), full(6), full(7), full(8)], 4);
    expect(isVisible(four) && four.items[0]?.scored).toBe(4);
  });

  it("holds for every figure over random rounds, thresholds 3 to 5", () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const rand = random(seed);
      const t = 3 + (seed % 3);
      const responses = Array.from({ length: 40 }, () => randomResponse(rand));
      for (let n = 0; n <= responses.length; n++) assertNoSmallFigure(view(responses.slice(0, n), t), t);
    }
  });
});

describe("figures change in steps, never per person", () => {
  it("shows exactly the same figures at 3 and at 4 responses", () => {
    const first = [full(7), full(8), full(6)];
    const fourth = full(2, { [X]: 10, [Y]: "nvt" });
    const atThree = view(first, 3);
    const atFour = view([...first, fourth], 3);
    expect(figures(atFour)).toEqual(figures(atThree));
    expect([atFour.responses, atFour.waiting]).toEqual([4, 1]);
  });

  it("moves a factor's mean only after the threshold of new scores for that factor", () => {
    // After the first step, X gets one new score per step: it waits until three have come in.
    const base = [full(5), full(5), full(5)];
    const steps = [
      [full(9), full(9, { [X]: "nvt" }), full(9, { [X]: "nvt" })],
      [full(9, { [X]: "nvt" }), full(9, { [X]: "nvt" }), full(9, { [X]: "nvt" })],
      [full(9), full(9, { [X]: "nvt" }), full(9, { [X]: "nvt" })],
      [full(9), full(9, { [X]: "nvt" }), full(9, { [X]: "nvt" })],
    ];
    const xAfter = (n: number) => {
      const r = view([...base, ...steps.slice(0, n).flat()], 3);
      return isVisible(r) ? r.items.find((i) => i.id === X) : undefined;
    };
    expect(xAfter(0)).toMatchObject({ mean: 5, scored: 3, notApplicable: null, dontKnow: null });
    expect(xAfter(1)).toMatchObject({ mean: 5, scored: 3, notApplicable: null, dontKnow: null }); // one new score waits, two n.v.t. wait
    expect(xAfter(2)).toMatchObject({ mean: 5, scored: 3, notApplicable: 5 }); // five n.v.t. released at once
    expect(xAfter(3)).toMatchObject({ mean: 5, scored: 3, notApplicable: 5 }); // two scores waiting, two n.v.t. waiting
    expect(xAfter(4)).toMatchObject({ mean: 7, scored: 6, notApplicable: 9 }); // three scores of 9 arrive together
  });

  it("never moves any figure by fewer than the threshold, whatever arrives", () => {
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const rand = random(seed);
      const t = 3 + (seed % 3);
      const responses = Array.from({ length: 45 }, () => randomResponse(rand));
      let before = view([], t);
      for (let n = 1; n <= responses.length; n++) {
        const after = view(responses.slice(0, n), t);
        assertMovedInSteps(before, after, t);
        // A response that completes no step changes no figure at all.
        if (after.waiting !== 0) expect(figures(after)).toEqual(figures(before));
        before = after;
      }
    }
  });

  it("releases the same way every time, so close and reopen cannot expose a difference", () => {
    const rand = random(99);
    const responses = Array.from({ length: 20 }, () => randomResponse(rand));
    const once = releasePerspective(tool, "youth", responses, 3);
    const again = releasePerspective(tool, "youth", responses.slice(), 3);
    expect(again).toEqual(once);
    // Later responses only ever add to what was released.
    const earlier = releasePerspective(tool, "youth", responses.slice(0, 12), 3);
    for (const [i, item] of earlier.items.entries()) {
      const later = once.items[i];
      expect(item.distribution.every((n, k) => n <= (later?.distribution[k] ?? 0))).toBe(true);
      expect(item.notApplicable).toBeLessThanOrEqual(later?.notApplicable ?? 0);
    }
  });
});

describe("derived figures", () => {
  const pro = [full(8), full(8), full(8)];
  const youth = [full(3), full(3, { [X]: "nvt" }), full(4, { [X]: "nvt" })];

  it("leave hidden figures out of the mirror, the largest gaps, the trend and the score change", () => {
    const results = discloseRound(tool, releaseRound(tool, { professional: pro, youth, employer: [] }, 3), 3);
    const rows = mirror(results);
    expect(rows.items.find((r) => r.id === X)).toEqual({ id: X, means: { professional: 8 }, gap: null });
    expect(largestGaps(rows.items).map((g) => g.id)).not.toContain(X);
    expect(factorChange(X, undefined, results)).toEqual({ professional: { before: null, after: 8, delta: null } });
    const trend = themeTrend([{ id: "a", name: "A", startedAt: new Date(2026, 0, 1), results }]);
    expect(trend["1"]?.[0]?.means).toEqual({ professional: 8, youth: 3.3 }); // four factors of (3 + 3 + 4) / 3; X is hidden
  });
});

describe("stored snapshots", () => {
  it("are read back through the same rule, also in the old format with single-person cells", () => {
    const legacy = [
      {
        perspective: "youth",
        responses: 3,
        visible: true,
        overall: 6,
        themes: [],
        items: [
          { id: X, mean: 9, answered: 1, notApplicable: 2, distribution: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0] },
          { id: Y, mean: 6, answered: 3, notApplicable: 0, distribution: [0, 0, 0, 0, 1, 1, 1, 0, 0, 0] },
        ],
      },
      { perspective: "employer", responses: 2, visible: false },
    ];
    const [youthResult, employerResult] = discloseRound(tool, readSnapshot(legacy), 3);
    if (!youthResult || !isVisible(youthResult)) throw new Error("expected visible");
    expect(youthResult.items.find((i) => i.id === X)).toEqual({
      id: X,
      mean: null,
      scored: null,
      distribution: null,
      notApplicable: null,
      dontKnow: null,
    });
    expect(youthResult.items.find((i) => i.id === Y)).toMatchObject({ mean: 6, scored: 3 });
    expect(employerResult).toEqual({ perspective: "employer", responses: 2, waiting: 0, visible: false });
  });

  it("show nothing when the stored shape is unknown", () => {
    expect(discloseRound(tool, readSnapshot({ whatever: 1 }), 3)).toEqual([]);
  });

  it("keep what a current release holds", () => {
    const release = releaseRound(tool, { professional: [full(8), full(8), full(8)], youth: [full(3), full(5), full(4)], employer: [] }, 3);
    expect(readSnapshot(JSON.parse(JSON.stringify(release)))).toEqual(release);
  });
});

describe('"weet ik niet" and factors a group is not asked', () => {
  const partial: Tool = {
    ...tool,
    themes: tool.themes.map((t, i) =>
      i === 0 ? { ...t, items: t.items.map((item, k) => (k === 0 ? { ...item, notAskedOf: ["employer" as const] } : item)) } : t,
    ),
  };

  it("counts weet ik niet apart, releases it in steps and never puts it in a mean", () => {
    const result = view(
      [full(6), full(6, { [X]: "weetniet" }), full(6, { [X]: "weetniet" }), full(6, { [X]: "weetniet" }), full(6), full(6)],
      3,
    );
    if (!isVisible(result)) throw new Error("expected visible");
    expect(result.items.find((i) => i.id === X)).toEqual({
      id: X,
      mean: 6,
      scored: 3,
      distribution: [0, 0, 0, 0, 0, 3, 0, 0, 0, 0],
      notApplicable: null,
      dontKnow: 3,
    });
    const two = view([full(6), full(6, { [X]: "weetniet" }), full(6, { [X]: "weetniet" })], 3);
    expect(isVisible(two) && two.items.find((i) => i.id === X)?.dontKnow).toBeNull();
  });

  it("leaves factors a group is not asked out of its figures and its minimum", () => {
    expect(askedFactorIds(partial, "employer")).not.toContain(X);
    expect(askedFactorIds(partial, "professional")).toContain(X);
    expect(minimumAnswers(partial, "employer")).toBe(15); // half of 30
    const released = releasePerspective(partial, "employer", [full(5), full(5), full(5)], 3);
    expect(released.items.map((i) => i.id)).not.toContain(X);
    const shown = disclose(partial, released, 3);
    expect(isVisible(shown) && shown.themes[0]).toMatchObject({ factors: 4, factorsShown: 4 });
  });
});
