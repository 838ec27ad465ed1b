import { z } from "zod";
import type { Answers } from "../checks/answers.ts";
import { roundOneDecimal } from "../checks/scoring.ts";
import type { Tool } from "../content/schema.ts";
import { effectiveThreshold, PERSPECTIVES, type Perspective } from "./perspectives.ts";

/*
 * Anonymity of a measurement round, in two pure steps (documented per figure in docs/anonymity.md):
 *
 * 1. releaseRound: responses are replayed in the order they were handed in. Every `threshold` counted responses of a
 *    perspective form a step. At a step, each factor's waiting scores are released only when at least `threshold`
 *    of them are waiting, and likewise its waiting n.v.t. answers. So a released figure only ever moves by a batch of
 *    at least `threshold` people, and never at the moment a single response arrives.
 * 2. disclose: the one function every output goes through. It turns what was released into figures and hides every
 *    figure that rests on fewer than `threshold` answers. Theme and overall means are derived from the factor means
 *    it shows, so they add nothing that could be subtracted to isolate someone.
 */

const SCORES = 10;
const emptyDistribution = () => Array.from({ length: SCORES }, () => 0);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The factors a perspective is asked: all of them for professionals, otherwise those not marked "not asked of". */
export function askedFactorIds(tool: Tool, perspective: Perspective): string[] {
  return tool.themes.flatMap((t) =>
    t.items.filter((i) => perspective === "professional" || !i.notAskedOf?.includes(perspective)).map((i) => i.id),
  );
}

/** A response counts once at least half of the factors its perspective is asked are answered (any answer). */
export function minimumAnswers(tool: Tool, perspective: Perspective = "professional"): number {
  return Math.ceil(askedFactorIds(tool, perspective).length / 2);
}

export function countsAsResponse(tool: Tool, answers: Answers, perspective: Perspective = "professional"): boolean {
  const ids = new Set(askedFactorIds(tool, perspective));
  return Object.keys(answers).filter((id) => ids.has(id)).length >= minimumAnswers(tool, perspective);
}

/** What has been released of one factor: whole steps only. distribution[0] counts score 1, [9] score 10. */
export const releasedItemSchema = z.object({
  id: z.string(),
  distribution: z.array(z.number().int().min(0)).length(SCORES),
  notApplicable: z.number().int().min(0),
  /** Released "weet ik niet" answers (absent in snapshots from before it existed). */
  dontKnow: z.number().int().min(0).default(0),
});
export type ReleasedItem = z.infer<typeof releasedItemSchema>;

export const releasedPerspectiveSchema = z.object({
  perspective: z.enum(PERSPECTIVES),
  /** Counted responses, including those waiting for the next step. */
  responses: z.number().int().min(0),
  /** Counted responses since the last step. */
  waiting: z.number().int().min(0),
  items: z.array(releasedItemSchema),
});
export type ReleasedPerspective = z.infer<typeof releasedPerspectiveSchema>;

/** What a closed round keeps once its raw responses are deleted; read back only through `disclose`. */
export const roundReleaseSchema = z.object({ version: z.literal(2), perspectives: z.array(releasedPerspectiveSchema) });
export type RoundRelease = z.infer<typeof roundReleaseSchema>;

/**
 * Replays one perspective's handed-in responses, oldest first. Deterministic: the same responses in the same order
 * always give the same release, so closing, reopening or re-reading a round never shows a figure that did not follow
 * the steps.
 */
