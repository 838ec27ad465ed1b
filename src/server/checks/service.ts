import { and, eq, fillPlaceholders, inArray, is, isNull, lt, lte, Param, Placeholder, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { type RawStatement, rawStatement } from "../../db/prepared.ts";
import { checks, rounds } from "../../db/schema.ts";
import type { AnswerPatch, Answers } from "../../domain/checks/answers.ts";
import type { Tool } from "../../domain/content/schema.ts";
import { APP_TIME_ZONE, dutchDay } from "../../domain/dates.ts";
import type { Perspective } from "../../domain/teams/perspectives.ts";
import { newSecretId } from "../ids.ts";
import { tallyHandIn } from "../teams/tallies.ts";

/**
 * The current Dutch day as a timestamp at 00:00 UTC: what a respondent's check stores instead of the moment, so no
 * response carries a time finer than the day (read back, it shows the right date in Dutch time).
 */
export const DAY_ONLY = sql`((now() AT TIME ZONE ${sql.raw(`'${APP_TIME_ZONE}'`)})::date::timestamp AT TIME ZONE 'UTC')`;

export type CheckRound = {
  id: string;
  name: string;
  status: "open" | "closed";
  closesOn: string | null;
  perspective: Perspective;
  openLinksOff: Perspective[];
  youthMessage: string | null;
};
export type CheckRecord = {
  id: string;
  toolId: string;
  toolVersion: string;
  answers: Answers;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  /** The day (yyyy-mm-dd) the check was last opened. */
  lastOpenedOn: string;
  channel: "open" | "kiosk" | "personal" | null;
  /** Set when the check is a respondent's answer in a measurement round. */
  round: CheckRound | null;
};

export async function createCheck(
  db: Db,
  toolId: string,
  toolVersion: string,
  round?: { roundId: string; perspective: Perspective; channel: "open" | "kiosk" | "personal" },
): Promise<{ id: string }> {
  const id = newSecretId();
  await db.insert(checks).values({
    id,
    toolId,
    toolVersion,
    roundId: round?.roundId,
    perspective: round?.perspective,
    channel: round?.channel,
    // A response keeps the day only; a solo check its moments (its owner sees them), opened today.
    ...(round && { createdAt: DAY_ONLY, updatedAt: DAY_ONLY }),
    lastOpenedOn: dutchDay(new Date()),
  });
  return { id };
}

/**
 * "Not in a round", for statements that find one check by its id. Not written `round_id IS NULL`: that matches the
 * predicate of the retention index (checks_solo_last_opened_idx), and with few or stale statistics (a new install,
 * right after an import) PostgreSQL then walks that index over every solo check instead of looking the id up in the
 * primary key — on PGlite ~10 µs more per save with only 50 solo checks, growing with their number. Round ids are
 * never empty, so the condition is the same.
 */
const notInRound: SQL = sql`coalesce(${checks.roundId}, '') = ''`;

/**
 * Records that a solo check was opened on `today` (yyyy-mm-dd), in one conditional UPDATE and only when the check
 * does not already say so: opening it again the same day writes nothing. Respondents' checks are not tracked.
 */
export async function markOpened(db: Db, check: Pick<CheckRecord, "id" | "round" | "lastOpenedOn">, today: string): Promise<void> {
  if (check.round || check.lastOpenedOn >= today) return;
  await db
    .update(checks)
    .set({ lastOpenedOn: today })
    .where(and(eq(checks.id, check.id), notInRound, lt(checks.lastOpenedOn, today)));
}

/**
 * Deletes solo checks (no round) last opened on `cutoff` or before, with their plans (cascade), `batchSize` at a time
 * so no statement holds many rows locked. Returns how many were deleted.
 */
export async function deleteUnopenedSoloChecks(db: Db, cutoff: string, batchSize = 500): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = db
      .select({ id: checks.id })
      .from(checks)
      .where(and(isNull(checks.roundId), lte(checks.lastOpenedOn, cutoff)))
      .limit(batchSize);
    const rows = await db
      .delete(checks)
      .where(and(inArray(checks.id, batch), isNull(checks.roundId), lte(checks.lastOpenedOn, cutoff)))
      .returning({ id: checks.id });
    deleted += rows.length;
    if (rows.length < batchSize) return deleted;
  }
}

