import { and, asc, eq, gt, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { checks, rounds, roundTallies } from "../../db/schema.ts";
import type { Answers } from "../../domain/checks/answers.ts";
import type { Tool } from "../../domain/content/schema.ts";
import { addResponse, emptyTally, foldResponses, type Tally, tallyBasis, tallySchema } from "../../domain/teams/aggregation.ts";
import { PERSPECTIVES, type Perspective } from "../../domain/teams/perspectives.ts";

/*
 * The release of a round kept up to date on every hand-in (docs/anonymity.md, "Where the figures come from").
 *
 * The release is a fold over the handed-in responses in their order (checks.submission_seq), so its state — one
 * `Tally` per perspective, a few hundred numbers — is stored in round_tallies and moved one step by each hand-in, in
 * the hand-in's own transaction while it holds the round row's lock (the lock that hands out submission_seq). Reading
 * results is then one small query, whatever the number of responses.
 *
 * rounds.tallied_submissions says how many hand-ins the tallies include. A hand-in that cannot take the step (tallies
 * missing: a round from before this table; behind: a hand-in by an instance without this code; or computed for other
 * factors or another threshold: the content changed) leaves them behind, and the next read catches them up from the
 * raw responses: the part that is missing only, or everything when they do not fit the tool. It reads those in pages
 * outside any lock (handed-in responses never change), then, under the round lock, folds the few that came in
 * meanwhile and stores the result — unless someone else stored tallies in between, then it starts over.
 */

export type RoundTally = {
  perspective: Perspective;
  state: Tally;
  /** Handed in, counted or not. */
  handedIn: number;
  /** Handed in through a personal invitation. */
  personal: number;
};

type RoundForTally = { id: string; threshold: number; perspectives: Perspective[] };

/** Responses read per query when catching up, so a large round never holds the event loop for long. */
const PAGE = 1000;
/** How often a catch-up starts over when others store tallies meanwhile before it settles for its own figures. */
const ATTEMPTS = 3;

const perspectivesOf = (round: RoundForTally) => PERSPECTIVES.filter((p) => round.perspectives.includes(p));

function parseTally(stored: unknown): Tally | undefined {
  const parsed = tallySchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/** The stored tallies of every perspective of the round, when each is there and fits the tool; else undefined. */
function fitting(
  round: RoundForTally,
  tool: Tool,
  rows: { perspective: Perspective; state: unknown; handedIn: number; personal: number }[],
) {
  const tallies: RoundTally[] = [];
  for (const perspective of perspectivesOf(round)) {
    const row = rows.find((r) => r.perspective === perspective);
    const state = row && parseTally(row.state);
    if (!row || !state || state.basis !== tallyBasis(tool, perspective, round.threshold)) return undefined;
    tallies.push({ perspective, state, handedIn: row.handedIn, personal: row.personal });
  }
  return tallies;
}

const emptyTallies = (round: RoundForTally, tool: Tool): RoundTally[] =>
  perspectivesOf(round).map((perspective) => ({
    perspective,
    state: emptyTally(tool, perspective, round.threshold),
    handedIn: 0,
    personal: 0,
  }));

/** The round's counters and stored tallies, in one query. Undefined when the round does not exist. */
async function readStored(db: Db, roundId: string) {
  const rows = await db
    .select({
      submissions: rounds.submissions,
      tallied: rounds.talliedSubmissions,
      rawDeletedAt: rounds.rawDeletedAt,
      perspective: roundTallies.perspective,
      state: roundTallies.state,
      handedIn: roundTallies.handedIn,
      personal: roundTallies.personal,
    })
    .from(rounds)
    .leftJoin(roundTallies, eq(roundTallies.roundId, rounds.id))
    .where(eq(rounds.id, roundId));
  const [first] = rows;
  if (!first) return undefined;
  return {
    submissions: first.submissions,
    tallied: first.tallied,
    rawDeletedAt: first.rawDeletedAt,
    rows: rows.flatMap((r) =>
      r.perspective ? [{ perspective: r.perspective, state: r.state, handedIn: r.handedIn ?? 0, personal: r.personal ?? 0 }] : [],
    ),
  };
}

/**
 * Folds the round's hand-ins with a place in (from, upTo] into `tallies`, in their order, a page at a time. From 0
 * it first takes hand-ins without a place (none since migration 0004 numbered them), as the replay always did.
 */
async function foldHandIns(db: Db, round: RoundForTally, tool: Tool, tallies: RoundTally[], from: number, upTo: number): Promise<void> {
  const byPerspective = new Map(tallies.map((t) => [t.perspective, t]));
  const take = (rows: { perspective: Perspective | null; answers: Answers; channel: string | null }[]) => {
    for (const perspective of byPerspective.keys()) {
      const tally = byPerspective.get(perspective);
      if (!tally) continue;
      const mine = rows.filter((r) => r.perspective === perspective);
      foldResponses(
        tally.state,
        tool,
        perspective,
        mine.map((r) => r.answers),
        round.threshold,
      );
      tally.handedIn += mine.length;
      tally.personal += mine.filter((r) => r.channel === "personal").length;
    }
  };
  const columns = { perspective: checks.perspective, answers: checks.answers, channel: checks.channel, seq: checks.submissionSeq };
  if (from === 0) {
    const unnumbered = await db
      .select(columns)
      .from(checks)
      .where(and(eq(checks.roundId, round.id), isNotNull(checks.submittedAt), isNull(checks.submissionSeq)))
      .orderBy(asc(checks.id));
    take(unnumbered);
  }
  let after = from;
  while (after < upTo) {
    // Along the index checks_round_seq_idx (round_id, submission_seq).
    const page = await db
      .select(columns)
      .from(checks)
      .where(
        and(eq(checks.roundId, round.id), isNotNull(checks.submittedAt), gt(checks.submissionSeq, after), lte(checks.submissionSeq, upTo)),
      )
      .orderBy(asc(checks.submissionSeq))
      .limit(PAGE);
    take(page);
    const last = page.at(-1)?.seq;
    if (page.length < PAGE || last === null || last === undefined) break;
    after = last;
    // Let other requests in between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Writes the tallies and the number of hand-ins they include; the caller holds the round row's lock. */
async function store(tx: Db, roundId: string, tallies: RoundTally[], through: number): Promise<void> {
  for (const t of tallies) {
    const values = { state: t.state, handedIn: t.handedIn, personal: t.personal };
    await tx
      .insert(roundTallies)
      .values({ roundId, perspective: t.perspective, ...values })
      .onConflictDoUpdate({ target: [roundTallies.roundId, roundTallies.perspective], set: values });
  }
  await tx.update(rounds).set({ talliedSubmissions: through }).where(eq(rounds.id, roundId));
}

/** Empty tallies for a new round, in the transaction that creates it. */
export async function startTallies(tx: Db, round: RoundForTally, tool: Tool): Promise<void> {
  await store(tx, round.id, emptyTallies(round, tool), 0);
}

export type HandIn = {
  roundId: string;
  threshold: number;
  perspective: Perspective;
  answers: Answers;
  channel: string | null;
  /** The response's place in the round (submission_seq). */
  seq: number;
  /** rounds.tallied_submissions before this hand-in. */
  tallied: number;
};

/**
 * One step of the release for a hand-in, in its transaction, after it took its place under the round row's lock.
 * When the tallies are not current (or do not fit the tool) it leaves them behind for the next read to catch up.
 */
export async function tallyHandIn(tx: Db, tool: Tool, handIn: HandIn): Promise<void> {
  if (handIn.tallied !== handIn.seq - 1) return;
  const [row] = await tx
    .select({ state: roundTallies.state })
    .from(roundTallies)
    .where(and(eq(roundTallies.roundId, handIn.roundId), eq(roundTallies.perspective, handIn.perspective)));
  const state = row && parseTally(row.state);
  if (!state || state.basis !== tallyBasis(tool, handIn.perspective, handIn.threshold)) return;
  await tx
    .update(roundTallies)
    .set({
      state: addResponse(state, tool, handIn.perspective, handIn.answers, handIn.threshold),
      handedIn: sql`${roundTallies.handedIn} + 1`,
      personal: sql`${roundTallies.personal} + ${handIn.channel === "personal" ? 1 : 0}`,
    })
    .where(and(eq(roundTallies.roundId, handIn.roundId), eq(roundTallies.perspective, handIn.perspective)));
  await tx.update(rounds).set({ talliedSubmissions: handIn.seq }).where(eq(rounds.id, handIn.roundId));
}

/**
 * The round's tallies including every hand-in so far, caught up from the raw responses when needed (see the top of
 * this file). Undefined when the round is gone or its raw responses were deleted: then its figures are the closing
 * snapshot.
 */
export async function currentTallies(db: Db, round: RoundForTally, tool: Tool): Promise<RoundTally[] | undefined> {
  let latest: RoundTally[] | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await readStored(db, round.id);
    if (!stored || stored.rawDeletedAt) return undefined;
    const fit = fitting(round, tool, stored.rows);
    if (fit && stored.tallied === stored.submissions) return fit;
    // Catch up outside any lock: handed-in responses with a place up to `submissions` never change.
    const from = fit ? stored.tallied : 0;
    const tallies = fit ?? emptyTallies(round, tool);
    await foldHandIns(db, round, tool, tallies, from, stored.submissions);
    latest = tallies;
    const settled = await db.transaction(async (tx): Promise<"stored" | "gone" | "moved"> => {
      const [locked] = await tx
        .select({ submissions: rounds.submissions, tallied: rounds.talliedSubmissions, rawDeletedAt: rounds.rawDeletedAt })
        .from(rounds)
        .where(eq(rounds.id, round.id))
        .for("update");
      // Deleted, or its raw responses deleted meanwhile: nothing to keep (waiting counts must not outlive them).
      if (!locked || locked.rawDeletedAt) return "gone";
      // Someone else stored tallies meanwhile: ours may rest on what they replaced.
      if (locked.tallied !== stored.tallied) return "moved";
      // The few hand-ins since the pages were read; under the lock no other can come in.
      await foldHandIns(tx as unknown as Db, round, tool, tallies, stored.submissions, locked.submissions);
      await store(tx as unknown as Db, round.id, tallies, locked.submissions);
      return "stored";
    });
    if (settled === "gone") return undefined;
    if (settled === "stored") return tallies;
  }
  // Still moving under us: what we computed is the release after the hand-ins we read, a correct (slightly earlier)
  // view; the next read stores the tallies.
  return latest ?? emptyTallies(round, tool);
}

/**
 * The same inside a transaction that holds the round row's lock (closing): caught up directly, nothing can come in
 * meanwhile. Cheap when the tallies are current, as they are after a hand-in.
 */
export async function currentTalliesLocked(tx: Db, round: RoundForTally, tool: Tool): Promise<RoundTally[]> {
  const stored = await readStored(tx, round.id);
  if (!stored || stored.rawDeletedAt) return emptyTallies(round, tool);
  const fit = fitting(round, tool, stored.rows);
  if (fit && stored.tallied === stored.submissions) return fit;
  const tallies = fit ?? emptyTallies(round, tool);
  await foldHandIns(tx, round, tool, tallies, fit ? stored.tallied : 0, stored.submissions);
  await store(tx, round.id, tallies, stored.submissions);
  return tallies;
}

/**
 * Handed-in responses per perspective (all, and through personal invitations) from the tallies when they are
 * current; undefined otherwise (then the caller counts the raw responses).
 */
export async function talliedCounts(
  db: Db,
  roundId: string,
): Promise<Map<Perspective, { handedIn: number; personal: number }> | undefined> {
  const stored = await readStored(db, roundId);
  if (!stored || stored.tallied !== stored.submissions) return undefined;
  return new Map(stored.rows.map((r) => [r.perspective, { handedIn: r.handedIn, personal: r.personal }]));
}

/** Forgets the tallies with the raw responses (retention): their waiting counts must not outlive them. */
export async function dropTallies(tx: Db, roundId: string): Promise<void> {
  await tx.delete(roundTallies).where(eq(roundTallies.roundId, roundId));
}
