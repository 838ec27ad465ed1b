import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerValue } from "../../domain/checks/answers.ts";
import { databaseTargets } from "../test/databases.ts";
import {
  allFactorIds,
  browser,
  completeAnswers,
  createRound,
  createTeam,
  inviteToken,
  respond,
  signUp,
  TOOL_ID,
} from "../test/factories.ts";
import { inviteTokensIn, type MailCatcher, startMailCatcher } from "../test/mail.ts";
import { useTestApp } from "../test/use-app.ts";
import { purgeExpiredResponses } from "./rounds.ts";

/*
 * A curious team member tries to read one respondent's answers through the public API only: the results, the mirror,
 * the trend, the plan, every export. Each test builds the situation from the issue and asserts nothing gives it away.
 */

type Item = { id: string; mean: number | null; scored: number | null; distribution: number[] | null; notApplicable: number | null };
type Result = { perspective: string; responses: number; waiting: number; visible: boolean; items?: Item[]; themes?: unknown[] };

describe.each(databaseTargets())("anonymity of a round, tried as a curious team member, on $name", (target) => {
  let mail: MailCatcher;
  const ctx = useTestApp(target, async () => {
    mail = await startMailCatcher();
    return { smtpUrl: mail.smtpUrl };
  });
  afterAll(() => mail.close());
  const tag = Math.random().toString(36).slice(2, 8);
  let coordinator = "";
  let member = "";
  let teamId = "";

  beforeAll(async () => {
    coordinator = await signUp(ctx.api, `coordinator-${tag}@example.nl`);
    member = await signUp(ctx.api, `lid-${tag}@example.nl`);
    teamId = await createTeam(ctx.api, coordinator, { name: `Team ${tag}` });
    const invite = (await ctx.api("POST", `/api/teams/${teamId}/invites`, { cookie: coordinator, payload: { role: "member" } })).json();
    await ctx.api("POST", `/api/team-invites/${invite.token}/accept`, { cookie: member, payload: {} });
  });

  const get = (url: string, cookie = member) => ctx.api("GET", url, { cookie });
  const results = async (roundId: string) => (await get(`/api/rounds/${roundId}/results`)).json();
  const youthOf = (r: { perspectives: Result[] }) => r.perspectives.find((p) => p.perspective === "youth") as Result;
  const itemOf = (r: Result, id: string) => r.items?.find((i) => i.id === id);
  const newRound = (fields = {}) => createRound(ctx.api, coordinator, teamId, { name: `Meting ${Math.random()}`, ...fields });
  /** Everything a team member can read about a round, as text. */
  async function everything(roundId: string) {
    const parts = await Promise.all(
      [
        `/api/rounds/${roundId}`,
        `/api/rounds/${roundId}/results`,
        `/api/teams/${teamId}/trend`,
        `/api/teams/${teamId}/plan`,
        `/api/rounds/${roundId}/export.csv`,
      ].map(async (url) => (await get(url)).body),
    );
    return parts.join("\n");
  }
  async function xlsxRows(roundId: string) {
    const res = await get(`/api/rounds/${roundId}/export.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet("Gemiddelden per factor")?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }
  const csvRow = (csv: string, perspective: string, id: string) =>
    csv.split("\n").find((line) => line.startsWith(`${perspective};`) && line.split(";")[2] === id);

  it("hides a factor only one young person scored, everywhere", async () => {
    const { id, invites } = await newRound();
    await respond(ctx.api, invites.youth, { "1.1": 9, "1.2": 7 });
    await respond(ctx.api, invites.youth, { "1.1": "nvt", "1.2": 5 });
    await respond(ctx.api, invites.youth, { "1.1": "nvt", "1.2": 6 });
    for (const v of [8, 8, 8]) await respond(ctx.api, invites.professional, { "1.1": v, "1.2": v });

    const youth = youthOf(await results(id));
    expect(youth).toMatchObject({ responses: 3, waiting: 0, visible: true });
    expect(itemOf(youth, "1.1")).toEqual({ id: "1.1", mean: null, scored: null, distribution: null, notApplicable: null, dontKnow: null });
    expect(itemOf(youth, "1.2")).toMatchObject({ mean: 6, scored: 3 });
    const all = await results(id);
    expect(all.mirror.items.find((r: { id: string }) => r.id === "1.1")).toEqual({ id: "1.1", means: { professional: 8 }, gap: null });
    expect(all.largestGaps.map((g: { id: string }) => g.id)).not.toContain("1.1");

    const csv = (await get(`/api/rounds/${id}/export.csv`)).body;
    expect(csvRow(csv, "Jongeren", "1.1")?.split(";").slice(4, 18)).toEqual(Array.from({ length: 14 }, () => ""));
    expect(csvRow(csv, "Jongeren", "1.1")).toContain("te weinig antwoorden");
    const xlsx = (await xlsxRows(id)).find((row) => row[0] === "Jongeren" && row[2] === "1.1") ?? [];
    expect(xlsx.slice(4, 18).every((cell) => cell === undefined || cell === null || cell === "")).toBe(true);
    const pdf = await get(`/api/rounds/${id}/report.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("does not count empty or barely answered hand-ins, and says so", async () => {
    const { id, invites } = await newRound();
    for (const answers of [{}, { "1.1": 9 }]) {
      const checkId = (await ctx.api("POST", "/api/checks", { payload: { toolId: TOOL_ID, invite: inviteToken(invites.youth) } })).json()
        .id;
      await ctx.api("PATCH", `/api/checks/${checkId}/answers`, { payload: { answers } });
      const res = await ctx.api("POST", `/api/checks/${checkId}/submit`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: "answers", error: expect.stringMatching(/minstens 16 vragen/) });
    }
    await respond(ctx.api, invites.youth, { "1.1": 3 });
    expect(youthOf(await results(id))).toEqual({ perspective: "youth", responses: 1, waiting: 1, visible: false });
  });

  it("takes one hand-in per browser per open link: 50 tries from one browser count once", async () => {
    const { id, invites } = await newRound();
    const curious = browser(ctx.api);
    let accepted = 0;
    for (let i = 0; i < 50; i++) {
      const created = await curious("POST", "/api/checks", { payload: { toolId: TOOL_ID, invite: inviteToken(invites.youth) } });
      if (created.statusCode !== 201) {
        expect(created.statusCode).toBe(409);
        expect(created.json().error).toMatch(/al ingeleverd/);
        continue;
      }
      const checkId = created.json().id;
      await curious("PATCH", `/api/checks/${checkId}/answers`, {
        payload: { answers: await completeAnswers(ctx.api, { "1.1": 1 }, "youth") },
      });
      if ((await curious("POST", `/api/checks/${checkId}/submit`)).statusCode === 200) accepted++;
    }
    expect(accepted).toBe(1);
    expect((await get(`/api/invites/${inviteToken(invites.youth)}`)).json().handedIn).toBe(false);
    expect((await curious("GET", `/api/invites/${inviteToken(invites.youth)}`)).json().handedIn).toBe(true);

    // Two responses opened side by side before handing in: only the first hand-in is taken.
    const sly = browser(ctx.api);
    const open = async () =>
      (await sly("POST", "/api/checks", { payload: { toolId: TOOL_ID, invite: inviteToken(invites.youth) } })).json().id;
    const [a, b] = [await open(), await open()];
    for (const checkId of [a, b])
      await sly("PATCH", `/api/checks/${checkId}/answers`, { payload: { answers: await completeAnswers(ctx.api, { "1.1": 2 }, "youth") } });
    expect((await sly("POST", `/api/checks/${a}/submit`)).statusCode).toBe(200);
    expect((await sly("POST", `/api/checks/${b}/submit`)).statusCode).toBe(409);

    // A hand-made cookie is no kiosk: only the coordinator's signed one is.
    const forger = browser(ctx.api);
    forger.cookies.set("vt_gedeeld_apparaat", `${id}:youth`);
    for (const cookie of [...sly.cookies.keys()]) forger.cookies.set(cookie, "1");
    await respond(forger, invites.youth, { "1.1": 2 });
    expect((await forger("POST", "/api/checks", { payload: { toolId: TOOL_ID, invite: inviteToken(invites.youth) } })).statusCode).toBe(
      409,
    );
    expect(youthOf(await results(id)).responses).toBe(3);
  });

  it("lets a coordinator open a shared device (kiosk) where one person after another hands in", async () => {
    const { id, invites } = await newRound();
    expect((await ctx.api("POST", `/api/rounds/${id}/kiosk`, { cookie: member, payload: { perspective: "youth" } })).statusCode).toBe(403);
    const tablet = browser(ctx.api);
    const started = await tablet("POST", `/api/rounds/${id}/kiosk`, { cookie: coordinator, payload: { perspective: "youth" } });
    expect(started.json()).toEqual({ path: `/meedoen/${inviteToken(invites.youth)}` });
    expect((await tablet("GET", `/api/invites/${inviteToken(invites.youth)}`)).json()).toMatchObject({ kiosk: true, handedIn: false });
    for (const v of [4, 5, 6]) {
      const checkId = (await tablet("POST", "/api/checks", { payload: { toolId: TOOL_ID, invite: inviteToken(invites.youth) } })).json().id;
      expect((await tablet("GET", `/api/checks/${checkId}`)).json().round).toMatchObject({
        kiosk: true,
        invitePath: `/meedoen/${inviteToken(invites.youth)}`,
      });
      // Its id is in the device's history: elsewhere it does not open, not even before it is handed in.
      expect((await ctx.api("GET", `/api/checks/${checkId}`)).statusCode).toBe(403);
      await tablet("PATCH", `/api/checks/${checkId}/answers`, {
        payload: { answers: await completeAnswers(ctx.api, { "1.1": v }, "youth") },
      });
      expect((await tablet("POST", `/api/checks/${checkId}/submit`)).statusCode).toBe(200);
      // The next person cannot go back to this one's answers: not on the device, nor with the link from its history elsewhere.
      for (const client of [tablet, ctx.api])
        for (const path of ["", "/results", "/report.pdf"])
          expect((await client("GET", `/api/checks/${checkId}${path}`)).statusCode).toBe(403);
    }
    // The kiosk is for the youth link only.
    await respond(tablet, invites.professional, { "1.1": 5 });
    expect(
      (await tablet("POST", "/api/checks", { payload: { toolId: TOOL_ID, invite: inviteToken(invites.professional) } })).statusCode,
    ).toBe(409);
    expect((await tablet("DELETE", `/api/rounds/${id}/kiosk`, { cookie: coordinator })).statusCode).toBe(204);
    expect((await tablet("GET", `/api/invites/${inviteToken(invites.youth)}`)).json().kiosk).toBe(false);
    expect(youthOf(await results(id)).responses).toBe(3);
  });

  it("shows exactly the same figures at 3 and 4 responses, and across close and reopen", async () => {
    const { id, invites } = await newRound();
    const ids = await allFactorIds(ctx.api, "youth");
    const scores = (v: number) => Object.fromEntries(ids.map((f) => [f, v] as [string, AnswerValue]));
    for (const v of [5, 6, 7]) await respond(ctx.api, invites.youth, scores(v));
    const figures = async () => {
      const { perspectives, mirror, largestGaps } = await results(id);
      return JSON.stringify({
        perspectives: perspectives.map(({ responses: _r, waiting: _w, ...rest }: Result) => rest),
        mirror,
        largestGaps,
      });
    };
    const atThree = await figures();
    const csvAtThree = (await get(`/api/rounds/${id}/export.csv`)).body;
    const xlsxAtThree = JSON.stringify(await xlsxRows(id));
    await respond(ctx.api, invites.youth, scores(10)); // the fourth: every answer a 10
    expect(await figures()).toBe(atThree);
    expect((await get(`/api/rounds/${id}/export.csv`)).body).toBe(csvAtThree);
    expect(youthOf(await results(id))).toMatchObject({ responses: 4, waiting: 1 });
    expect(JSON.stringify(await xlsxRows(id))).toBe(xlsxAtThree);

    await ctx.api("POST", `/api/rounds/${id}/close`, { cookie: coordinator });
    expect(await figures()).toBe(atThree);
    expect((await ctx.api("POST", `/api/rounds/${id}/reopen`, { cookie: coordinator })).statusCode).toBe(200);
    expect(await figures()).toBe(atThree);
    await respond(ctx.api, invites.youth, scores(1)); // the fifth
    expect(await figures()).toBe(atThree);
    await ctx.api("POST", `/api/rounds/${id}/close`, { cookie: coordinator });
    await ctx.api("POST", `/api/rounds/${id}/reopen`, { cookie: coordinator });
    expect(await figures()).toBe(atThree);
    await respond(ctx.api, invites.youth, scores(4)); // the sixth completes a step of three: 10, 1 and 4 arrive together
    const youth = youthOf(await results(id));
    expect(youth).toMatchObject({ responses: 6, waiting: 0 });
    expect(itemOf(youth, "1.1")).toMatchObject({ mean: 5.5, scored: 6, distribution: [1, 0, 0, 1, 1, 1, 1, 0, 0, 1] });
  });

  it("keeps a handed-in response final", async () => {
    const { invites } = await newRound();
    const checkId = await respond(ctx.api, invites.youth, { "1.1": 7 });
    const res = await ctx.api("PATCH", `/api/checks/${checkId}/answers`, { payload: { answers: { "1.1": 1 } } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatch(/al ingeleverd/);
  });

  it("shows a closed round after retention only through the same rule, also an old snapshot with a single-person cell", async () => {
    const { id, invites } = await newRound();
    await respond(ctx.api, invites.youth, { "1.1": 9, "1.2": 7 });
    await respond(ctx.api, invites.youth, { "1.1": "nvt", "1.2": 5 });
    await respond(ctx.api, invites.youth, { "1.1": "nvt", "1.2": 6 });
    await ctx.api("POST", `/api/rounds/${id}/close`, { cookie: coordinator });
    const before = await results(id);
    await ctx.database.db.execute(sql`update rounds set closed_at = now() - interval '25 months' where id = ${id}`);
    expect(await purgeExpiredResponses(ctx.database.db, new Date())).toBeGreaterThanOrEqual(1);
    const after = await results(id);
    expect(after.perspectives).toEqual(before.perspectives);
    expect(itemOf(youthOf(after), "1.1")).toMatchObject({ mean: null, distribution: null });

    // A snapshot kept in the old format (before stepwise release) with one person's score in it.
    const legacy = [
      {
        perspective: "youth",
        responses: 3,
        visible: true,
        overall: 7,
        themes: [],
        items: [{ id: "1.1", mean: 9, answered: 1, notApplicable: 2, distribution: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0] }],
      },
    ];
    await ctx.database.db.execute(sql`update rounds set aggregates = ${JSON.stringify(legacy)}::jsonb where id = ${id}`);
    const text = await everything(id);
    expect(itemOf(youthOf(await results(id)), "1.1")).toEqual({
      id: "1.1",
      mean: null,
      scored: null,
      distribution: null,
      notApplicable: null,
      dontKnow: null,
    });
    expect(text).not.toMatch(/"mean":9\b/);
  });

  it("sends personal single-use links it never shows, and keeps no address", async () => {
    const { id } = await newRound();
    const addresses = ["a@example.nl", "B@example.nl", "b@example.nl", "c@example.nl"];
    const notCoordinator = await ctx.api("POST", `/api/rounds/${id}/personal-invites`, {
      cookie: member,
      payload: { perspective: "employer", addresses },
    });
    expect(notCoordinator.statusCode).toBe(403);
    const bad = await ctx.api("POST", `/api/rounds/${id}/personal-invites`, {
      cookie: coordinator,
      payload: { perspective: "employer", addresses: ["a@example.nl", "geen-adres"] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe("addresses.1");

    const before = mail.received.length;
    const sent = await ctx.api("POST", `/api/rounds/${id}/personal-invites`, {
      cookie: coordinator,
      payload: { perspective: "employer", addresses },
    });
    expect(sent.json()).toEqual({ sent: 3, failed: 0 });
    const mails = mail.received.slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual(["a@example.nl", "b@example.nl", "c@example.nl"]);
    const tokens = mails.flatMap((m) => inviteTokensIn(m.text));
    expect(new Set(tokens).size).toBe(3);

    // The coordinator never sees a link or an address.
    const round = (await get(`/api/rounds/${id}`, coordinator)).body;
    expect(JSON.parse(round).personalInvites).toEqual({
      available: true,
      counts: {
        professional: { sent: 0, used: 0 },
        youth: { sent: 0, used: 0 },
        employer: { sent: 3, used: 0 },
        ketenpartner: { sent: 0, used: 0 },
      },
    });
    const seen = [sent.body, round, (await get(`/api/rounds/${id}/results`, coordinator)).body].join("\n");
    for (const token of tokens) expect(seen).not.toContain(token);
    expect(seen).not.toContain("example.nl");

    // A link works once.
    const token = tokens[0] ?? "";
    expect((await get(`/api/invites/${token}`, "")).json()).toMatchObject({ personal: true, used: false, perspective: "employer" });
    const checkId = await respond(ctx.api, `/meedoen/${token}`, { "1.1": 6 });
    expect((await ctx.api("POST", "/api/checks", { payload: { toolId: TOOL_ID, invite: token } })).statusCode).toBe(409);
    expect((await get(`/api/invites/${token}`, "")).json().used).toBe(true);
    const counts = (await get(`/api/rounds/${id}`, coordinator)).json().personalInvites.counts.employer;
    expect(counts).toEqual({ sent: 3, used: 1 });
    expect((await results(id)).channels.employer).toEqual({ open: 0, personal: 1 });

    // No table links an address, a token or an invitation to a response.
    const columns = await ctx.database.db.execute(
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and table_name in ('round_personal_invites', 'checks') order by table_name, ordinal_position`,
    );
    const rows = (columns as unknown as { rows: { table_name: string; column_name: string }[] }).rows;
    expect(rows.filter((r) => r.table_name === "round_personal_invites").map((r) => r.column_name)).toEqual([
      "token_hash",
      "round_id",
      "perspective",
      "used",
    ]);
    expect(rows.filter((r) => r.table_name === "checks").map((r) => r.column_name)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/invite|token|mail|address/)]),
    );
    const stored = JSON.stringify(await ctx.database.db.execute(sql`select * from round_personal_invites where round_id = ${id}`));
    for (const token of tokens) expect(stored).not.toContain(token);
    expect(stored).not.toContain("example.nl");
    const check = JSON.stringify(await ctx.database.db.execute(sql`select * from checks where id = ${checkId}`));
    expect(check).not.toMatch(/example\.nl|token/);
  });
  it("lets a coordinator switch an open link off, so nobody can add scripted responses around an invited person's", async () => {
    const { id, invites } = await newRound({ threshold: 3 });
    // Kept back before the switch: opened through the open link, to be handed in right after the invited person's.
    const keptBack = [];
    for (let i = 0; i < 2; i++) {
      const checkId = (await ctx.api("POST", "/api/checks", { payload: { toolId: TOOL_ID, invite: inviteToken(invites.employer) } })).json()
        .id;
      await ctx.api("PATCH", `/api/checks/${checkId}/answers`, {
        payload: { answers: await completeAnswers(ctx.api, { "1.1": 5 }, "employer") },
      });
      keptBack.push(checkId);
    }
    const switchOff = { perspective: "employer", open: false };
    expect((await ctx.api("PATCH", `/api/rounds/${id}/open-links`, { cookie: member, payload: switchOff })).statusCode).toBe(403);
    const off = await ctx.api("PATCH", `/api/rounds/${id}/open-links`, { cookie: coordinator, payload: switchOff });
    expect(off.json().openLinks).toEqual({ professional: true, youth: true, employer: false, ketenpartner: true });
    expect((await get(`/api/invites/${inviteToken(invites.employer)}`, "")).json().linkOff).toBe(true);

    const before = mail.received.length;
    await ctx.api("POST", `/api/rounds/${id}/personal-invites`, {
      cookie: coordinator,
      payload: { perspective: "employer", addresses: ["x@example.nl"] },
    });
    const [token = ""] = inviteTokensIn(mail.received[before]?.text ?? "");
    await respond(ctx.api, `/meedoen/${token}`, { "1.1": 9 });

    const refused = await ctx.api("POST", "/api/checks", { payload: { toolId: TOOL_ID, invite: inviteToken(invites.employer) } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatch(/open link is uitgezet/);
    for (const checkId of keptBack) expect((await ctx.api("POST", `/api/checks/${checkId}/submit`)).statusCode).toBe(409);
    const employer = (await results(id)).perspectives.find((p: Result) => p.perspective === "employer");
    expect(employer).toEqual({ perspective: "employer", responses: 1, waiting: 1, visible: false });
    // Other perspectives keep their open link.
    await respond(ctx.api, invites.youth, { "1.1": 4 });
  });
});

describe.each(databaseTargets().slice(0, 1))("personal invitations without a mail server, on $name", (target) => {
  const ctx = useTestApp(target);
  it("are unavailable, and the app says why", async () => {
    const coordinator = await signUp(ctx.api);
    const teamId = await createTeam(ctx.api, coordinator);
    const { id } = await createRound(ctx.api, coordinator, teamId);
    expect((await ctx.api("GET", `/api/rounds/${id}`, { cookie: coordinator })).json().personalInvites.available).toBe(false);
    const res = await ctx.api("POST", `/api/rounds/${id}/personal-invites`, {
      cookie: coordinator,
      payload: { perspective: "youth", addresses: ["a@example.nl"] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatch(/SMTP_URL/);
  });
});