/** A statement drizzle renders once, run through `rawStatement` with its placeholders filled by name. */
type HotStatement = { run(values: Record<string, string>): ReturnType<RawStatement["run"]> };

function hotStatement(db: Db, name: string, query: { sql: string; params: unknown[] }): HotStatement {
  const statement = rawStatement(db, name, query.sql);
  // Which value each parameter takes, worked out once: drizzle's fillPlaceholders tells placeholders from constants
  // (walking prototypes) on every run.
  const slots = query.params.map((param): ((values: Record<string, string>) => unknown) => {
    // A placeholder wrapped with its column's encoder: filled the way drizzle does.
    if (is(param, Param)) return (values) => fillPlaceholders([param], values)[0];
    // A value drizzle rendered as a parameter: the same on every run.
    if (!is(param, Placeholder)) return () => param;
    const placeholder = param.name;
    return (values) => {
      if (!(placeholder in values)) throw new Error(`${name}: no value for placeholder "${placeholder}"`);
      return values[placeholder];
    };
  });
  return {
    run: (values) =>
      statement.run(
        slots.map((slot) => {
          const value = slot(values);
          return value === null || value === undefined ? null : String(value);
        }),
      ),
  };
}

/**
 * A save of answers as one UPDATE. The patch is one JSON object that merges in; when it clears answers (null values)
 * they are merged in and then stripped (stored answers never hold null), otherwise no strip is needed. What can
 * change while a check exists — handed in, round closed or past its closing day — is decided in the same statement
 * as the write; `today` is the Dutch day, as in roundAcceptsAnswers. Whether the check is in a round never changes,
 * so a solo check's save has no round condition (and a check that is not solo finds no row there).
 */
export function saveQuery(db: Db, inRound: boolean, clears: boolean): { sql: string; params: unknown[] } {
  const merged = sql`${checks.answers} || ${sql.placeholder("patch")}::jsonb`;
  const roundOpen: SQL = sql`EXISTS (SELECT 1 FROM ${rounds} WHERE ${rounds.id} = ${checks.roundId} AND ${rounds.status} = 'open' AND (${rounds.closesOn} IS NULL OR ${rounds.closesOn} >= ${sql.placeholder("today")}::date))`;
  return db
    .update(checks)
    .set({
      answers: clears ? sql`jsonb_strip_nulls(${merged})` : merged,
      // A response keeps the day only (see DAY_ONLY).
      updatedAt: inRound ? DAY_ONLY : sql`now()`,
    })
    .where(and(eq(checks.id, sql.placeholder("id")), isNull(checks.submittedAt), inRound ? roundOpen : notInRound))
    .toSQL();
}

/**
 * The statements of the hot paths (saving answers, reading a check or its answers), built once per database and
 * prepared: their SQL is rendered once instead of on every request, and each is parsed and planned once per database
 * session. Saves and answer reads go through `rawStatement` (one round trip on PGlite, no result mapping); the check
 * read, which maps a joined row, stays a drizzle prepared statement.
 */
function preparedStatements(db: Db) {
  const id = sql.placeholder("id");
  return {
    findCheck: db
      .select({
        check: checks,
        round: {
          id: rounds.id,
          name: rounds.name,
          status: rounds.status,
          closesOn: rounds.closesOn,
          openLinksOff: rounds.openLinksOff,
          youthMessage: rounds.youthMessage,
        },
      })
      .from(checks)
      .leftJoin(rounds, eq(rounds.id, checks.roundId))
      .where(eq(checks.id, id))
      .prepare("find_check"),
    readAnswers: hotStatement(
      db,
      "read_check_answers",
      db
        .select({ answers: checks.answers, submitted: sql<boolean>`${checks.submittedAt} IS NOT NULL` })
        .from(checks)
        .where(eq(checks.id, id))
        .toSQL(),
    ),
    save: {
      solo: hotStatement(db, "save_solo_answers", saveQuery(db, false, false)),
      soloClearing: hotStatement(db, "save_solo_answers_clearing", saveQuery(db, false, true)),
      round: hotStatement(db, "save_round_answers", saveQuery(db, true, false)),
      roundClearing: hotStatement(db, "save_round_answers_clearing", saveQuery(db, true, true)),
    },
  };
}

