import { z } from "zod";
import type { Answers } from "../checks/answers.ts";
import { roundOneDecimal } from "../checks/scoring.ts";
import type { Tool } from "../content/schema.ts";
import { askedFactorIds, effectiveThreshold, PERSPECTIVES, type Perspective } from "./perspectives.ts";

// Defined with the perspectives (zod-free, so the web's check pages can use it without loading zod); exported here too.
export { askedFactorIds };

/*
 * Anonymity of a measurement round, in two pure steps (documented per figure in docs/anonymity.md):
 *
 * 1. The release: responses are replayed in the order they were handed in. Every `threshold` counted responses of a
 *    perspective form a step. At a step, each factor's waiting scores are released only when at least `threshold`
 *    of them are waiting, and likewise its waiting n.v.t. answers. So a released figure only ever moves by a batch of
 *    at least `threshold` people, and never at the moment a single response arrives. The replay is a fold of
 *    `addResponse` over a `Tally` (released and still waiting counts per factor): the server keeps that tally up to
 *    date on every hand-in, so reading a round never replays its raw responses; `releasePerspective` is the same
 *    fold from the start.
 * 2. disclose: the one function every output goes through. It turns what was released into figures and hides every
 *    figure that rests on fewer than `threshold` answers. Theme and overall means are derived from the factor means
 *    it shows, so they add nothing that could be subtracted to isolate someone.
 */

const SCORES = 10;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** A response counts once at least half of the factors its perspective is asked are answered (any answer). */
export function minimumAnswers(tool: Tool, perspective: Perspective = "professional"): number {
  return Math.ceil(askedFactorIds(tool, perspective).length / 2);
}

export function countsAsResponse(tool: Tool, answers: Answers, perspective: Perspective = "professional"): boolean {
  return answeredAtLeast(new Set(askedFactorIds(tool, perspective)), answers, minimumAnswers(tool, perspective));
}

