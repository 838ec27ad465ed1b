import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teams } from "../../db/schema.ts";
import { addDays, dutchDay } from "../../domain/dates.ts";
import { createMailer } from "../mail.ts";
import { databaseTargets } from "../test/databases.ts";
import { createRound, createTeam, respond, signUp, uniqueEmail } from "../test/factories.ts";
import { type MailCatcher, startMailCatcher } from "../test/mail.ts";
import { useTestApp } from "../test/use-app.ts";
import { sendNextRoundReminders } from "./reminder-job.ts";

/*
 * Follow-up over time (issue 15, item 5): the trend per factor and perspective, the planned next round with its
 * one-time reminder to the coordinators, and the plan's actions that were due before the latest round.
 */
describe.each(databaseTargets())("follow-up over time on $name", (target) => {
  const ctx = useTestApp(target);
  let mail: MailCatcher;
  let coordinator = "";
  let coCoordinator = "";
  let member = "";
  const coordinatorEmail = uniqueEmail("coordinator");
  const coCoordinatorEmail = uniqueEmail("co");
  const memberEmail = uniqueEmail("member");
  let teamId = "";

  beforeAll(async () => {
    mail = await startMailCatcher();
    coordinator = await signUp(ctx.api, coordinatorEmail);
    coCoordinator = await signUp(ctx.api, coCoordinatorEmail);
    member = await signUp(ctx.api, memberEmail);
    teamId = await createTeam(ctx.api, coordinator, { name: "Team Opvolging" });
    for (const [cookie, role] of [
      [coCoordinator, "coordinator"],
      [member, "member"],
    ] as const) {
      const { token } = (await ctx.api("POST", `/api/teams/${teamId}/invites`, { cookie: coordinator, payload: { role } })).json();
      expect((await ctx.api("POST", `/api/team-invites/${token}/accept`, { cookie })).statusCode).toBe(200);
    }
  });
  afterAll(() => mail?.close());

  const today = () => dutchDay(new Date());
  const plan = (cookie: string, plannedOn: unknown, id = teamId) =>
    ctx.api("PUT", `/api/teams/${id}/next-round`, { cookie, payload: { plannedOn } });
  const remind = () =>
    sendNextRoundReminders(
      ctx.database.db,
      {
        mailer: createMailer({ smtpUrl: mail.smtpUrl, from: "test@example.nl", dataDir: "/nonexistent", log: () => {} }),
        linkBase: "https://tool.example.nl",
      },
      new Date(),
    );
  const mailsTo = (address: string) => mail.received.filter((m) => m.to === address);

  describe("trend per factor", () => {
    it("shows per factor and perspective only the figures each round showed, hidden ones stay hidden", async () => {
      const other = await createTeam(ctx.api, coordinator, { name: "Trendteam" });
      const first = await createRound(ctx.api, coordinator, other, { name: "Voorjaar", perspectives: ["professional", "youth"] });
      // Professionals: 1.1 by three (shown), 1.2 by two (hidden). Youth: two responses, the perspective is hidden.
      await respond(ctx.api, first.invites.professional, { "1.1": 6, "1.2": 9 });
      await respond(ctx.api, first.invites.professional, { "1.1": 7, "1.2": 9 });
      await respond(ctx.api, first.invites.professional, { "1.1": 8 });
      await respond(ctx.api, first.invites.youth, { "1.1": 2 });
      await respond(ctx.api, first.invites.youth, { "1.1": 2 });
      await ctx.api("POST", `/api/rounds/${first.id}/close`, { cookie: coordinator });
      const second = await createRound(ctx.api, coordinator, other, { name: "Najaar", perspectives: ["professional", "youth"] });
      for (const score of [8, 8, 8]) await respond(ctx.api, second.invites.professional, { "1.1": score, "1.2": score });
      for (const score of [5, 6, 7]) await respond(ctx.api, second.invites.youth, { "1.1": score });

      const res = await ctx.api("GET", `/api/teams/${other}/trend`, { cookie: coordinator });
      expect(res.statusCode).toBe(200);
      const trend = res.json();
      expect(trend.factors["1.1"]).toEqual([
        { roundId: first.id, roundName: "Voorjaar", means: { professional: 7 } },
        { roundId: second.id, roundName: "Najaar", means: { professional: 8, youth: 6 } },
      ]);
      expect(trend.factors["1.2"]).toEqual([
        { roundId: first.id, roundName: "Voorjaar", means: {} },
        { roundId: second.id, roundName: "Najaar", means: { professional: 8 } },
      ]);

      // Every figure of the trend is the one the round's own results show; nothing the results hide appears.
      for (const round of [first, second]) {
        const results = (await ctx.api("GET", `/api/rounds/${round.id}/results`, { cookie: coordinator })).json();
        for (const [factorId, points] of Object.entries(
          trend.factors as Record<string, { roundId: string; means: Record<string, number> }[]>,
        )) {
          const point = points.find((p) => p.roundId === round.id);
          for (const perspective of results.perspectives) {
            const shown = perspective.visible ? perspective.items.find((i: { id: string }) => i.id === factorId)?.mean : null;
            expect(point?.means[perspective.perspective] ?? null, `${factorId} ${perspective.perspective}`).toBe(shown ?? null);
          }
        }
      }
      // Someone who is not in that team sees nothing of it.
      expect((await ctx.api("GET", `/api/teams/${other}/trend`, { cookie: member })).statusCode).toBe(404);
    });
  });

  describe("planned next round", () => {
    it("refuses a date that is no day, in the past or too far ahead with 400 naming plannedOn, in Dutch", async () => {
      for (const plannedOn of ["2027-02-30", "volgende week", 20270101, addDays(today(), -1), addDays(today(), 800)]) {
        const res = await plan(coordinator, plannedOn);
        expect(res.statusCode, String(plannedOn)).toBe(400);
        expect(res.json().field).toBe("plannedOn");
        expect(res.json().error).toMatch(/datum|verleden|vooruit/);
      }
      expect((await plan(coordinator, undefined)).json().field).toBe("plannedOn");
      const row = (await ctx.database.db.select().from(teams).where(eq(teams.id, teamId)))[0];
      expect(row?.nextRoundOn).toBeNull();
    });

    it("is set by coordinators only and read by members", async () => {
      expect((await plan(member, addDays(today(), 30))).statusCode).toBe(403);
      const set = await plan(coordinator, addDays(today(), 30));
      expect(set.statusCode).toBe(200);
      expect(set.json()).toEqual({ plannedOn: addDays(today(), 30), reminderDays: 14, reminderSentAt: null });
      const read = await ctx.api("GET", `/api/teams/${teamId}/next-round`, { cookie: member });
      expect(read.json().plannedOn).toBe(addDays(today(), 30));
      const stranger = await signUp(ctx.api);
      expect((await ctx.api("GET", `/api/teams/${teamId}/next-round`, { cookie: stranger })).statusCode).toBe(404);
    });

    it("mails the coordinators once, 14 days ahead, even when two runs go at the same time", async () => {
      // 30 days ahead: not yet.
      expect(await remind()).toBe(0);
      expect(mailsTo(coordinatorEmail)).toHaveLength(0);

      const day = addDays(today(), 14);
      await plan(coordinator, day);
      const [a, b] = await Promise.all([remind(), remind()]);
      expect(a + b).toBe(2);
      expect(mailsTo(coordinatorEmail)).toHaveLength(1);
      expect(mailsTo(coCoordinatorEmail)).toHaveLength(1);
      expect(mailsTo(memberEmail)).toHaveLength(0);
      const text = mailsTo(coordinatorEmail)[0]?.text ?? "";
      expect(text).toContain("Team Opvolging");
      expect(text).toContain("over 14 dagen");
      expect(text).toContain(`https://tool.example.nl/teams/${teamId}`);

      // A later run (a restart) sends nothing more; the team page says it went out.
      expect(await remind()).toBe(0);
      expect(mailsTo(coordinatorEmail)).toHaveLength(1);
      const read = (await ctx.api("GET", `/api/teams/${teamId}/next-round`, { cookie: coordinator })).json();
      expect(read.reminderSentAt).not.toBeNull();
      // The same day again keeps it sent; another day is reminded of once more.
      expect((await plan(coordinator, day)).json().reminderSentAt).not.toBeNull();
      expect((await plan(coordinator, addDays(today(), 3))).json().reminderSentAt).toBeNull();
      await Promise.all([remind(), remind(), remind()]);
      expect(mailsTo(coordinatorEmail)).toHaveLength(2);
      expect(mailsTo(coordinatorEmail)[1]?.text).toContain("over 3 dagen");
      // Cleared: nothing planned, nothing sent.
      expect((await plan(coordinator, null)).json()).toEqual({ plannedOn: null, reminderDays: 14, reminderSentAt: null });
      expect(await remind()).toBe(0);
    });
  });

  describe("actions due before the latest round", () => {
    it("marks the open actions whose day lay before the latest round began, and lists them", async () => {
      const planTeam = await createTeam(ctx.api, coordinator, { name: "Planteam" });
      const add = async (what: string, when: string | null, status = "open") =>
        (
          await ctx.api("POST", `/api/teams/${planTeam}/plan/actions`, {
            cookie: coordinator,
            payload: { themeId: "1", factorId: "1.1", what, when, status },
          })
        ).json().id as string;
      const overdue = await add("Werkgevers bellen", addDays(today(), -10));
      const busy = await add("Folder maken", addDays(today(), -1), "bezig");
      await add("Klaar", addDays(today(), -10), "klaar");
      await add("Vandaag", today());
      await add("Zonder datum", null);

      const before = (await ctx.api("GET", `/api/teams/${planTeam}/plan`, { cookie: coordinator })).json();
      // No round yet: nothing is due before one.
      expect(before.dueBeforeLatestRound).toEqual([]);

      await createRound(ctx.api, coordinator, planTeam, { name: "Nieuwe ronde" });
      const res = await ctx.api("GET", `/api/teams/${planTeam}/plan`, { cookie: coordinator });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.dueBeforeLatestRound).toEqual([overdue, busy]);
      expect(
        body.actions.filter((a: { dueBeforeLatestRound: boolean }) => a.dueBeforeLatestRound).map((a: { id: string }) => a.id),
      ).toEqual([overdue, busy]);
      expect(body.latestRound.name).toBe("Nieuwe ronde");
    });
  });
});