const statementsByDb = new WeakMap<Db, ReturnType<typeof preparedStatements>>();

function statements(db: Db): ReturnType<typeof preparedStatements> {
  let prepared = statementsByDb.get(db);
  if (!prepared) {
    prepared = preparedStatements(db);
    statementsByDb.set(db, prepared);
  }
  return prepared;
}

export async function findCheck(db: Db, id: string): Promise<CheckRecord | undefined> {
  const [row] = await statements(db).findCheck.execute({ id });
  if (!row) return undefined;
  const { check, round } = row;
  return {
    id: check.id,
    toolId: check.toolId,
    toolVersion: check.toolVersion,
    answers: check.answers,
    createdAt: check.createdAt,
    updatedAt: check.updatedAt,
    submittedAt: check.submittedAt,
    lastOpenedOn: check.lastOpenedOn,
    channel: check.channel,
    round: round && check.perspective ? { ...round, perspective: check.perspective } : null,
  };
}

/**
 * A check's answers as PostgreSQL writes jsonb (canonical: equal answers, equal text) and whether it was handed in,
 * nothing else (one indexed row); undefined when it does not exist.
 */
export function readAnswersJson(db: Db, id: string): Promise<{ answersJson: string; submitted: boolean } | undefined> {
  return statements(db)
    .readAnswers.run({ id })
    .then(({ rows: [row] }) => (row ? { answersJson: row[0] ?? "{}", submitted: row[1] === "t" } : undefined));
}

/**
 * Hands in a respondent's check: from then on it counts in the round's results, and never changes again. The round
 * row is locked while the response gets its place in the round (`submission_seq`), so places follow commit order and
 * every reader sees places 1…n without gaps: results are released along that order. Handing in twice is harmless.
 * Returns null when the round closed meanwhile.
 */
export async function submitCheck(db: Db, id: string, roundId: string, tool: Tool): Promise<Date | null> {
  return db.transaction(async (tx) => {
    // Locked, so these answers are the final ones (a save in flight waits, then finds the check handed in).
    const [current] = await tx
      .select({ submittedAt: checks.submittedAt, answers: checks.answers, perspective: checks.perspective, channel: checks.channel })
      .from(checks)
      .where(eq(checks.id, id))
      .for("update");
    if (current?.submittedAt) return current.submittedAt;
    // Closing takes the same lock, so a hand-in lands before the closing snapshot or is refused (null).
    const [round] = await tx
      .update(rounds)
      .set({ submissions: sql`${rounds.submissions} + 1` })
      .where(and(eq(rounds.id, roundId), eq(rounds.status, "open")))
      .returning({ submissions: rounds.submissions, tallied: rounds.talliedSubmissions, threshold: rounds.threshold });
    if (!round) return null;
    const [row] = await tx
      .update(checks)
      .set({ submittedAt: DAY_ONLY, submissionSeq: round.submissions })
      .where(and(eq(checks.id, id), isNull(checks.submittedAt)))
      .returning({ submittedAt: checks.submittedAt });
    // The round's release takes its next step in this transaction, still under the round row's lock.
    if (row && current?.perspective)
      await tallyHandIn(tx as unknown as Db, tool, {
        roundId,
        threshold: round.threshold,
        perspective: current.perspective,
        answers: current.answers,
        channel: current.channel,
        seq: round.submissions,
        tallied: round.tallied,
      });
    return row?.submittedAt ?? null;
  });
}

/**
 * Applies a validated patch in one statement: set values merge in, null values are removed. Only a check that still
 * takes answers changes: not handed in (also against a hand-in that lands while this request is under way), and
 * either solo or in a round that is open and not past its closing day (`today`, the Dutch day yyyy-mm-dd). `inRound`:
 * whether the check belongs to a round (a fact that never changes). Returns false when nothing changed — the check is
 * gone, handed in, its round no longer takes answers, or `inRound` was wrong.
 */
export function saveAnswers(db: Db, id: string, patch: AnswerPatch, today: string, inRound: boolean): Promise<boolean> {
  const clears = Object.values(patch).includes(null);
  const save = statements(db).save;
  const statement = inRound ? (clears ? save.roundClearing : save.round) : clears ? save.soloClearing : save.solo;
  return statement.run({ id, patch: JSON.stringify(patch), today }).then(({ count }) => count > 0);
}
