import { beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../test/databases.ts";
import { createTeam, inviteToken, signUp, TOOL_ID } from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";

/** The consultant's self-scan: a second tool that exists only as content (content/tools/zelfscan-werkwijze/). */
const SELF_SCAN = "zelfscan-werkwijze";

type ToolSummary = { id: string; title: string; default: boolean; perspectives: string[] };
type Tool = { id: string; themes: { id: string; items: { id: string }[] }[] };

describe.each(databaseTargets())("a second tool from content only, on $name", (target) => {
  const ctx = useTestApp(target);
  let tool: Tool;

  beforeAll(async () => {
    tool = (await ctx.api("GET", `/api/tools/${SELF_SCAN}`)).json();
  });

  it("is listed after the default tool, for professionals only", async () => {
    const list: ToolSummary[] = (await ctx.api("GET", "/api/tools")).json();
    expect(list[0]).toMatchObject({ id: TOOL_ID, default: true });
    expect(list.find((t) => t.id === SELF_SCAN)).toMatchObject({ default: false, perspectives: ["professional"] });
    expect(tool.themes.length).toBe(6);
  });

  it("runs as a solo check: created, answered, scored and downloaded as PDF", async () => {
    const created = await ctx.api("POST", "/api/checks", { payload: { toolId: SELF_SCAN } });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const first = tool.themes[0];
    const answers = Object.fromEntries((first?.items ?? []).map((item, i) => [item.id, i % 2 ? 8 : 4]));
    const saved = await ctx.api("PATCH", `/api/checks/${id}/answers`, { payload: { answers } });
    expect(saved.statusCode).toBe(200);
    // A factor of the other tool is not part of this check.
    expect((await ctx.api("PATCH", `/api/checks/${id}/answers`, { payload: { answers: { "7.31": 5 } } })).statusCode).toBe(400);

    const results = await ctx.api("GET", `/api/checks/${id}/results`);
    expect(results.statusCode).toBe(200);
    expect(JSON.stringify(results.json())).toContain('"1.1"');

    const pdf = await ctx.api("GET", `/api/checks/${id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="verbeterplan-${SELF_SCAN}.pdf"`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("serves a team round with the professionals only, and refuses other groups naming perspectives", async () => {
    const coordinator = await signUp(ctx.api);
    const teamId = await createTeam(ctx.api, coordinator);
    const start = (payload: object) => ctx.api("POST", `/api/teams/${teamId}/rounds`, { cookie: coordinator, payload });

    const refused = await start({ name: "Zelfscan", toolId: SELF_SCAN, perspectives: ["professional", "youth"] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: "perspectives", error: expect.stringContaining("professionals") });
    // Without a choice a round asks every group, which this tool does not allow either.
    expect((await start({ name: "Zelfscan", toolId: SELF_SCAN })).json().field).toBe("perspectives");

    const started = await start({ name: "Zelfscan", toolId: SELF_SCAN, perspectives: ["professional"] });
    expect(started.statusCode).toBe(201);
    const { id, invites } = started.json();
    expect(Object.keys(invites)).toEqual(["professional"]);
    // A respondent as the invite page does it: the invite names the tool, the check is started with it.
    const token = inviteToken(invites.professional);
    const invite = (await ctx.api("GET", `/api/invites/${token}`)).json();
    expect(invite).toMatchObject({ toolId: SELF_SCAN, perspective: "professional" });
    const check = await ctx.api("POST", "/api/checks", { payload: { toolId: SELF_SCAN, invite: token } });
    expect(check.statusCode).toBe(201);
    const checkId = check.json().id;
    const answers = Object.fromEntries(tool.themes.flatMap((t) => t.items.map((i) => [i.id, 7])));
    expect((await ctx.api("PATCH", `/api/checks/${checkId}/answers`, { payload: { answers } })).statusCode).toBe(200);
    expect((await ctx.api("POST", `/api/checks/${checkId}/submit`)).statusCode).toBe(200);
    const round = await ctx.api("GET", `/api/rounds/${id}`, { cookie: coordinator });
    expect(round.json()).toMatchObject({ toolId: SELF_SCAN });

    // The team plan follows the tool of the team's latest round: its factors, not the main tool's.
    const action = (factorId: string) =>
      ctx.api("POST", `/api/teams/${teamId}/plan/actions`, { cookie: coordinator, payload: { themeId: "1", factorId, what: "Oefenen" } });
    expect((await action("1.5")).statusCode).toBe(201);
    expect((await ctx.api("GET", `/api/teams/${teamId}/plan`, { cookie: coordinator })).statusCode).toBe(200);
  });

  it("still starts a round of the default tool when no tool is named", async () => {
    const coordinator = await signUp(ctx.api);
    const teamId = await createTeam(ctx.api, coordinator);
    const started = await ctx.api("POST", `/api/teams/${teamId}/rounds`, { cookie: coordinator, payload: { name: "Gewoon" } });
    expect(started.statusCode).toBe(201);
    expect((await ctx.api("GET", `/api/rounds/${started.json().id}`, { cookie: coordinator })).json()).toMatchObject({ toolId: TOOL_ID });
  });
});
