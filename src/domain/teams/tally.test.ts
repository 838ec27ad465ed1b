import { describe, expect, it } from "vitest";
import type { Answers } from "../checks/answers.ts";
import type { Tool } from "../content/schema.ts";
import { syntheticTool } from "../test/synthetic-tool.ts";
import {
  addResponse,
  askedFactorIds,
  countsAsResponse,
  emptyTally,
  foldResponses,
  type ReleasedPerspective,
  releasedOf,
  releasePerspective,
  type Tally,
  tallyBasis,
  tallySchema,
} from "./aggregation.ts";
import { effectiveThreshold, type Perspective } from "./perspectives.ts";

/*
 * The tally kept up to date on every hand-in must release exactly what replaying all responses releases. The replay
 * below is the implementation from before the tally (kept here as the reference), so the fold is checked against an
 * independent version of the rule, not against itself.
 */

const tool: Tool = syntheticTool({ firstNotAskedOfEmployers: true });
const IDS = tool.themes.flatMap((t) => t.items.map((i) => i.id));

/** The replay as it was before the tally existed (reference). */
function referenceReplay(perspective: Perspective, handedIn: readonly Answers[], threshold: number): ReleasedPerspective {
  const t = effectiveThreshold(threshold);
  const ids = askedFactorIds(tool, perspective);
  const empty = () => ({ distribution: Array.from({ length: 10 }, () => 0), notApplicable: 0, dontKnow: 0 });
  const released = new Map(ids.map((id) => [id, empty()]));
  const waiting = new Map(ids.map((id) => [id, empty()]));
  const counted = handedIn.filter((answers) => countsAsResponse(tool, answers, perspective));
  counted.forEach((answers, index) => {
    for (const id of ids) {
      const value = answers[id];
      const pending = waiting.get(id);
      if (!pending) continue;
      if (value === "nvt") pending.notApplicable++;
      else if (value === "weetniet") pending.dontKnow++;
      else if (typeof value === "number") pending.distribution[value - 1] = (pending.distribution[value - 1] ?? 0) + 1;
    }
    if ((index + 1) % t !== 0) return;
    for (const id of ids) {
      const pending = waiting.get(id);
      const shown = released.get(id);
      if (!pending || !shown) continue;
      if (pending.distribution.reduce((a, b) => a + b, 0) >= t) {
        shown.distribution = shown.distribution.map((n, i) => n + (pending.distribution[i] ?? 0));
        pending.distribution = Array.from({ length: 10 }, () => 0);
      }
      if (pending.notApplicable >= t) {
        shown.notApplicable += pending.notApplicable;
        pending.notApplicable = 0;
      }
      if (pending.dontKnow >= t) {
        shown.dontKnow += pending.dontKnow;
        pending.dontKnow = 0;
      }
    }
  });
  return {
    perspective,
    responses: counted.length,
    waiting: counted.length % t,
    items: ids.map((id) => ({ id, ...(released.get(id) ?? empty()) })),
  };
}

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** Mostly full responses, some barely answered (below the minimum), every kind of answer. */
function randomResponse(rand: () => number): Answers {
  const answers: Answers = {};
  const skip = rand() < 0.1 ? 0.8 : 0.15;
  for (const id of IDS) {
    const x = rand();
    if (x < skip) continue;
    answers[id] = x < skip + 0.1 ? "nvt" : x < skip + 0.15 ? "weetniet" : 1 + Math.floor(rand() * 10);
  }
  return answers;
}

const PERSPECTIVES: Perspective[] = ["professional", "youth", "employer", "ketenpartner"];

describe("the tally kept on every hand-in", () => {
  it("releases exactly what the replay of all responses releases, after every response (random rounds)", () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const rand = random(seed);
      const threshold = 3 + (seed % 4);
      const perspective = PERSPECTIVES[seed % PERSPECTIVES.length] ?? "youth";
      const responses = Array.from({ length: 60 }, () => randomResponse(rand));
      let tally = emptyTally(tool, perspective, threshold);
      expect(releasedOf(tool, perspective, tally, threshold)).toEqual(referenceReplay(perspective, [], threshold));
      responses.forEach((answers, n) => {
        tally = addResponse(tally, tool, perspective, answers, threshold);
        const expected = referenceReplay(perspective, responses.slice(0, n + 1), threshold);
        expect(releasedOf(tool, perspective, tally, threshold), `seed ${seed}, response ${n + 1}`).toEqual(expected);
      });
      // The replay is the fold from the start, and so is folding in pages.
      expect(releasePerspective(tool, perspective, responses, threshold)).toEqual(referenceReplay(perspective, responses, threshold));
      const paged = emptyTally(tool, perspective, threshold);
      for (let i = 0; i < responses.length; i += 7) foldResponses(paged, tool, perspective, responses.slice(i, i + 7), threshold);
      expect(paged).toEqual(tally);
    }
  });

  it("survives being stored as JSON between hand-ins", () => {
    const rand = random(42);
    let tally = emptyTally(tool, "youth", 3);
    const responses = Array.from({ length: 25 }, () => randomResponse(rand));
    for (const answers of responses) tally = tallySchema.parse(JSON.parse(JSON.stringify(addResponse(tally, tool, "youth", answers, 3))));
    expect(releasedOf(tool, "youth", tally, 3)).toEqual(referenceReplay("youth", responses, 3));
  });

  it("is pure: adding a response leaves the tally it was given unchanged", () => {
    const tally = emptyTally(tool, "professional", 3);
    const before = structuredClone(tally);
    const full = Object.fromEntries(IDS.map((id) => [id, 7])) as Answers;
    const after = addResponse(tally, tool, "professional", full, 3);
    expect(tally).toEqual(before);
    expect(after.responses).toBe(1);
  });

  it("does not count a response below the minimum, and holds what waits until a step", () => {
    const full = Object.fromEntries(IDS.map((id) => [id, 7])) as Answers;
    let tally: Tally = emptyTally(tool, "professional", 3);
    tally = addResponse(tally, tool, "professional", { [IDS[0] ?? ""]: 1 }, 3);
    expect(tally).toEqual(emptyTally(tool, "professional", 3));
    tally = addResponse(addResponse(tally, tool, "professional", full, 3), tool, "professional", full, 3);
    expect(releasedOf(tool, "professional", tally, 3)).toMatchObject({ responses: 2, waiting: 2 });
    expect(releasedOf(tool, "professional", tally, 3).items.every((i) => i.distribution.every((n) => n === 0))).toBe(true);
    tally = addResponse(tally, tool, "professional", full, 3);
    expect(releasedOf(tool, "professional", tally, 3).items[0]?.distribution[6]).toBe(3);
  });

  it("knows what it was computed for: another threshold or other factors asked is another basis", () => {
    expect(tallyBasis(tool, "youth", 3)).not.toBe(tallyBasis(tool, "youth", 4));
    expect(tallyBasis(tool, "youth", 3)).not.toBe(tallyBasis(tool, "employer", 3));
    expect(tallyBasis(tool, "youth", 1)).toBe(tallyBasis(tool, "youth", 3)); // below the minimum counts as 3
    const changed: Tool = { ...tool, themes: tool.themes.map((t, i) => (i === 0 ? { ...t, items: t.items.slice(1) } : t)) };
    expect(tallyBasis(changed, "youth", 3)).not.toBe(tallyBasis(tool, "youth", 3));
    const tally = emptyTally(tool, "youth", 3);
    expect(() => releasedOf(changed, "youth", tally, 3)).toThrow(/another basis/);
    expect(() => addResponse(tally, changed, "youth", {}, 3)).toThrow(/another basis/);
  });
});
