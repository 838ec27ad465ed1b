import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerValue } from "../../domain/checks/answers.ts";
import { databaseTargets } from "../test/databases.ts";
import { type Api, completeAnswers, createRound, createTeam, inviteToken, respond as respondAs, signUp } from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";

describe.each(databaseTargets())("teams and measurement rounds on $name", (target) => {
  const ctx = useTestApp(target);
  const tag = Math.random().toString(36).slice(2, 8);
  let owner = "";
  let stranger = "";

  beforeAll(async () => {
    owner = await signUp(ctx.api, `coordinator-${tag}@example.nl`);
    stranger = await signUp(ctx.api, `ander-${tag}@example.nl`);
  });

  const call = (method: Parameters<Api>[0], url: string, cookie?: string, payload?: object) => ctx.api(method, url, { cookie, payload });
  const newTeam = (cookie = owner) => createTeam(ctx.api, cookie, { name: `Team ${tag}` });
  const newRound = (teamId: string, fields: Parameters<typeof createRound>[3] = {}) => createRound(ctx.api, owner, teamId, fields);
  const respond = (inviteUrl: string, answers: Record<string, AnswerValue>) => respondAs(ctx.api, inviteUrl, answers);
  const tokenOf = inviteToken;

  it("needs an account for teams", async () => {
    expect((await call("POST", "/api/teams", undefined, { name: "x" })).statusCode).toBe(401);
    expect((await call("GET", "/api/teams")).statusCode).toBe(401);
  });

  it("makes invite links with long random tokens, one per perspective", async () => {
    const teamId = await newTeam();
    const { invites } = await newRound(teamId);
    const tokens = Object.values(invites).map(tokenOf);
    expect(new Set(tokens).size).toBe(4);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/); // 144 random bits
    const preview = (await call("GET", `/api/invites/${tokens[1]}`)).json();
    expect(preview).toMatchObject({ perspective: "youth", roundName: "Voorjaar", acceptsAnswers: true });
  });

  it("shows a perspective's scores only from the threshold on, and never below 3", async () => {
    const teamId = await newTeam();
    const { id, invites } = await newRound(teamId);
    await respond(invites.youth, { "1.1": 4, "1.2": "nvt" });
    await respond(invites.youth, { "1.1": 6 });
    // An unsubmitted response does not count.
    await call("POST", "/api/checks", undefined, { toolId: "jongeren-en-arbeid", invite: tokenOf(invites.youth) });
    let results = (await call("GET", `/api/rounds/${id}/results`, owner)).json();
    const youth = () => results.perspectives.find((p: { perspective: string }) => p.perspective === "youth");
    expect(youth()).toEqual({ perspective: "youth", responses: 2, waiting: 2, visible: false });
    expect(JSON.stringify(results)).not.toContain('"1.1","mean"');
    const csvBelow = (await call("GET", `/api/rounds/${id}/export.csv`, owner)).body;
    expect(csvBelow).not.toContain("Jongeren");

    await respond(invites.youth, { "1.1": 8 });
    results = (await call("GET", `/api/rounds/${id}/results`, owner)).json();
    expect(youth()).toMatchObject({ responses: 3, visible: true });
    expect(youth().items[0]).toMatchObject({ id: "1.1", mean: 6, scored: 3, distribution: [0, 0, 0, 1, 0, 1, 0, 1, 0, 0] });
    // Everything else was n.v.t. for all three; 1.2 has three n.v.t. answers and no score.
    expect(youth().items[1]).toEqual({ id: "1.2", mean: null, scored: null, distribution: null, notApplicable: 3, dontKnow: null });
    const csv = (await call("GET", `/api/rounds/${id}/export.csv`, owner)).body;
    expect(csv).toContain("Jongeren;1;1.1;");
    const xlsx = await call("GET", `/api/rounds/${id}/export.xlsx`, owner);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const pdf = await call("GET", `/api/rounds/${id}/report.pdf`, owner);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("keeps a handed-in response final: changing it answers 409 and moves no figure", async () => {
    const teamId = await newTeam();
    const { id, invites } = await newRound(teamId);
    const checkIds = [];
    for (const v of [4, 6, 8]) checkIds.push(await respond(invites.professional, { "1.1": v }));
    const before = (await call("GET", `/api/rounds/${id}/results`, owner)).body;
    for (const answers of [{ "1.1": 10 }, { "1.1": null }, { "2.8": 3 }]) {
      const res = await call("PATCH", `/api/checks/${checkIds[2]}/answers`, undefined, { answers });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatch(/al ingeleverd/);
    }
    expect((await call("GET", `/api/checks/${checkIds[2]}`)).json().answers).toEqual(await completeAnswers(ctx.api, { "1.1": 8 }));
    expect((await call("GET", `/api/rounds/${id}/results`, owner)).body).toBe(before);

    // A change racing the hand-in either lands before it (200, and it counts) or not at all (409).
    for (let i = 0; i < 5; i++) {
      const checkId = (
        await call("POST", "/api/checks", undefined, { toolId: "jongeren-en-arbeid", invite: tokenOf(invites.youth) })
      ).json().id;
      await call("PATCH", `/api/checks/${checkId}/answers`, undefined, { answers: await completeAnswers(ctx.api, { "1.1": 5 }, "youth") });
      const [change] = await Promise.all([
        call("PATCH", `/api/checks/${checkId}/answers`, undefined, { answers: { "1.1": 9 } }),
        call("POST", `/api/checks/${checkId}/submit`),
      ]);
      expect([200, 409]).toContain(change.statusCode);
      const stored = (await call("GET", `/api/checks/${checkId}`)).json();
      expect(stored.submittedAt).not.toBeNull();
      expect(stored.answers["1.1"]).toBe(change.statusCode === 200 ? 9 : 5);
      expect((await call("PATCH", `/api/checks/${checkId}/answers`, undefined, { answers: { "1.1": 1 } })).statusCode).toBe(409);
    }
  });

  it("refuses a threshold below 3 and honours a higher one", async () => {
    const teamId = await newTeam();
    const low = await call("POST", `/api/teams/${teamId}/rounds`, owner, { name: "x", threshold: 2 });
    expect(low.statusCode).toBe(400);
    expect(low.json().field).toBe("threshold");
    const { id, invites } = await newRound(teamId, { threshold: 4 });
    for (const v of [5, 6, 7]) await respond(invites.professional, { "1.1": v });
    const results = (await call("GET", `/api/rounds/${id}/results`, owner)).json();
    expect(results.perspectives[0]).toEqual({ perspective: "professional", responses: 3, waiting: 3, visible: false });
  });

  it("mirrors perspectives and refuses answers once the round is closed", async () => {
    const teamId = await newTeam();
    const { id, invites } = await newRound(teamId);
    for (const v of [8, 8, 9]) await respond(invites.professional, { "1.1": v, "2.8": 6 });
    for (const v of [3, 4, 3]) await respond(invites.youth, { "1.1": v, "2.8": 6 });
    const open = await call("POST", "/api/checks", undefined, { toolId: "jongeren-en-arbeid", invite: tokenOf(invites.youth) });
    const late = open.json().id;
    // The respondent's check says which round and wording it belongs to, and whether it still takes answers.
    expect((await call("GET", `/api/checks/${late}`)).json()).toMatchObject({
      submittedAt: null,
      round: { name: "Voorjaar", perspective: "youth", acceptsAnswers: true },
    });
    const results = (await call("GET", `/api/rounds/${id}/results`, owner)).json();
    expect(results.largestGaps[0]).toMatchObject({ id: "1.1", means: { professional: 8.3, youth: 3.3 }, gap: 5 });

    expect((await call("POST", `/api/rounds/${id}/close`, owner)).statusCode).toBe(200);
    const refused = await call("PATCH", `/api/checks/${late}/answers`, undefined, { answers: { "1.1": 5 } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatch(/gesloten/);
    expect((await call("POST", `/api/checks/${late}/submit`)).statusCode).toBe(409);
    const again = await call("POST", "/api/checks", undefined, { toolId: "jongeren-en-arbeid", invite: tokenOf(invites.youth) });
    expect(again.statusCode).toBe(409);
    expect((await call("GET", `/api/invites/${tokenOf(invites.youth)}`)).json().acceptsAnswers).toBe(false);
    expect((await call("GET", `/api/checks/${late}`)).json().round.acceptsAnswers).toBe(false);

    expect((await call("POST", `/api/rounds/${id}/reopen`, owner)).statusCode).toBe(200);
    expect((await call("PATCH", `/api/checks/${late}/answers`, undefined, { answers: { "1.1": 5 } })).statusCode).toBe(200);
  });

  it("carries plan actions into the next round with the factor's score change", async () => {
    const teamId = await newTeam();
    const first = await newRound(teamId);
    for (const v of [4, 5, 6]) await respond(first.invites.professional, { "1.1": v });
    const added = await call("POST", `/api/teams/${teamId}/plan/actions`, owner, {
      themeId: "1",
      factorId: "1.1",
      what: "Intake herzien",
      status: "bezig",
    });
    expect(added.statusCode, added.body).toBe(201);
    await call("POST", `/api/rounds/${first.id}/close`, owner);
    const second = await newRound(teamId, { name: "Najaar" });
    for (const v of [7, 8, 9]) await respond(second.invites.professional, { "1.1": v });
    const plan = (await call("GET", `/api/teams/${teamId}/plan`, owner)).json();
    expect(plan.latestRound.name).toBe("Najaar");
    expect(plan.actions[0]).toMatchObject({ what: "Intake herzien", factorId: "1.1", comparedWith: { name: "Voorjaar" } });
    expect(plan.actions[0].change.professional).toEqual({ before: 5, after: 8, delta: 3 });
    const trend = (await call("GET", `/api/teams/${teamId}/trend`, owner)).json();
    expect(trend.themes["1"].map((p: { means: { professional: number } }) => p.means.professional)).toEqual([5, 8]);
  });

  it("lets a second account read, change, export or delete nothing of the first team", async () => {
    const teamId = await newTeam();
    const { id: roundId } = await newRound(teamId);
    const action = (await call("POST", `/api/teams/${teamId}/plan/actions`, owner, { themeId: "1", what: "x" })).json().id;
    const attempts: [Parameters<typeof call>[0], string, object?][] = [
      ["GET", `/api/teams/${teamId}`],
      ["PATCH", `/api/teams/${teamId}`, { name: "Overgenomen" }],
      ["DELETE", `/api/teams/${teamId}`],
      ["POST", `/api/teams/${teamId}/invites`, { role: "coordinator" }],
      ["DELETE", `/api/teams/${teamId}/members/anyone`],
      ["POST", `/api/teams/${teamId}/rounds`, { name: "x" }],
      ["GET", `/api/teams/${teamId}/trend`],
      ["GET", `/api/rounds/${roundId}`],
      ["GET", `/api/rounds/${roundId}/results`],
      ["GET", `/api/rounds/${roundId}/export.csv`],
      ["GET", `/api/rounds/${roundId}/export.xlsx`],
      ["GET", `/api/rounds/${roundId}/report.pdf`],
      ["POST", `/api/rounds/${roundId}/close`],
      ["POST", `/api/rounds/${roundId}/reopen`],
      ["DELETE", `/api/rounds/${roundId}`],
      ["GET", `/api/teams/${teamId}/plan`],
      ["PUT", `/api/teams/${teamId}/plan/themes/1`, { text: "x" }],
      ["POST", `/api/teams/${teamId}/plan/actions`, { themeId: "1", what: "x" }],
      ["PATCH", `/api/teams/${teamId}/plan/actions/${action}`, { status: "klaar" }],
      ["DELETE", `/api/teams/${teamId}/plan/actions/${action}`],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await call(method, url, stranger, payload);
      expect([403, 404], `${method} ${url} → ${res.statusCode}`).toContain(res.statusCode);
    }
    expect((await call("GET", "/api/teams", stranger)).json()).toEqual([]);
    const team = (await call("GET", `/api/teams/${teamId}`, owner)).json();
    expect(team.name).toBe(`Team ${tag}`);
    expect(team.rounds).toHaveLength(1);
    expect((await call("GET", `/api/teams/${teamId}/plan`, owner)).json().actions).toHaveLength(1);
  });

  it("lets members see results but only coordinators manage", async () => {
    const teamId = await newTeam();
    const { id: roundId } = await newRound(teamId);
    const invite = (await call("POST", `/api/teams/${teamId}/invites`, owner, { role: "member" })).json();
    const member = await signUp(ctx.api, `lid-${tag}@example.nl`);
    expect((await call("POST", `/api/team-invites/${invite.token}/accept`, member)).json()).toMatchObject({ teamId, role: "member" });
    expect((await call("GET", `/api/rounds/${roundId}/results`, member)).statusCode).toBe(200);
    expect((await call("GET", `/api/rounds/${roundId}`, member)).json().invites).toBeNull();
    expect((await call("POST", `/api/rounds/${roundId}/close`, member)).statusCode).toBe(403);
    expect((await call("DELETE", `/api/teams/${teamId}`, member)).statusCode).toBe(403);
  });

  it("deletes a team with every row of it", async () => {
    const teamId = await newTeam();
    const { id: roundId, invites } = await newRound(teamId);
    const checkId = await respond(invites.employer, { "7.29": 6 });
    await call("POST", `/api/teams/${teamId}/plan/actions`, owner, { themeId: "7", what: "Werkgeversontbijt" });
    await call("PUT", `/api/teams/${teamId}/plan/themes/7`, owner, { text: "Meer contact" });
    await call("POST", `/api/teams/${teamId}/invites`, owner, { role: "member" });
    expect((await call("DELETE", `/api/teams/${teamId}`, owner)).statusCode).toBe(204);
    const count = async (query: ReturnType<typeof sql>) => {
      const rows = (await ctx.database.db.execute(query)) as unknown as { rows?: { n: number | string }[] } & { n: number }[];
      const first = rows.rows ? rows.rows[0] : rows[0];
      return Number(first?.n);
    };
    expect(await count(sql`SELECT count(*) AS n FROM teams WHERE id = ${teamId}`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM team_members WHERE team_id = ${teamId}`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM team_invites WHERE team_id = ${teamId}`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM rounds WHERE team_id = ${teamId}`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM round_invites WHERE round_id = ${roundId}`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM checks WHERE round_id = ${roundId} OR id = ${checkId}`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM plan_actions WHERE team_id = ${teamId}`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM plan_themes WHERE team_id = ${teamId}`)).toBe(0);
    expect((await call("GET", `/api/checks/${checkId}`)).statusCode).toBe(404);
  });

  it("deletes raw responses after the retention period but keeps the aggregates", async () => {
    const { purgeExpiredResponses } = await import("./rounds.ts");
    const teamId = await newTeam();
    await call("PATCH", `/api/teams/${teamId}`, owner, { retentionMonths: 1 });
    const { id, invites } = await newRound(teamId);
    for (const v of [2, 4, 6]) await respond(invites.professional, { "3.12": v });
    await call("POST", `/api/rounds/${id}/close`, owner);
    expect(await purgeExpiredResponses(ctx.database.db, new Date())).toBe(0);
    expect(await purgeExpiredResponses(ctx.database.db, new Date(Date.now() + 32 * 24 * 3600 * 1000))).toBeGreaterThanOrEqual(1);
    const results = (await call("GET", `/api/rounds/${id}/results`, owner)).json();
    expect(results.perspectives[0].items.find((i: { id: string }) => i.id === "3.12").mean).toBe(4);
    expect(results.round.rawDeletedAt).not.toBeNull();
    expect((await call("POST", `/api/rounds/${id}/reopen`, owner)).statusCode).toBe(409);
  });
});
