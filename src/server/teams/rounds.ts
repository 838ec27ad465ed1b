import { createHash } from "node:crypto";
import { and, asc, desc, eq, isNotNull, isNull, lt, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { checks, roundInvites, roundPersonalInvites, rounds, teams } from "../../db/schema.ts";
import type { Tool } from "../../domain/content/schema.ts";
import { dutchDay } from "../../domain/dates.ts";
import { discloseRound, type PerspectiveResult, type RoundRelease, readSnapshot, releasedOf } from "../../domain/teams/aggregation.ts";
import type { RoundInput } from "../../domain/teams/inputs.ts";
import { PERSPECTIVES, type Perspective } from "../../domain/teams/perspectives.ts";
import { retentionDeadline } from "../../domain/teams/retention.ts";
import { roundPastClosingDate } from "../../domain/teams/rounds.ts";
import { newSecretId } from "../ids.ts";
import { currentTallies, currentTalliesLocked, dropTallies, type RoundTally, startTallies, talliedCounts } from "./tallies.ts";

export type RoundRecord = typeof rounds.$inferSelect;
export type InviteTokens = Partial<Record<Perspective, string>>;

/** Starts a round with one random invite token per perspective, and its (empty) tallies. */
export async function startRound(db: Db, teamId: string, input: RoundInput, tool: Tool): Promise<{ id: string; tokens: InviteTokens }> {
  const id = newSecretId();
  const tokens: InviteTokens = Object.fromEntries(input.perspectives.map((p) => [p, newSecretId()]));
  await db.transaction(async (tx) => {
    await tx.insert(rounds).values({
      id,
      teamId,
      name: input.name,
      toolId: tool.id,
      threshold: input.threshold,
      closesOn: input.closesOn,
      perspectives: input.perspectives,
    });
    await tx
      .insert(roundInvites)
      .values(input.perspectives.map((perspective) => ({ token: tokens[perspective] ?? newSecretId(), roundId: id, perspective })));
    await startTallies(tx as unknown as Db, { id, threshold: input.threshold, perspectives: input.perspectives }, tool);
  });
  return { id, tokens };
}

export async function roundTokens(db: Db, roundId: string): Promise<InviteTokens> {
  const rows = await db.select().from(roundInvites).where(eq(roundInvites.roundId, roundId));
  return Object.fromEntries(rows.map((r) => [r.perspective, r.token])) as InviteTokens;
}

/** Submitted responses per perspective (counts only: no answers leave here). */
export async function responseCounts(db: Db, roundId: string): Promise<Record<Perspective, number>> {
  const tallied = await talliedCounts(db, roundId);
  if (tallied) return Object.fromEntries(PERSPECTIVES.map((p) => [p, tallied.get(p)?.handedIn ?? 0])) as Record<Perspective, number>;
  const rows = await db
    .select({ perspective: checks.perspective, n: sql<number>`count(*)`.mapWith(Number) })
    .from(checks)
    .where(and(eq(checks.roundId, roundId), isNotNull(checks.submittedAt)))
    .groupBy(checks.perspective);
  const counts = Object.fromEntries(PERSPECTIVES.map((p) => [p, 0])) as Record<Perspective, number>;
  for (const row of rows) if (row.perspective) counts[row.perspective] = row.n;
  return counts;
}

export async function listRounds(db: Db, teamId: string) {
  const list = await db.select().from(rounds).where(eq(rounds.teamId, teamId)).orderBy(desc(rounds.startedAt));
  // The route's response schema sends what may leave (never the kept snapshot or the tally bookkeeping).
  return Promise.all(list.map(async (r) => ({ ...r, responses: await responseCounts(db, r.id) })));
}

const releaseOf = (round: RoundRecord, tool: Tool, tallies: RoundTally[]): RoundRelease => ({
  version: 2,
  perspectives: tallies.map((t) => releasedOf(tool, t.perspective, t.state, round.threshold)),
});

/**
 * What a round has released: from its tallies, kept up to date on every hand-in (./tallies.ts), or the kept snapshot
 * once the raw responses were deleted.
 */
export async function roundRelease(db: Db, round: RoundRecord, tool: Tool): Promise<RoundRelease> {
  if (round.rawDeletedAt) return readSnapshot(round.aggregates);
  const tallies = await currentTallies(db, round, tool);
  if (tallies) return releaseOf(round, tool, tallies);
  // Its raw responses were deleted (or the round itself) since `round` was read.
  const fresh = await findRound(db, round.id);
  return readSnapshot(fresh?.aggregates ?? null);
}

/** The figures of a round that may be shown: every output (page, export, trend, plan) reads them from here. */
export async function roundAggregates(db: Db, round: RoundRecord, tool: Tool): Promise<PerspectiveResult[]> {
  return discloseRound(tool, await roundRelease(db, round, tool), round.threshold);
}

/** Handed-in responses per perspective by the way they came in (counts only). */
export async function channelCounts(db: Db, roundId: string): Promise<Record<Perspective, { open: number; personal: number }>> {
  const tallied = await talliedCounts(db, roundId);
  if (tallied)
    return Object.fromEntries(
      PERSPECTIVES.map((p) => {
        const c = tallied.get(p) ?? { handedIn: 0, personal: 0 };
        return [p, { open: c.handedIn - c.personal, personal: c.personal }];
      }),
    ) as Record<Perspective, { open: number; personal: number }>;
  const rows = await db
    .select({ perspective: checks.perspective, channel: checks.channel, n: sql<number>`count(*)`.mapWith(Number) })
    .from(checks)
    .where(and(eq(checks.roundId, roundId), isNotNull(checks.submittedAt)))
    .groupBy(checks.perspective, checks.channel);
  const counts = Object.fromEntries(PERSPECTIVES.map((p) => [p, { open: 0, personal: 0 }])) as Record<
    Perspective,
    { open: number; personal: number }
  >;
  // A shared device (kiosk) uses the open link.
  for (const row of rows) if (row.perspective) counts[row.perspective][row.channel === "personal" ? "personal" : "open"] += row.n;
  return counts;
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

/**
 * Closing keeps a snapshot of what was released (whole steps only), which survives the deletion of raw responses and
 * is read back through the same disclosure rule.
 */
export async function closeRound(db: Db, round: RoundRecord, tool: Tool, options: { onlyIfPastClosingDate?: Date } = {}): Promise<boolean> {
  // Catch the tallies up outside the lock first (if they are behind), so the locked part stays short.
  if (!round.rawDeletedAt) await currentTallies(db, round, tool);
  return db.transaction(async (tx) => {
    // The lock hand-ins take: none lands between the snapshot and the status change.
    const [locked] = await tx.select().from(rounds).where(eq(rounds.id, round.id)).for("update");
    if (!locked) return false;
    // Closing by date: only if, under the lock, the round is still open and past its date (no one closed it meanwhile).
    if (options.onlyIfPastClosingDate && !roundPastClosingDate(locked, options.onlyIfPastClosingDate)) return false;
    const aggregates = locked.rawDeletedAt
      ? readSnapshot(locked.aggregates)
      : releaseOf(locked, tool, await currentTalliesLocked(tx as unknown as Db, locked, tool));
    await tx.update(rounds).set({ status: "closed", closedAt: sql`now()`, aggregates }).where(eq(rounds.id, round.id));
    return true;
  });
}

/** Which open rounds to look at for closing by date: one round, the rounds of one team, or all (the retention job). */
export type DueRoundScope = { roundId: string } | { teamId: string } | "all";

/**
 * Closes every open round of `scope` whose closing day (Dutch time) is over, through `closeRound` — the same close a
 * coordinator does, so the release snapshot, the anonymity rules and the retention of raw responses apply unchanged.
 * Runs from the retention job and before a round is read, so no round shows "open" past its date. Returns how many
 * rounds it closed.
 */
export async function closeDueRounds(
  db: Db,
  toolOf: (toolId: string) => Tool | undefined,
  now: Date,
  scope: DueRoundScope,
): Promise<number> {
  const conditions: SQL[] = [eq(rounds.status, "open"), isNotNull(rounds.closesOn), lt(rounds.closesOn, dutchDay(now))];
  if (scope !== "all") conditions.push("roundId" in scope ? eq(rounds.id, scope.roundId) : eq(rounds.teamId, scope.teamId));
  const due = await db
    .select()
    .from(rounds)
    .where(and(...conditions));
  let closed = 0;
  for (const round of due) {
    const tool = toolOf(round.toolId);
    if (!tool) continue; // a tool no longer in the content: left for a coordinator (its routes answer 404 too)
    if (await closeRound(db, round, tool, { onlyIfPastClosingDate: now })) closed++;
  }
  return closed;
}

/**
 * Reopens a closed round; not once its raw responses are deleted, nor after its closing date (it would close again
 * by itself). False when it was not reopened.
 */
export async function reopenRound(db: Db, roundId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(rounds)
    .set({ status: "open", closedAt: null })
    .where(
      and(eq(rounds.id, roundId), isNull(rounds.rawDeletedAt), sql`(${rounds.closesOn} IS NULL OR ${rounds.closesOn} >= ${dutchDay(now)})`),
    )
    .returning({ id: rounds.id });
  return rows.length > 0;
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
      // The round row first: its lock keeps a catch-up of the tallies (./tallies.ts) from storing them again.
      await tx.update(rounds).set({ rawDeletedAt: sql`now()` }).where(eq(rounds.id, c.id));
      await tx.delete(checks).where(eq(checks.roundId, c.id));
      await dropTallies(tx as unknown as Db, c.id);
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

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Stores the hash of a new personal invitation token; the address it is mailed to is never stored. */
export async function addPersonalInvite(db: Db, roundId: string, perspective: Perspective): Promise<string> {
  const token = newSecretId();
  await db.insert(roundPersonalInvites).values({ tokenHash: hashToken(token), roundId, perspective });
  return token;
}

/** Forgets an invitation whose mail could not be sent, so it is not counted as sent. */
export async function dropPersonalInvite(db: Db, token: string): Promise<void> {
  await db.delete(roundPersonalInvites).where(eq(roundPersonalInvites.tokenHash, hashToken(token)));
}

export async function findPersonalInvite(db: Db, token: string) {
  const [row] = await db
    .select({
      round: rounds,
      perspective: roundPersonalInvites.perspective,
      used: roundPersonalInvites.used,
      teamName: teams.name,
      organisation: teams.organisation,
    })
    .from(roundPersonalInvites)
    .innerJoin(rounds, eq(rounds.id, roundPersonalInvites.roundId))
    .innerJoin(teams, eq(teams.id, rounds.teamId))
    .where(eq(roundPersonalInvites.tokenHash, hashToken(token)));
  return row;
}

/** Uses a personal invitation once: true only for the first caller. */
export async function redeemPersonalInvite(db: Db, token: string): Promise<boolean> {
  const rows = await db
    .update(roundPersonalInvites)
    .set({ used: true })
    .where(and(eq(roundPersonalInvites.tokenHash, hashToken(token)), eq(roundPersonalInvites.used, false)))
    .returning({ roundId: roundPersonalInvites.roundId });
  return rows.length === 1;
}

export async function personalInviteCounts(db: Db, roundId: string): Promise<Record<Perspective, { sent: number; used: number }>> {
  const rows = await db
    .select({
      perspective: roundPersonalInvites.perspective,
      sent: sql<number>`count(*)`.mapWith(Number),
      used: sql<number>`count(*) filter (where ${roundPersonalInvites.used})`.mapWith(Number),
    })
    .from(roundPersonalInvites)
    .where(eq(roundPersonalInvites.roundId, roundId))
    .groupBy(roundPersonalInvites.perspective);
  const counts = Object.fromEntries(PERSPECTIVES.map((p) => [p, { sent: 0, used: 0 }])) as Record<
    Perspective,
    { sent: number; used: number }
  >;
  for (const row of rows) counts[row.perspective] = { sent: row.sent, used: row.used };
  return counts;
}

/** Switches a perspective's open link on or off; off means personal invitations only. */
export async function setOpenLink(db: Db, roundId: string, perspective: Perspective, open: boolean): Promise<void> {
  await db
    .update(rounds)
    .set({
      openLinksOff: open
        ? sql`array_remove(${rounds.openLinksOff}, ${perspective})`
        : sql`array_append(array_remove(${rounds.openLinksOff}, ${perspective}), ${perspective})`,
    })
    .where(eq(rounds.id, roundId));
}

export const openLinks = (round: Pick<RoundRecord, "openLinksOff">): Record<Perspective, boolean> =>
  Object.fromEntries(PERSPECTIVES.map((p) => [p, !round.openLinksOff.includes(p)])) as Record<Perspective, boolean>;

/** Publishes (or withdraws, with null) the message the youth link shows after the round closed. */
export async function setYouthMessage(db: Db, roundId: string, message: string | null): Promise<void> {
  await db.update(rounds).set({ youthMessage: message }).where(eq(rounds.id, roundId));
}
