import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { checks, planActions, planThemes, rateLimitHits, rounds } from "../../db/schema.ts";
import { dutchDay, monthsBefore } from "../../domain/dates.ts";
import { deleteUnopenedSoloChecks } from "../checks/service.ts";
import { runRetention } from "../retention-job.ts";
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
import { indexTool, loadTools } from "../tools/load.ts";

const root = resolve(import.meta.dirname, "../../..");
const tools = new Map([...loadTools(join(root, "content"))].map(([id, tool]) => [id, indexTool(tool)]));
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => dutchDay(new Date(Date.now() - days * DAY));

describe.each(databaseTargets())("retention on $name", (target) => {
  const ctx = useTestApp(target, { soloCheckRetentionMonths: 18 });
  let coordinator = "";
  let teamId = "";

  beforeAll(async () => {
    coordinator = await signUp(ctx.api);
    teamId = await createTeam(ctx.api, coordinator);
  });

  const retention = (months = 24) => runRetention(ctx.database.db, { tools, soloCheckRetentionMonths: months }, new Date());
  const roundRow = async (id: string) => (await ctx.database.db.select().from(rounds).where(eq(rounds.id, id)))[0];
  const checkRow = async (id: string) => (await ctx.database.db.select().from(checks).where(eq(checks.id, id)))[0];
  const setClosesOn = (id: string, day: string) => ctx.database.db.update(rounds).set({ closesOn: day }).where(eq(rounds.id, id));
  const setLastOpened = (ids: string[], day: string) =>
    ctx.database.db.update(checks).set({ lastOpenedOn: day }).where(inArray(checks.id, ids));
  const results = async (id: string) => (await ctx.api("GET", `/api/rounds/${id}/results`, { cookie: coordinator })).json();

  /** A round with three handed-in youth responses and one started but not handed in, its closing date then set. */
  async function roundWithResponses(closesOn: string) {
    const { id, invites } = await createRound(ctx.api, coordinator, teamId, { perspectives: ["youth"], closesOn: "2099-12-31" });
    for (const score of [6, 7, 8]) await respond(ctx.api, invites.youth, { "1.1": score });
    // Fully answered, so only the closing can refuse its hand-in.
    const unsubmitted = await createCheck(ctx.api, { invite: inviteToken(invites.youth) });
    await saveAnswers(ctx.api, unsubmitted, await completeAnswers(ctx.api, { "1.1": 9 }, "youth"));
    const visible = await results(id);
    await setClosesOn(id, closesOn);
    return { id, invite: invites.youth, unsubmitted, visible };
  }

  async function expectClosedLikeACoordinatorsClose(round: Awaited<ReturnType<typeof roundWithResponses>>) {
    const row = await roundRow(round.id);
    expect(row).toMatchObject({ status: "closed", rawDeletedAt: null });
    expect(row?.closedAt).toBeInstanceOf(Date);
    expect(row?.aggregates).not.toBeNull(); // the released snapshot, stored under the round lock
    const shown = (await ctx.api("GET", `/api/rounds/${round.id}`, { cookie: coordinator })).json();
    expect(shown).toMatchObject({ status: "closed", acceptsAnswers: false });
    // The same figures as before closing, through the same disclosure rule.
    expect((await results(round.id)).perspectives).toEqual(round.visible.perspectives);
    // The link refuses new answers: no new response, no hand-in of one started before the date.
    const start = await ctx.api("POST", "/api/checks", { payload: { toolId: TOOL_ID, invite: inviteToken(round.invite) } });
    expect(start.statusCode).toBe(409);
    expect(start.json().error).toMatch(/gesloten/);
    expect((await ctx.api("POST", `/api/checks/${round.unsubmitted}/submit`)).statusCode).toBe(409);
    expect((await ctx.api("POST", `/api/rounds/${round.id}/reopen`, { cookie: coordinator })).statusCode).toBe(409);
  }

  it("closes a round past its closing date when the retention job runs, as a coordinator's close does", async () => {
    // Made first: starting a round in the team closes the team's rounds that are past their date.
    const onClosingDay = await roundWithResponses(dutchDay(new Date()));
    const round = await roundWithResponses(daysAgo(2));
    expect((await retention()).roundsClosed).toBeGreaterThanOrEqual(1);
    // Checked in the database before anything reads the round through the API.
    expect(await roundRow(round.id)).toMatchObject({ status: "closed" });
    await expectClosedLikeACoordinatorsClose(round);
    // The closing day itself still takes answers.
    expect(await roundRow(onClosingDay.id)).toMatchObject({ status: "open", aggregates: null });
    expect((await ctx.api("GET", `/api/rounds/${onClosingDay.id}`, { cookie: coordinator })).json()).toMatchObject({
      status: "open",
      acceptsAnswers: true,
    });
    await setClosesOn(onClosingDay.id, "2099-12-31");
  });

  it("closes a round past its closing date as soon as it is read, before the job runs", async () => {
    const round = await roundWithResponses(daysAgo(1));
    expect(await roundRow(round.id)).toMatchObject({ status: "open", aggregates: null });
    expect((await ctx.api("GET", `/api/rounds/${round.id}`, { cookie: coordinator })).json().status).toBe("closed");
    await expectClosedLikeACoordinatorsClose(round);
  });

  it("never lists a round as open past its closing date on the team page or in the trend", async () => {
    const listed = await roundWithResponses(daysAgo(3));
    const team = (await ctx.api("GET", `/api/teams/${teamId}`, { cookie: coordinator })).json();
    expect(team.rounds.find((r: { id: string }) => r.id === listed.id)).toMatchObject({ status: "closed" });
    expect((await roundRow(listed.id))?.aggregates).not.toBeNull();

    const trended = await roundWithResponses(daysAgo(3));
    const trend = (await ctx.api("GET", `/api/teams/${teamId}/trend`, { cookie: coordinator })).json();
    expect(trend.rounds.find((r: { id: string }) => r.id === trended.id)).toMatchObject({ status: "closed" });
    expect(await roundRow(trended.id)).toMatchObject({ status: "closed" });
  });

  it("deletes solo checks not opened for the period with their plans, keeps recent ones and never a round's", async () => {
    const old = await createCheck(ctx.api);
    await saveAnswers(ctx.api, old, { "1.1": 4 });
    await ctx.api("PUT", `/api/checks/${old}/plan/themes/1`, { payload: { text: "Een plan" } });
    await ctx.api("POST", `/api/checks/${old}/plan/actions`, { payload: { themeId: "1", what: "Iets doen" } });
    const recent = await createCheck(ctx.api);
    const { invites } = await createRound(ctx.api, coordinator, teamId, { perspectives: ["professional"] });
    const response = await respond(ctx.api, invites.professional, { "1.1": 5 });
    const started = await createCheck(ctx.api, { invite: inviteToken(invites.professional) });

    const today = dutchDay(new Date());
    await setLastOpened([old, response, started], monthsBefore(today, 25));
    await setLastOpened([recent], monthsBefore(today, 23));
    expect((await retention(24)).soloChecksDeleted).toBeGreaterThanOrEqual(1);

    expect((await ctx.api("GET", `/api/checks/${old}`)).statusCode).toBe(404);
    expect(await ctx.database.db.select().from(planThemes).where(eq(planThemes.checkId, old))).toEqual([]);
    expect(await ctx.database.db.select().from(planActions).where(eq(planActions.checkId, old))).toEqual([]);
    expect(await checkRow(recent)).toBeDefined();
    expect(await checkRow(response)).toBeDefined();
    expect(await checkRow(started)).toBeDefined();

    // The period is the configured one.
    await retention(30);
    expect(await checkRow(recent)).toBeDefined();
    await retention(1);
    expect(await checkRow(recent)).toBeUndefined();
  });

  it("tells the privacy page the configured period", async () => {
    expect((await ctx.api("GET", "/api/privacy")).json()).toEqual({ soloCheckRetentionMonths: 18, roundRetentionMonths: 24 });
  });

  it("records the day a solo check is opened, writing only when the day changed", async () => {
    const id = await createCheck(ctx.api);
    const today = dutchDay(new Date());
    expect((await checkRow(id))?.lastOpenedOn).toBe(today);
    await setLastOpened([id], "2020-02-02");
    expect((await ctx.api("GET", `/api/checks/${id}`)).statusCode).toBe(200);
    expect((await checkRow(id))?.lastOpenedOn).toBe(today);

    // Opened again the same day: no write at all (the row version, xmin, stays the same).
    const version = async () =>
      (await ctx.database.db.select({ xmin: sql<string>`xmin::text` }).from(checks).where(eq(checks.id, id)))[0]?.xmin;
    const before = await version();
    await ctx.api("GET", `/api/checks/${id}`);
    expect(await version()).toBe(before);

    // A respondent's check is not tracked (and never deleted by this rule).
    const { invites } = await createRound(ctx.api, coordinator, teamId, { perspectives: ["professional"] });
    const response = await createCheck(ctx.api, { invite: inviteToken(invites.professional) });
    await setLastOpened([response], "2020-02-02");
    await ctx.api("GET", `/api/checks/${response}`);
    expect((await checkRow(response))?.lastOpenedOn).toBe("2020-02-02");
  });

  it("removes rate-limit counters whose window ended, and keeps running ones", async () => {
    const hour = 60 * 60 * 1000;
    await ctx.database.db.insert(rateLimitHits).values([
      { key: "test:ended", hits: 3, resetAt: new Date(Date.now() - hour) },
      { key: "test:running", hits: 1, resetAt: new Date(Date.now() + hour) },
    ]);
    await retention();
    const keys = (await ctx.database.db.select({ key: rateLimitHits.key }).from(rateLimitHits)).map((r) => r.key);
    expect(keys).toContain("test:running");
    expect(keys).not.toContain("test:ended");
  });

  it("deletes in batches", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await createCheck(ctx.api));
    await setLastOpened(ids, "2001-01-01");
    expect(await deleteUnopenedSoloChecks(ctx.database.db, "2001-01-01", 2)).toBeGreaterThanOrEqual(5);
    expect(await ctx.database.db.select().from(checks).where(inArray(checks.id, ids))).toEqual([]);
  });

  it("keeps a response's times to the day: created, saved and handed in at 00:00", async () => {
    const from = dutchDay(new Date());
    const { invites } = await createRound(ctx.api, coordinator, teamId, { perspectives: ["youth"] });
    const id = await respond(ctx.api, invites.youth, { "1.1": 5 });
    const to = dutchDay(new Date());
    const row = await checkRow(id);
    for (const moment of [row?.createdAt, row?.updatedAt, row?.submittedAt]) {
      expect(moment).toBeInstanceOf(Date);
      const iso = moment?.toISOString() ?? "";
      expect(iso).toMatch(/T00:00:00\.000Z$/);
      expect([from, to]).toContain(iso.slice(0, 10)); // the Dutch day
    }
    const answered = await ctx.api("GET", `/api/checks/${id}`);
    expect(answered.json().submittedAt).toMatch(/T00:00:00\.000Z$/);

    // A solo check keeps its moments: its owner sees when it was last saved.
    const solo = await createCheck(ctx.api);
    await saveAnswers(ctx.api, solo, { "1.1": 5 });
    const soloRow = await checkRow(solo);
    expect(soloRow?.updatedAt.getTime()).toBeGreaterThan(Date.now() - 10 * 60 * 1000);
  });

  it("truncates the times of existing responses in the migration", async () => {
    const { invites } = await createRound(ctx.api, coordinator, teamId, { perspectives: ["youth"] });
    const response = await respond(ctx.api, invites.youth, { "1.1": 5 });
    const solo = await createCheck(ctx.api);
    const fine = new Date("2026-03-29T22:45:12.345Z"); // 00:45 on 30 March in Amsterdam (summer time)
    await ctx.database.db.update(checks).set({ createdAt: fine, updatedAt: fine, submittedAt: fine }).where(eq(checks.id, response));
    await ctx.database.db.update(checks).set({ createdAt: fine, updatedAt: fine }).where(eq(checks.id, solo));

    // The data statements of the migration that introduced last_opened_on and day-only response times.
    const migration = readFileSync(join(root, "src/db/migrations/0010_solo_check_retention.sql"), "utf8");
    const updates = migration
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter((s) => s.startsWith("UPDATE"));
    expect(updates).toHaveLength(2);
    for (const statement of updates) await ctx.database.db.execute(sql.raw(statement));

    const day = new Date("2026-03-30T00:00:00.000Z");
    expect(await checkRow(response)).toMatchObject({ createdAt: day, updatedAt: day, submittedAt: day, lastOpenedOn: "2026-03-30" });
    expect(await checkRow(solo)).toMatchObject({ createdAt: fine, updatedAt: fine, lastOpenedOn: "2026-03-30" });
  });
});
