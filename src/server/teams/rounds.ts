import { and, asc, desc, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { checks, roundInvites, rounds, teams } from "../../db/schema.ts";
import type { Answers } from "../../domain/checks/answers.ts";
import type { Tool } from "../../domain/content/schema.ts";
import { aggregateRound, type PerspectiveResult } from "../../domain/teams/aggregation.ts";
import type { RoundInput } from "../../domain/teams/inputs.ts";
import { PERSPECTIVES, type Perspective } from "../../domain/teams/perspectives.ts";
import { retentionDeadline } from "../../domain/teams/retention.ts";
import { newSecretId } from "../checks/service.ts";

export type RoundRecord = typeof rounds.$inferSelect;
export type InviteTokens = Record<Perspective, string>;

/** Starts a round with one random invite token per perspective. */
export async function startRound(db: Db, teamId: string, input: RoundInput): Promise<{ id: string; tokens: InviteTokens }> {
  const id = newSecretId();
  const tokens = Object.fromEntries(PERSPECTIVES.map((p) => [p, newSecretId()])) as InviteTokens;
  await db.transaction(async (tx) => {
    await tx
      .insert(rounds)
      .values({ id, teamId, name: input.name, toolId: input.toolId, threshold: input.threshold, closesOn: input.closesOn });
    await tx.insert(roundInvites).values(PERSPECTIVES.map((perspective) => ({ token: tokens[perspective], roundId: id, perspective })));
  });
  return { id, tokens };
}

export async function roundTokens(db: Db, roundId: string): Promise<InviteTokens> {
  const rows = await db.select().from(roundInvites).where(eq(roundInvites.roundId, roundId));
  return Object.fromEntries(rows.map((r) => [r.perspective, r.token])) as InviteTokens;
}

/** Submitted responses per perspective (counts only: no answers leave here). */
export async function responseCounts(db: Db, roundId: string): Promise<Record<Perspective, number>> {
  const rows = await db
    .select({ perspective: checks.perspective, n: sql<number>`count(*)`.mapWith(Number) })
    .from(checks)
    .where(and(eq(checks.roundId, roundId), isNotNull(checks.submittedAt)))
    .groupBy(checks.perspective);
  const counts = { professional: 0, youth: 0, employer: 0 };
  for (const row of rows) if (row.perspective) counts[row.perspective] = row.n;
  return counts;
}

export async function listRounds(db: Db, teamId: string) {
  const list = await db.select().from(rounds).where(eq(rounds.teamId, teamId)).orderBy(desc(rounds.startedAt));
  return Promise.all(list.map(async (r) => ({ ...publicRound(r), responses: await responseCounts(db, r.id) })));
}

export function publicRound(r: RoundRecord) {
  const { aggregates: _aggregates, ...rest } = r;
  return rest;
}

async function submittedAnswers(db: Db, roundId: string): Promise<Record<Perspective, Answers[]>> {
  const rows = await db
    .select({ perspective: checks.perspective, answers: checks.answers })
    .from(checks)
    .where(and(eq(checks.roundId, roundId), isNotNull(checks.submittedAt)));
  const byPerspective: Record<Perspective, Answers[]> = { professional: [], youth: [], employer: [] };
  for (const row of rows) if (row.perspective) byPerspective[row.perspective].push(row.answers);
  return byPerspective;
}

/** Aggregates of a round: from the raw responses, or from the kept snapshot once those were deleted. */
export async function roundAggregates(db: Db, round: RoundRecord, tool: Tool): Promise<PerspectiveResult[]> {
  if (round.rawDeletedAt && round.aggregates) return round.aggregates as PerspectiveResult[];
  return aggregateRound(tool, await submittedAnswers(db, round.id), round.threshold);
}

export async function previousRound(db: Db, round: RoundRecord): Promise<RoundRecord | undefined> {
  const [prev] = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.teamId, round.teamId), sql`${rounds.startedAt} < ${round.startedAt.toISOString()}`))
    .orderBy(desc(rounds.startedAt))
    .limit(1);
  return prev;
}

export async function teamRounds(db: Db, teamId: string): Promise<RoundRecord[]> {
  return db.select().from(rounds).where(eq(rounds.teamId, teamId)).orderBy(asc(rounds.startedAt));
}

/** Closing keeps a snapshot of the (threshold-filtered) aggregates, which survives the deletion of raw responses. */
export async function closeRound(db: Db, round: RoundRecord, tool: Tool): Promise<void> {
  const aggregates = await roundAggregates(db, round, tool);
  await db.update(rounds).set({ status: "closed", closedAt: sql`now()`, aggregates }).where(eq(rounds.id, round.id));
}

export async function reopenRound(db: Db, roundId: string): Promise<void> {
  await db
    .update(rounds)
    .set({ status: "open", closedAt: null })
    .where(and(eq(rounds.id, roundId), isNull(rounds.rawDeletedAt)));
}

export async function deleteRound(db: Db, roundId: string): Promise<void> {
  await db.delete(rounds).where(eq(rounds.id, roundId));
}

/** Deletes the raw responses of closed rounds whose team's retention period has passed; the aggregates stay. */
export async function purgeExpiredResponses(db: Db, now: Date): Promise<number> {
  const candidates = await db
    .select({ id: rounds.id, closedAt: rounds.closedAt, months: teams.retentionMonths })
    .from(rounds)
    .innerJoin(teams, eq(teams.id, rounds.teamId))
    .where(and(eq(rounds.status, "closed"), isNull(rounds.rawDeletedAt), isNotNull(rounds.closedAt), lte(rounds.closedAt, now)));
  let purged = 0;
  for (const c of candidates) {
    if (!c.closedAt || retentionDeadline(c.closedAt, c.months) > now) continue;
    await db.transaction(async (tx) => {
      await tx.delete(checks).where(eq(checks.roundId, c.id));
      await tx.update(rounds).set({ rawDeletedAt: sql`now()` }).where(eq(rounds.id, c.id));
    });
    purged++;
  }
  return purged;
}

export async function findRoundInvite(db: Db, token: string) {
  const [row] = await db
    .select({ round: rounds, perspective: roundInvites.perspective, teamName: teams.name, organisation: teams.organisation })
    .from(roundInvites)
    .innerJoin(rounds, eq(rounds.id, roundInvites.roundId))
    .innerJoin(teams, eq(teams.id, rounds.teamId))
    .where(eq(roundInvites.token, token));
  return row;
}

export async function findRound(db: Db, roundId: string): Promise<RoundRecord | undefined> {
  const [row] = await db.select().from(rounds).where(eq(rounds.id, roundId));
  return row;
}
