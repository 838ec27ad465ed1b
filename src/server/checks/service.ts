import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { checks, planActions, planThemes, rounds } from "../../db/schema.ts";
import type { AnswerPatch, Answers } from "../../domain/checks/answers.ts";
import type { ActionInput, ActionPatch, Plan, PlanAction } from "../../domain/checks/plan.ts";
import { APP_TIME_ZONE, dutchDay } from "../../domain/dates.ts";
import type { Perspective } from "../../domain/teams/perspectives.ts";

/** 144 random bits, URL-safe: the check id is the only key to a check, so it must not be guessable. */
export function newSecretId(): string {
  return randomBytes(18).toString("base64url");
}

export const SECRET_ID_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;

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
 * Records that a solo check was opened on `today` (yyyy-mm-dd), in one conditional UPDATE and only when the check
 * does not already say so: opening it again the same day writes nothing. Respondents' checks are not tracked.
 */
export async function markOpened(db: Db, check: Pick<CheckRecord, "id" | "round" | "lastOpenedOn">, today: string): Promise<void> {
  if (check.round || check.lastOpenedOn >= today) return;
  await db
    .update(checks)
    .set({ lastOpenedOn: today })
    .where(and(eq(checks.id, check.id), isNull(checks.roundId), lt(checks.lastOpenedOn, today)));
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

export async function findCheck(db: Db, id: string): Promise<CheckRecord | undefined> {
  const [row] = await db
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
    .where(eq(checks.id, id));
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
 * Hands in a respondent's check: from then on it counts in the round's results, and never changes again. The round
 * row is locked while the response gets its place in the round (`submission_seq`), so places follow commit order and
 * every reader sees places 1…n without gaps: results are released along that order. Handing in twice is harmless.
 * Returns null when the round closed meanwhile.
 */
export async function submitCheck(db: Db, id: string, roundId: string): Promise<Date | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ submittedAt: checks.submittedAt }).from(checks).where(eq(checks.id, id)).for("update");
    if (current?.submittedAt) return current.submittedAt;
    // Closing takes the same lock, so a hand-in lands before the closing snapshot or is refused (null).
    const [round] = await tx
      .update(rounds)
      .set({ submissions: sql`${rounds.submissions} + 1` })
      .where(and(eq(rounds.id, roundId), eq(rounds.status, "open")))
      .returning({ submissions: rounds.submissions });
    if (!round) return null;
    const [row] = await tx
      .update(checks)
      .set({ submittedAt: DAY_ONLY, submissionSeq: round.submissions })
      .where(and(eq(checks.id, id), isNull(checks.submittedAt)))
      .returning({ submittedAt: checks.submittedAt });
    return row?.submittedAt ?? null;
  });
}

/**
 * Applies a validated patch in one statement: set values merge in, null values are removed. A handed-in response is
 * final, also against a hand-in that lands while this request is under way: then nothing changes and the result is
 * undefined, as for a check that does not exist.
 */
export async function patchAnswers(db: Db, id: string, patch: AnswerPatch): Promise<Answers | undefined> {
  const set: Answers = {};
  const remove: string[] = [];
  for (const [factorId, value] of Object.entries(patch)) {
    if (value === null) remove.push(factorId);
    else set[factorId] = value;
  }
  const [row] = await db
    .update(checks)
    .set({
      answers: sql`(${checks.answers} || ${JSON.stringify(set)}::jsonb) - ${sql`ARRAY[${sql.join(
        remove.map((r) => sql`${r}`),
        sql`, `,
      )}]::text[]`}`,
      // A response keeps the day only (see DAY_ONLY).
      updatedAt: sql`CASE WHEN ${checks.roundId} IS NULL THEN now() ELSE ${DAY_ONLY} END`,
    })
    .where(and(eq(checks.id, id), isNull(checks.submittedAt)))
    .returning({ answers: checks.answers });
  return row?.answers;
}

function toAction(row: typeof planActions.$inferSelect): PlanAction {
  return { id: row.id, themeId: row.themeId, factorId: row.factorId, what: row.what, who: row.who, when: row.when, status: row.status };
}

export async function loadPlan(db: Db, checkId: string): Promise<Plan> {
  const [themeRows, actionRows] = await Promise.all([
    db.select().from(planThemes).where(eq(planThemes.checkId, checkId)),
    db.select().from(planActions).where(eq(planActions.checkId, checkId)).orderBy(asc(planActions.position), asc(planActions.createdAt)),
  ]);
  return {
    themes: Object.fromEntries(themeRows.map((r) => [r.themeId, r.text])),
    actions: actionRows.map(toAction),
  };
}

export async function saveThemePlan(db: Db, checkId: string, themeId: string, text: string): Promise<void> {
  await db
    .insert(planThemes)
    .values({ checkId, themeId, text })
    .onConflictDoUpdate({ target: [planThemes.checkId, planThemes.themeId], set: { text, updatedAt: sql`now()` } });
}

export async function addAction(db: Db, checkId: string, input: ActionInput): Promise<PlanAction> {
  const [row] = await db
    .insert(planActions)
    .values({
      id: newSecretId(),
      checkId,
      themeId: input.themeId,
      factorId: input.factorId ?? null,
      what: input.what,
      who: input.who,
      when: input.when ?? null,
      status: input.status,
      position: sql`(SELECT coalesce(max(${planActions.position}), 0) + 1 FROM ${planActions} WHERE ${planActions.checkId} = ${checkId})`,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return toAction(row);
}

export async function findAction(db: Db, checkId: string, actionId: string): Promise<PlanAction | undefined> {
  const [row] = await db
    .select()
    .from(planActions)
    .where(and(eq(planActions.checkId, checkId), eq(planActions.id, actionId)));
  return row ? toAction(row) : undefined;
}

export async function updateAction(db: Db, checkId: string, actionId: string, patch: ActionPatch): Promise<PlanAction | undefined> {
  const [row] = await db
    .update(planActions)
    .set({
      ...(patch.themeId !== undefined && { themeId: patch.themeId }),
      ...(patch.factorId !== undefined && { factorId: patch.factorId }),
      ...(patch.what !== undefined && { what: patch.what }),
      ...(patch.who !== undefined && { who: patch.who }),
      ...(patch.when !== undefined && { when: patch.when }),
      ...(patch.status !== undefined && { status: patch.status }),
    })
    .where(and(eq(planActions.checkId, checkId), eq(planActions.id, actionId)))
    .returning();
  return row ? toAction(row) : undefined;
}

export async function deleteAction(db: Db, checkId: string, actionId: string): Promise<boolean> {
  const rows = await db
    .delete(planActions)
    .where(and(eq(planActions.checkId, checkId), eq(planActions.id, actionId)))
    .returning({ id: planActions.id });
  return rows.length > 0;
}
