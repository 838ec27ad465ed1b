import { join, resolve } from "node:path";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { checks, rounds, roundTallies } from "../../db/schema.ts";
import type { Answers } from "../../domain/checks/answers.ts";
import { askedFactorIds, discloseRound, releaseRound } from "../../domain/teams/aggregation.ts";
import { PERSPECTIVES, type Perspective } from "../../domain/teams/perspectives.ts";
import { databaseTargets } from "../test/databases.ts";
import {
  completeAnswers,
  createCheck,
  createRound,
  createTeam,
  inviteToken,
  respond,
  saveAnswers,
  signUp,
  TOOL_ID,
} from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";
import { loadTools } from "../tools/load.ts";
import { purgeExpiredResponses } from "./rounds.ts";

/*
 * Round results come from tallies kept up to date on every hand-in (tallies.ts). Whatever happened — responses
 * handed in side by side, hand-ins the tallies never saw (a round from before them, an older instance), content that
 * changed — the figures must be exactly those of replaying every raw response in hand-in order.
 */

const root = resolve(import.meta.dirname, "../../..");
const tool = loadTools(join(root, "content")).get(TOOL_ID);
if (!tool) throw new Error(`tool ${TOOL_ID} missing`);

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe.each(databaseTargets())("round tallies on $name", (target) => {
  const ctx = useTestApp(target);
  let coordinator = "";
  let teamId = "";
  const db = () => ctx.database.db;

  beforeAll(async () => {
    coordinator = await signUp(ctx.api);
    teamId = await createTeam(ctx.api, coordinator);
  });

  const results = async (roundId: string) => {
    const res = await ctx.api("GET", `/api/rounds/${roundId}/results`, { cookie: coordinator });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  /** The figures of replaying every raw response of the round in hand-in order: what the tallies must equal. */
  async function replay(roundId: string) {
    const [round] = await db().select().from(rounds).where(eq(rounds.id, roundId));
    if (!round || !tool) throw new Error("no round");
    const rows = await db()
      .select({ perspective: checks.perspective, answers: checks.answers })
      .from(checks)
      .where(and(eq(checks.roundId, roundId), isNotNull(checks.submittedAt)))
      .orderBy(sql`${checks.submissionSeq} nulls first`, asc(checks.id));
    const byPerspective = Object.fromEntries(PERSPECTIVES.map((p) => [p, [] as Answers[]])) as Record<Perspective, Answers[]>;
    for (const row of rows) if (row.perspective) byPerspective[row.perspective].push(row.answers);
    const perspectives = discloseRound(tool, releaseRound(tool, byPerspective, round.threshold, round.perspectives), round.threshold);
    return JSON.parse(JSON.stringify(perspectives));
  }

  /** What the raw responses say about counts per perspective. */
  async function rawCounts(roundId: string) {
    const rows = await db()
      .select({ perspective: checks.perspective, channel: checks.channel, n: sql<number>`count(*)`.mapWith(Number) })
      .from(checks)
      .where(and(eq(checks.roundId, roundId), isNotNull(checks.submittedAt)))
      .groupBy(checks.perspective, checks.channel);
    const responses = Object.fromEntries(PERSPECTIVES.map((p) => [p, 0]));
    const channels = Object.fromEntries(PERSPECTIVES.map((p) => [p, { open: 0, personal: 0 }]));
    for (const r of rows) {
      if (!r.perspective) continue;
      responses[r.perspective] = (responses[r.perspective] ?? 0) + r.n;
      const c = channels[r.perspective];
      if (c) c[r.channel === "personal" ? "personal" : "open"] += r.n;
    }
    return { responses, channels };
  }

  /** Whether the tallies include every hand-in, as stored (before any read could catch them up). */
  async function current(roundId: string) {
    const [round] = await db().select().from(rounds).where(eq(rounds.id, roundId));
    return round !== undefined && round.talliedSubmissions === round.submissions;
  }

  async function expectEqualToReplay(roundId: string) {
    const shown = await results(roundId);
    expect(shown.perspectives).toEqual(await replay(roundId));
    const counts = await rawCounts(roundId);
    expect(shown.channels).toEqual(counts.channels);
    expect((await ctx.api("GET", `/api/rounds/${roundId}`, { cookie: coordinator })).json().responses).toEqual(counts.responses);
    const [round] = await db().select().from(rounds).where(eq(rounds.id, roundId));
    expect(round?.talliedSubmissions).toBe(round?.submissions);
    return shown;
  }

  /**
   * Responses written straight into the database with places after the round's last one, as hand-ins that never
   * went through the tallies (a round from before them, or an instance running older code).
   */
  async function insertHandIns(roundId: string, count: number, seed: number) {
    const rand = random(seed);
    const [round] = await db().select().from(rounds).where(eq(rounds.id, roundId));
    if (!round || !tool) throw new Error("no round");
    let seq = round.submissions;
    const values = Array.from({ length: count }, (_, n) => {
      const perspective = round.perspectives[Math.floor(rand() * round.perspectives.length)] ?? "professional";
      const answers: Answers = {};
      const sparse = rand() < 0.05; // below the minimum: handed in long ago, never counted
      for (const id of askedFactorIds(tool, perspective)) {
        const x = rand();
        if (x < (sparse ? 0.9 : 0.1)) continue;
        answers[id] = x < 0.2 ? "nvt" : x < 0.25 && perspective !== "professional" ? "weetniet" : 1 + Math.floor(rand() * 10);
      }
      seq++;
      return {
        id: `bulk-${seed}-${n}-${Math.random().toString(36).slice(2, 10)}`,
        toolId: TOOL_ID,
        toolVersion: "test",
        answers,
        roundId,
        perspective,
        channel: rand() < 0.3 ? ("personal" as const) : ("open" as const),
        submittedAt: new Date(),
        submissionSeq: seq,
      };
    });
    for (let i = 0; i < values.length; i += 500)
      await db()
        .insert(checks)
        .values(values.slice(i, i + 500));
    await db()
      .update(rounds)
      .set({ submissions: sql`${rounds.submissions} + ${count}` })
      .where(eq(rounds.id, roundId));
  }

  it("computes a large round's tallies on its first read, equal to the replay, and keeps them so on hand-in", async () => {
    const { id, invites } = await createRound(ctx.api, coordinator, teamId, { name: "Groot", threshold: 5 });
    await insertHandIns(id, 3000, 1);
    const [before] = await db().select().from(rounds).where(eq(rounds.id, id));
    expect(before?.talliedSubmissions).toBe(0); // the tallies never saw these

    const first = await expectEqualToReplay(id);
    expect(first.perspectives.every((p: { visible: boolean }) => p.visible)).toBe(true);
    expect(first.perspectives.reduce((n: number, p: { responses: number }) => n + p.responses, 0)).toBeGreaterThan(2500);

    // More hand-ins through the app: each takes its step in the tallies.
    for (const score of [3, 9, 6, 2, 8, 7]) await respond(ctx.api, invites.youth, { "1.1": score, "2.8": score });
    expect(await current(id)).toBe(true);
    await expectEqualToReplay(id);

    // A round from before the tallies existed has no rows at all: the first read makes them.
    await db().delete(roundTallies).where(eq(roundTallies.roundId, id));
    await db().update(rounds).set({ talliedSubmissions: 0 }).where(eq(rounds.id, id));
    await expectEqualToReplay(id);
    expect(await db().select({ p: roundTallies.perspective }).from(roundTallies).where(eq(roundTallies.roundId, id))).toHaveLength(4);

    // Hand-ins by an older instance after that: only those are caught up.
    await insertHandIns(id, 40, 2);
    await expectEqualToReplay(id);

    // The CSV export reads the same figures.
    const csv = (await ctx.api("GET", `/api/rounds/${id}/export.csv`, { cookie: coordinator })).body;
    const youth = (await replay(id)).find((p: { perspective: string }) => p.perspective === "youth");
    const mean = youth.items.find((i: { id: string }) => i.id === "1.1").mean;
    expect(
      csv
        .split("\n")
        .find((line) => line.startsWith("Jongeren;1;1.1;"))
        ?.split(";")[4],
    ).toBe(String(mean).replace(".", ","));
  });

  it("loses no hand-in when many come in at once, also while the tallies are being caught up", async () => {
    const { id, invites } = await createRound(ctx.api, coordinator, teamId, { name: "Druk", threshold: 3 });
    const prepare = async (n: number, perspective: Perspective) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const checkId = await createCheck(ctx.api, { invite: inviteToken(invites[perspective]) });
        await saveAnswers(
          ctx.api,
          checkId,
          await completeAnswers(ctx.api, { "1.1": 1 + (i % 10), "3.12": i % 4 === 0 ? "nvt" : 5 }, perspective),
        );
        ids.push(checkId);
      }
      return ids;
    };
    const first = [...(await prepare(12, "professional")), ...(await prepare(12, "youth"))];
    const submitted = await Promise.all(first.map((checkId) => ctx.api("POST", `/api/checks/${checkId}/submit`)));
    expect(submitted.map((r) => r.statusCode)).toEqual(first.map(() => 200));
    expect(await current(id)).toBe(true); // every hand-in took its step itself, none was left for a read
    await expectEqualToReplay(id);

    // Tallies behind (hand-ins they never saw), then hand-ins and reads side by side: reads catch up while
    // hand-ins come in; none may be lost or counted twice.
    await insertHandIns(id, 200, 3);
    const second = [...(await prepare(10, "employer")), ...(await prepare(10, "youth"))];
    const mixed = await Promise.all([
      ...second.map((checkId) => ctx.api("POST", `/api/checks/${checkId}/submit`)),
      ...Array.from({ length: 5 }, () => ctx.api("GET", `/api/rounds/${id}/results`, { cookie: coordinator })),
    ]);
    expect(mixed.map((r) => r.statusCode)).toEqual(mixed.map(() => 200));
    const shown = await expectEqualToReplay(id);
    const [round] = await db().select().from(rounds).where(eq(rounds.id, id));
    expect(round?.submissions).toBe(24 + 200 + 20);
    expect(shown.perspectives.reduce((n: number, p: { responses: number }) => n + p.responses, 0)).toBeLessThanOrEqual(244);
  });

  it("computes the tallies anew when they were made for other content", async () => {
    const { id, invites } = await createRound(ctx.api, coordinator, teamId, { name: "Andere inhoud" });
    for (const score of [4, 5, 6, 7]) await respond(ctx.api, invites.professional, { "1.1": score });
    const before = await expectEqualToReplay(id);
    // As if an older version of the tool asked other factors: its basis no longer fits.
    await db()
      .update(roundTallies)
      .set({ state: sql`jsonb_set(${roundTallies.state}, '{basis}', '"3|1.1,1.2"')` })
      .where(and(eq(roundTallies.roundId, id), eq(roundTallies.perspective, "professional")));
    // A hand-in finds tallies that do not fit and leaves them for the next read.
    await respond(ctx.api, invites.professional, { "1.1": 10 });
    const [stale] = await db().select().from(rounds).where(eq(rounds.id, id));
    expect(stale?.talliedSubmissions).toBe((stale?.submissions ?? 0) - 1);
    const after = await expectEqualToReplay(id);
    expect(after.perspectives).not.toEqual(before.perspectives); // the fifth response is counted
  });

  it("keeps the tallies through close and reopen, and drops them with the raw responses", async () => {
    const { id, invites } = await createRound(ctx.api, coordinator, teamId, { name: "Bewaartermijn" });
    for (const score of [4, 5, 6]) await respond(ctx.api, invites.youth, { "1.1": score });
    await respond(ctx.api, invites.youth, { "1.1": 1 }); // waits for the next step
    expect((await ctx.api("POST", `/api/rounds/${id}/close`, { cookie: coordinator })).statusCode).toBe(200);
    const closed = await expectEqualToReplay(id);
    expect((await ctx.api("POST", `/api/rounds/${id}/reopen`, { cookie: coordinator })).statusCode).toBe(200);
    expect((await results(id)).perspectives).toEqual(closed.perspectives);
    for (const score of [7, 8]) await respond(ctx.api, invites.youth, { "1.1": score });
    await ctx.api("POST", `/api/rounds/${id}/close`, { cookie: coordinator });
    const final = await expectEqualToReplay(id);

    const farFuture = new Date(Date.now() + 40 * 365 * 24 * 60 * 60 * 1000);
    expect(await purgeExpiredResponses(db(), farFuture)).toBeGreaterThanOrEqual(1);
    // What was waiting for a step leaves with the raw responses; the released snapshot stays.
    expect(await db().select().from(roundTallies).where(eq(roundTallies.roundId, id))).toEqual([]);
    expect((await results(id)).perspectives).toEqual(final.perspectives);
  });

  it("reads a round's responses along the index on (round, place)", async () => {
    await db().execute(sql`ANALYZE checks`);
    const [round] = await db().select({ id: rounds.id }).from(rounds).where(eq(rounds.name, "Andere inhoud"));
    const explained = await db().execute(
      sql`EXPLAIN SELECT perspective, answers, channel, submission_seq FROM checks
          WHERE round_id = ${round?.id ?? ""} AND submitted_at IS NOT NULL AND submission_seq > 0 AND submission_seq <= 5000
          ORDER BY submission_seq LIMIT 2000`,
    );
    const plan = (explained as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r).join(" ")).join("\n");
    expect(plan).toContain("checks_round_seq_idx");
  });
});
