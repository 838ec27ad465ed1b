import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../test/databases.ts";
import { completeAnswers, createCheck, createRound, createTeam, inviteToken, respond, signUp, TOOL_ID } from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";

type Item = { id: string; mean: number | null; scored: number | null; notApplicable: number | null; dontKnow: number | null };
type Result = { perspective: string; responses: number; visible: boolean; items?: Item[] };

describe.each(databaseTargets())("each group asked in its own way, on $name", (target) => {
  const ctx = useTestApp(target);
  let coordinator = "";
  let teamId = "";

  beforeAll(async () => {
    coordinator = await signUp(ctx.api);
    teamId = await createTeam(ctx.api, coordinator);
  });

  const results = async (roundId: string) => (await ctx.api("GET", `/api/rounds/${roundId}/results`, { cookie: coordinator })).json();
  const groupOf = (r: { perspectives: Result[] }, p: string) => r.perspectives.find((x) => x.perspective === p);
  const patch = (checkId: string, answers: object) => ctx.api("PATCH", `/api/checks/${checkId}/answers`, { payload: { answers } });

  it('accepts "weet ik niet" only from groups outside the professionals', async () => {
    const { invites } = await createRound(ctx.api, coordinator, teamId);
    const solo = await createCheck(ctx.api);
    const refused = await patch(solo, { "1.1": "weetniet" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: "answers.1.1", error: expect.stringContaining('"nvt"') });
    const professional = await createCheck(ctx.api, { invite: inviteToken(invites.professional) });
    expect((await patch(professional, { "1.1": "weetniet" })).statusCode).toBe(400);
    for (const group of ["youth", "employer", "ketenpartner"] as const) {
      const checkId = await createCheck(ctx.api, { invite: inviteToken(invites[group]) });
      const res = await patch(checkId, { "2.8": "weetniet" });
      expect(res.statusCode, group).toBe(200);
      expect((await ctx.api("GET", `/api/checks/${checkId}`)).json().answers).toEqual({ "2.8": "weetniet" });
      expect((await patch(checkId, { "2.8": "weet niet" })).json().field).toBe("answers.2.8");
    }
  });

  it('counts "weet ik niet" apart and never in a mean', async () => {
    const { id, invites } = await createRound(ctx.api, coordinator, teamId);
    for (const answer of [6, 6, 6, "weetniet", "weetniet", "weetniet"] as const)
      await respond(ctx.api, invites.employer, { "2.8": answer });
    const employer = groupOf(await results(id), "employer");
    expect(employer?.items?.find((i) => i.id === "2.8")).toMatchObject({ mean: 6, scored: 3, dontKnow: 3, notApplicable: null });
    const csv = (await ctx.api("GET", `/api/rounds/${id}/export.csv`, { cookie: coordinator })).body;
    const row = csv.split("\n").find((line) => line.startsWith("Werkgevers;") && line.split(";")[2] === "2.8") ?? "";
    expect(row.split(";").slice(4, 8)).toEqual(["6", "3", "", "3"]);
  });

  it("asks only the groups a round chooses, with a ketenpartner link of its own", async () => {
    const bad = await ctx.api("POST", `/api/teams/${teamId}/rounds`, { cookie: coordinator, payload: { name: "x", perspectives: [] } });
    expect(bad.json().field).toBe("perspectives");
    const unknown = await ctx.api("POST", `/api/teams/${teamId}/rounds`, {
      cookie: coordinator,
      payload: { name: "x", perspectives: ["ouders"] },
    });
    expect(unknown.json().field).toBe("perspectives.0");

    const without = await createRound(ctx.api, coordinator, teamId, { perspectives: ["professional", "youth"] });
    expect(Object.keys(without.invites)).toEqual(["professional", "youth"]);
    const round = (await ctx.api("GET", `/api/rounds/${without.id}`, { cookie: coordinator })).json();
    expect(round.perspectives).toEqual(["professional", "youth"]);
    expect(Object.keys(round.invites)).toEqual(["professional", "youth"]);
    expect((await results(without.id)).perspectives.map((p: Result) => p.perspective)).toEqual(["professional", "youth"]);
    const kiosk = await ctx.api("POST", `/api/rounds/${without.id}/kiosk`, {
      cookie: coordinator,
      payload: { perspective: "ketenpartner" },
    });
    expect(kiosk.statusCode).toBe(400);

    const withPartners = await createRound(ctx.api, coordinator, teamId, { perspectives: ["ketenpartner", "professional"] });
    expect(Object.keys(withPartners.invites)).toEqual(["professional", "ketenpartner"]);
    const preview = (await ctx.api("GET", `/api/invites/${inviteToken(withPartners.invites.ketenpartner ?? "")}`)).json();
    expect(preview.perspective).toBe("ketenpartner");
    for (const v of [7, 8, 9]) await respond(ctx.api, withPartners.invites.ketenpartner ?? "", { "2.8": v });
    for (const v of [4, 4, 4]) await respond(ctx.api, withPartners.invites.professional ?? "", { "2.8": v });
    const shown = await results(withPartners.id);
    expect(shown.perspectives.map((p: Result) => [p.perspective, p.responses, p.visible])).toEqual([
      ["professional", 3, true],
      ["ketenpartner", 3, true],
    ]);
    expect(shown.mirror.items.find((r: { id: string }) => r.id === "2.8")).toEqual({
      id: "2.8",
      means: { professional: 4, ketenpartner: 8 },
      gap: 4,
    });
    const csv = (await ctx.api("GET", `/api/rounds/${withPartners.id}/export.csv`, { cookie: coordinator })).body;
    expect(csv).toContain("Ketenpartners;2;2.8;");
    expect(csv).not.toContain("Jongeren;");
    const workbook = new ExcelJS.Workbook();
    const xlsx = await ctx.api("GET", `/api/rounds/${withPartners.id}/export.xlsx`, { cookie: coordinator });
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const groups = new Set<unknown>();
    workbook.getWorksheet("Gemiddelden per factor")?.eachRow((row) => {
      const [, group, , factorId] = row.values as unknown[];
      if (/^\d\.\d+$/.test(String(factorId))) groups.add(group);
    });
    expect([...groups]).toEqual(["Professionals", "Ketenpartners"]);
    // The trend follows whichever groups each round asked.
    const trend = (await ctx.api("GET", `/api/teams/${teamId}/trend`, { cookie: coordinator })).json();
    const theme2 = trend.themes["2"].find((point: { roundId: string }) => point.roundId === withPartners.id);
    expect(Object.keys(theme2.means).sort()).toEqual(["ketenpartner", "professional"]);
  });

  it("lets the coordinator publish a message to the young people once the round is closed", async () => {
    const { id, invites } = await createRound(ctx.api, coordinator, teamId);
    const youthCheck = await respond(ctx.api, invites.youth, { "1.1": 6 });
    const message = { message: "Bedankt! We gaan vaker met jullie praten over werk." };
    const early = await ctx.api("PUT", `/api/rounds/${id}/youth-message`, { cookie: coordinator, payload: message });
    expect(early.statusCode).toBe(409);
    await ctx.api("POST", `/api/rounds/${id}/close`, { cookie: coordinator });
    expect((await ctx.api("GET", `/api/invites/${inviteToken(invites.youth)}`)).json().youthMessage).toBeNull();
    const member = await signUp(ctx.api);
    expect((await ctx.api("PUT", `/api/rounds/${id}/youth-message`, { cookie: member, payload: message })).statusCode).toBe(404);
    const tooLong = await ctx.api("PUT", `/api/rounds/${id}/youth-message`, {
      cookie: coordinator,
      payload: { message: "x".repeat(2001) },
    });
    expect(tooLong.json().field).toBe("message");
    const published = await ctx.api("PUT", `/api/rounds/${id}/youth-message`, { cookie: coordinator, payload: message });
    expect(published.json()).toEqual({ youthMessage: message.message });
    expect((await ctx.api("GET", `/api/invites/${inviteToken(invites.youth)}`)).json().youthMessage).toBe(message.message);
    expect((await ctx.api("GET", `/api/checks/${youthCheck}`)).json().round.youthMessage).toBe(message.message);
    // Only the young people's link shows it.
    expect((await ctx.api("GET", `/api/invites/${inviteToken(invites.employer)}`)).json().youthMessage).toBeNull();
    await ctx.api("PUT", `/api/rounds/${id}/youth-message`, { cookie: coordinator, payload: { message: null } });
    expect((await ctx.api("GET", `/api/invites/${inviteToken(invites.youth)}`)).json().youthMessage).toBeNull();

    const noYouth = await createRound(ctx.api, coordinator, teamId, { perspectives: ["professional"] });
    await ctx.api("POST", `/api/rounds/${noYouth.id}/close`, { cookie: coordinator });
    expect((await ctx.api("PUT", `/api/rounds/${noYouth.id}/youth-message`, { cookie: coordinator, payload: message })).statusCode).toBe(
      400,
    );
  });

  it("asks a group only the factors it can judge", async () => {
    const tool = (await ctx.api("GET", `/api/tools/${TOOL_ID}`)).json() as { themes: { items: { id: string; notAskedOf?: string[] }[] }[] };
    const { invites } = await createRound(ctx.api, coordinator, teamId);
    for (const group of ["youth", "employer", "ketenpartner"] as const) {
      const notAsked = tool.themes.flatMap((t) => t.items).filter((i) => i.notAskedOf?.includes(group));
      const checkId = await createCheck(ctx.api, { invite: inviteToken(invites[group]) });
      for (const item of notAsked) expect((await patch(checkId, { [item.id]: 5 })).json().field).toBe(`answers.${item.id}`);
      // Half of what the group is asked is enough to hand in.
      const asked = Object.keys(await completeAnswers(ctx.api, {}, group));
      expect(asked.length).toBe(31 - notAsked.length);
      await patch(checkId, Object.fromEntries(asked.slice(0, Math.ceil(asked.length / 2)).map((id) => [id, "weetniet"])));
      expect((await ctx.api("POST", `/api/checks/${checkId}/submit`)).statusCode).toBe(200);
    }
  });
});