export function releasePerspective(
  tool: Tool,
  perspective: Perspective,
  handedIn: readonly Answers[],
  threshold: number,
): ReleasedPerspective {
  const t = effectiveThreshold(threshold);
  const ids = askedFactorIds(tool, perspective);
  const empty = () => ({ distribution: emptyDistribution(), notApplicable: 0, dontKnow: 0 });
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
      // Each kind of answer moves on its own, and only by a whole batch.
      if (sum(pending.distribution) >= t) {
        shown.distribution = shown.distribution.map((n, i) => n + (pending.distribution[i] ?? 0));
        pending.distribution = emptyDistribution();
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

/** Releases the round's perspectives (in the canonical order). */
export function releaseRound(
  tool: Tool,
  handedIn: Partial<Record<Perspective, readonly Answers[]>>,
  threshold: number,
  perspectives: readonly Perspective[] = PERSPECTIVES,
): RoundRelease {
  return {
    version: 2,
    perspectives: PERSPECTIVES.filter((p) => perspectives.includes(p)).map((p) =>
      releasePerspective(tool, p, handedIn[p] ?? [], threshold),
    ),
  };
}

export type ItemAggregate = {
  id: string;
  /** Mean of the released scores; null ("te weinig antwoorden") when fewer than the threshold. */
  mean: number | null;
  /** Number of released scores; null when hidden. */
  scored: number | null;
  /** How many gave each score (index 0 is score 1); null when hidden. */
  distribution: number[] | null;
  /** Released n.v.t. answers; null when fewer than the threshold (also when none). */
  notApplicable: number | null;
  /** Released "weet ik niet" answers; null when fewer than the threshold (also when none). */
  dontKnow: number | null;
};
export type ThemeAggregate = {
  id: string;
  /** Mean of the factor means shown in this theme; null when none is shown. */
  mean: number | null;
  factorsShown: number;
  factors: number;
};

type Counts = { perspective: Perspective; responses: number; waiting: number };
export type PerspectiveResult =
  | (Counts & { visible: false })
  | (Counts & { visible: true; overall: number | null; themes: ThemeAggregate[]; items: ItemAggregate[] });
export type VisiblePerspectiveResult = Extract<PerspectiveResult, { visible: true }>;

const exactMean = (distribution: readonly number[]) => sum(distribution.map((n, i) => n * (i + 1))) / sum(distribution);
const average = (values: readonly number[]) => (values.length === 0 ? null : roundOneDecimal(sum(values) / values.length));

/**
 * The only way figures leave the domain. Whatever `released` holds (a fresh release or a stored snapshot, possibly
 * of an older format), every figure resting on fewer than `threshold` answers becomes null.
 */
export function disclose(tool: Tool, released: ReleasedPerspective, threshold: number): PerspectiveResult {
  const t = effectiveThreshold(threshold);
  const counts = { perspective: released.perspective, responses: released.responses, waiting: released.waiting };
  if (released.responses - released.waiting < t) return { ...counts, visible: false };
  const byId = new Map(released.items.map((i) => [i.id, i]));
  const exact = new Map<string, number>();
  const asked = new Set(askedFactorIds(tool, released.perspective));
  const items = tool.themes.flatMap((theme) =>
    theme.items
      .filter((item) => asked.has(item.id))
      .map((item): ItemAggregate => {
        const r = byId.get(item.id);
        const scored = r ? sum(r.distribution) : 0;
        const shown = r !== undefined && scored >= t;
        if (shown) exact.set(item.id, exactMean(r.distribution));
        return {
          id: item.id,
          mean: shown ? roundOneDecimal(exactMean(r.distribution)) : null,
          scored: shown ? scored : null,
          distribution: shown ? [...r.distribution] : null,
          notApplicable: r && r.notApplicable >= t ? r.notApplicable : null,
          dontKnow: r && r.dontKnow >= t ? r.dontKnow : null,
        };
      }),
  );
  const themes = tool.themes.map((theme): ThemeAggregate => {
    const means = theme.items.flatMap((i) => (exact.has(i.id) ? [exact.get(i.id) as number] : []));
    const factors = theme.items.filter((i) => asked.has(i.id)).length;
    return { id: theme.id, mean: average(means), factorsShown: means.length, factors };
  });
  return { ...counts, visible: true, overall: average([...exact.values()]), themes, items };
}

/** The figures of every perspective the release holds, in the canonical order. */
export function discloseRound(tool: Tool, release: RoundRelease, threshold: number): PerspectiveResult[] {
  return PERSPECTIVES.flatMap((p) => {
    const released = release.perspectives.find((r) => r.perspective === p);
    return released ? [disclose(tool, released, threshold)] : [];
  });
}

/** Snapshots from before stepwise release held per-perspective aggregates with `answered` counts. */
const legacySnapshotSchema = z.array(
  z.object({
    perspective: z.enum(PERSPECTIVES),
    responses: z.number().int().min(0),
    items: z
      .array(
        z.object({ id: z.string(), notApplicable: z.number().int().min(0), distribution: z.array(z.number().int().min(0)).length(SCORES) }),
      )
      .optional(),
  }),
);

/**
 * Reads a stored snapshot of either format as a release. Unknown shapes give an empty release (nothing shown) rather
 * than figures nobody can vouch for.
 */
export function readSnapshot(stored: unknown): RoundRelease {
  const current = roundReleaseSchema.safeParse(stored);
  if (current.success) return current.data;
  const legacy = legacySnapshotSchema.safeParse(stored);
  if (!legacy.success) return { version: 2, perspectives: [] };
  return {
    version: 2,
    perspectives: legacy.data.map((p) => ({
      perspective: p.perspective,
      responses: p.responses,
      waiting: 0,
      items: (p.items ?? []).map((i) => ({ ...i, dontKnow: 0 })),
    })),
  };
}

export const isVisible = (r: PerspectiveResult): r is VisiblePerspectiveResult => r.visible;