function answeredAtLeast(asked: ReadonlySet<string>, answers: Answers, minimum: number): boolean {
  let answered = 0;
  for (const id of Object.keys(answers)) if (asked.has(id)) answered++;
  return answered >= minimum;
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

/** Answer counts of one factor: index 0–9 the scores 1–10, then n.v.t., then "weet ik niet". */
const NOT_APPLICABLE = SCORES;
const DONT_KNOW = SCORES + 1;
const COUNTS = SCORES + 2;
const emptyCounts = () => Array.from({ length: COUNTS }, () => 0);
const countsSchema = z.array(z.number().int().min(0)).length(COUNTS);

/**
 * The state of one perspective's release after some handed-in responses: what each factor has released (whole
 * steps only) and what is still waiting for a step. Never shown as such: figures leave only through `releasedOf` and
 * `disclose`. Kept up to date by the server on every hand-in (table round_tallies).
 */
export const tallySchema = z.object({
  /** What the tally was computed for (`tallyBasis`): another threshold or other factors asked mean: compute anew. */
  basis: z.string(),
  /** Counted responses folded in (those below the minimum are not). */
  responses: z.number().int().min(0),
  released: z.record(z.string(), countsSchema),
  pending: z.record(z.string(), countsSchema),
});
export type Tally = z.infer<typeof tallySchema>;

/** What a tally depends on besides the responses: the effective threshold and the factors asked, in order. */
export function tallyBasis(tool: Tool, perspective: Perspective, threshold: number): string {
  return `${effectiveThreshold(threshold)}|${askedFactorIds(tool, perspective).join(",")}`;
}

/**
 * The release rule for one perspective, prepared once (factors asked, minimum, threshold) so that folding many
 * responses does not recompute it per response. `add` changes the tally it is given.
 */
function tallyRule(tool: Tool, perspective: Perspective, threshold: number) {
  const t = effectiveThreshold(threshold);
  const ids = askedFactorIds(tool, perspective);
  const asked = new Set(ids);
  const minimum = minimumAnswers(tool, perspective);
  const basis = tallyBasis(tool, perspective, threshold);
  return {
    ids,
    basis,
    empty: (): Tally => ({
      basis,
      responses: 0,
      released: Object.fromEntries(ids.map((id) => [id, emptyCounts()])),
      pending: Object.fromEntries(ids.map((id) => [id, emptyCounts()])),
    }),
    add(tally: Tally, answers: Answers): void {
      if (tally.basis !== basis) throw new Error(`tally of another basis (${tally.basis}, not ${basis})`);
      if (!answeredAtLeast(asked, answers, minimum)) return;
      for (const id of ids) {
        const value = answers[id];
        const pending = tally.pending[id];
        if (!pending) continue;
        if (value === "nvt") pending[NOT_APPLICABLE] = (pending[NOT_APPLICABLE] ?? 0) + 1;
        else if (value === "weetniet") pending[DONT_KNOW] = (pending[DONT_KNOW] ?? 0) + 1;
        else if (typeof value === "number") pending[value - 1] = (pending[value - 1] ?? 0) + 1;
      }
      tally.responses++;
      if (tally.responses % t !== 0) return;
      for (const id of ids) {
        const pending = tally.pending[id];
        const shown = tally.released[id];
        if (!pending || !shown) continue;
        // Each kind of answer moves on its own, and only by a whole batch.
        if (sum(pending.slice(0, SCORES)) >= t) {
          for (let i = 0; i < SCORES; i++) {
            shown[i] = (shown[i] ?? 0) + (pending[i] ?? 0);
            pending[i] = 0;
          }
        }
        for (const kind of [NOT_APPLICABLE, DONT_KNOW]) {
          if ((pending[kind] ?? 0) >= t) {
            shown[kind] = (shown[kind] ?? 0) + (pending[kind] ?? 0);
            pending[kind] = 0;
          }
        }
      }
    },
  };
}

/** The tally of a perspective before any response. */
export function emptyTally(tool: Tool, perspective: Perspective, threshold: number): Tally {
  return tallyRule(tool, perspective, threshold).empty();
}

const copyTally = (tally: Tally): Tally => ({
  basis: tally.basis,
  responses: tally.responses,
  released: Object.fromEntries(Object.entries(tally.released).map(([id, c]) => [id, [...c]])),
  pending: Object.fromEntries(Object.entries(tally.pending).map(([id, c]) => [id, [...c]])),
});

/**
 * One handed-in response more: the next step of the replay. Pure (returns a new tally). A response below the minimum
 * changes nothing; every `threshold`-th counted response is a step. The tally must have this basis.
 */
export function addResponse(tally: Tally, tool: Tool, perspective: Perspective, answers: Answers, threshold: number): Tally {
  const next = copyTally(tally);
  tallyRule(tool, perspective, threshold).add(next, answers);
  return next;
}

/**
 * Folds many responses (oldest first) into a tally in place: the same steps as `addResponse`, prepared once. Returns
 * the tally for convenience.
 */
export function foldResponses(tally: Tally, tool: Tool, perspective: Perspective, handedIn: Iterable<Answers>, threshold: number): Tally {
  const rule = tallyRule(tool, perspective, threshold);
  for (const answers of handedIn) rule.add(tally, answers);
  return tally;
}

/** What a tally has released: whole steps only, never what is waiting. */
export function releasedOf(tool: Tool, perspective: Perspective, tally: Tally, threshold: number): ReleasedPerspective {
  const rule = tallyRule(tool, perspective, threshold);
  if (tally.basis !== rule.basis) throw new Error(`tally of another basis (${tally.basis}, not ${rule.basis})`);
  return {
    perspective,
    responses: tally.responses,
    waiting: tally.responses % effectiveThreshold(threshold),
    items: rule.ids.map((id) => {
      const counts = tally.released[id] ?? emptyCounts();
      return {
        id,
        distribution: counts.slice(0, SCORES),
        notApplicable: counts[NOT_APPLICABLE] ?? 0,
        dontKnow: counts[DONT_KNOW] ?? 0,
      };
    }),
  };
}

/**
 * Replays one perspective's handed-in responses, oldest first: the fold of `addResponse` from an empty tally.
 * Deterministic: the same responses in the same order always give the same release, so closing, reopening or
 * re-reading a round never shows a figure that did not follow the steps.
 */
export function releasePerspective(
  tool: Tool,
  perspective: Perspective,
  handedIn: readonly Answers[],
  threshold: number,
): ReleasedPerspective {
  const tally = foldResponses(emptyTally(tool, perspective, threshold), tool, perspective, handedIn, threshold);
  return releasedOf(tool, perspective, tally, threshold);
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

/**
 * Version 1 of a closed round's snapshot, from before stepwise release: per-perspective aggregates without a
 * `version` field (the current format, `roundReleaseSchema`, is version 2). Read as a release that has released
 * everything it holds.
 */
const snapshotV1Schema = z
  .array(
    z.object({
      perspective: z.enum(PERSPECTIVES),
      responses: z.number().int().min(0),
      items: z
        .array(
          z.object({
            id: z.string(),
            notApplicable: z.number().int().min(0),
            distribution: z.array(z.number().int().min(0)).length(SCORES),
          }),
        )
        .optional(),
    }),
  )
  .transform(
    (perspectives): RoundRelease => ({
      version: 2,
      perspectives: perspectives.map((p) => ({
        perspective: p.perspective,
        responses: p.responses,
        waiting: 0,
        items: (p.items ?? []).map((i) => ({ ...i, dontKnow: 0 })),
      })),
    }),
  );

/**
 * What `rounds.aggregates` holds, by version: 2 (`{ version: 2, perspectives }`, written since stepwise release) or
 * 1 (unversioned, see snapshotV1Schema). Parsed on every read into the current release.
 */
export const roundSnapshotSchema = z.union([roundReleaseSchema, snapshotV1Schema]);
/** A snapshot as stored (any version). */
export type StoredRoundSnapshot = z.input<typeof roundSnapshotSchema>;

/**
 * Reads a stored snapshot of any version as a release. Unknown shapes give an empty release (nothing shown) rather
 * than figures nobody can vouch for.
 */
export function readSnapshot(stored: unknown): RoundRelease {
  const parsed = roundSnapshotSchema.safeParse(stored);
  return parsed.success ? parsed.data : { version: 2, perspectives: [] };
}

export const isVisible = (r: PerspectiveResult): r is VisiblePerspectiveResult => r.visible;
