import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { dutchDay, monthsBefore } from "../../domain/dates.ts";
import { databaseTargets } from "../test/databases.ts";
import { type Api, createRound, createTeam, respond, signUp, uniqueEmail } from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";

/*
 * Management links: a coordinator shares a round's management summary read-only until a chosen day. The link shows
 * only released group figures; a revoked, an expired and an unknown link all answer the same 404.
 */

type Link = { token: string; url: string; createdAt: string; expiresOn: string; createdByName: string | null };
type Figure = { id: string; title: string; mean: number | null };
type Group = {
  perspective: string;
  responses: number;
  visible: boolean;
  overall: number | null;
  themes: (Figure & { factors: Figure[] })[];
};

const today = () => dutchDay(new Date());
const notFound = { error: "Managementlink niet gevonden.", field: null };

describe.each(databaseTargets())("management links on $name", (target) => {
  const ctx = useTestApp(target);
  const coordinatorEmail = uniqueEmail("coordinator-mgmt");
  const memberEmail = uniqueEmail("lid-mgmt");
  let coordinator = "";
  let member = "";
  let memberId = "";
  let coordinatorId = "";
  let roundId = "";
  let invites: Record<string, string> = {};

  const call = (method: Parameters<Api>[0], url: string, cookie?: string, payload?: object) => ctx.api(method, url, { cookie, payload });
  const create = async (expiresOn = monthsBefore(today(), -3)): Promise<Link> => {
    const res = await call("POST", `/api/rounds/${roundId}/management-links`, coordinator, { expiresOn });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    coordinator = await signUp(ctx.api, coordinatorEmail, undefined, "Coördinator Mgmt");
    const teamId = await createTeam(ctx.api, coordinator, { name: "Team Geheim" });
    const invite = await call("POST", `/api/teams/${teamId}/invites`, coordinator, { role: "member" });
    member = await signUp(ctx.api, memberEmail, undefined, "Lid Mgmt");
    expect((await call("POST", `/api/team-invites/${invite.json().token}/accept`, member)).statusCode).toBe(200);
    const me = async (cookie: string) => (await call("GET", "/api/auth/get-session", cookie)).json().user.id as string;
    memberId = await me(member);
    coordinatorId = await me(coordinator);
    // Three professionals (the threshold) and only two young people: the youth figures stay hidden.
    const round = await createRound(ctx.api, coordinator, teamId, {
      name: "Najaar",
      threshold: 3,
      perspectives: ["professional", "youth"],
    });
    roundId = round.id;
    invites = round.invites;
    for (const score of [6, 7, 8]) await respond(ctx.api, round.invites.professional, { "1.1": score, "1.2": score });
    for (const score of [2, 9]) await respond(ctx.api, round.invites.youth, { "1.1": score, "1.2": score });
  });

  it("a coordinator makes a link that shows the round's released figures", async () => {
    const link = await create();
    expect(link.url).toBe(`http://localhost:3000/management/${link.token}`);
    expect(link.createdByName).toBe("Coördinator Mgmt");
    const listed = (await call("GET", `/api/rounds/${roundId}/management-links`, coordinator)).json();
    expect(listed).toContainEqual(link);

    // Without any cookie, as a manager opening the mail.
    const res = await call("GET", `/api/management/${link.token}`);
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json() as { round: { name: string }; threshold: number; perspectives: Group[] };
    expect(summary.round.name).toBe("Najaar");
    expect(summary.threshold).toBe(3);
    const professional = summary.perspectives.find((p) => p.perspective === "professional");
    expect(professional).toMatchObject({ responses: 3, visible: true });
    const factor = professional?.themes.find((t) => t.id === "1")?.factors.find((f) => f.id === "1.1");
    expect(factor?.mean).toBe(7);

    // Below the threshold: the group's count, and every figure null.
    const youth = summary.perspectives.find((p) => p.perspective === "youth");
    expect(youth).toMatchObject({ responses: 2, visible: false, overall: null });
    expect(youth?.themes.every((t) => t.mean === null && t.factors.every((f) => f.mean === null))).toBe(true);

    // Nothing of the team: no team name, member, address, account id or invite link.
    for (const secret of ["Team Geheim", coordinatorEmail, memberEmail, memberId, coordinatorId, "Lid Mgmt", "Coördinator Mgmt"])
      expect(res.body).not.toContain(secret);
    for (const url of Object.values(invites)) expect(res.body).not.toContain(url.split("/").at(-1));
    expect(Object.keys(summary).sort()).toEqual(["perspectives", "round", "threshold"]);
  });

  it("a member cannot make, list or revoke links (403); strangers get 404", async () => {
    const link = await create();
    expect((await call("POST", `/api/rounds/${roundId}/management-links`, member, { expiresOn: today() })).statusCode).toBe(403);
    expect((await call("GET", `/api/rounds/${roundId}/management-links`, member)).statusCode).toBe(403);
    expect((await call("DELETE", `/api/rounds/${roundId}/management-links/${link.token}`, member)).statusCode).toBe(403);
    const stranger = await signUp(ctx.api, uniqueEmail("vreemde-mgmt"));
    expect((await call("GET", `/api/rounds/${roundId}/management-links`, stranger)).statusCode).toBe(404);
    expect((await call("GET", `/api/rounds/${roundId}/management-links`)).statusCode).toBe(401);
    expect((await call("GET", `/api/management/${link.token}`)).statusCode).toBe(200);
  });

  it("the last day must be given, not in the past and at most 12 months ahead", async () => {
    const post = (payload: object) => call("POST", `/api/rounds/${roundId}/management-links`, coordinator, payload);
    const missing = await post({});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe("expiresOn");
    const past = await post({ expiresOn: monthsBefore(today(), 1) });
    expect(past.json()).toEqual({ error: "Geldig tot en met mag niet in het verleden liggen.", field: "expiresOn" });
    expect((await post({ expiresOn: monthsBefore(today(), -13) })).json().field).toBe("expiresOn");
    expect((await post({ expiresOn: monthsBefore(today(), -12) })).statusCode).toBe(201);
    expect((await post({ expiresOn: today() })).statusCode).toBe(201);
  });

  it("revoked, expired and unknown links all answer the same 404", async () => {
    const revoked = await create();
    expect((await call("DELETE", `/api/rounds/${roundId}/management-links/${revoked.token}`, coordinator)).statusCode).toBe(204);
    expect((await call("GET", `/api/management/${revoked.token}`)).json()).toEqual(notFound);
    expect((await call("DELETE", `/api/rounds/${roundId}/management-links/${revoked.token}`, coordinator)).json()).toEqual(notFound);

    const expired = await create();
    await ctx.database.db.execute(sql`UPDATE management_links SET expires_on = current_date - 1 WHERE token = ${expired.token}`);
    const res = await call("GET", `/api/management/${expired.token}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(notFound);

    expect((await call("GET", "/api/management/bestaatnietbestaatnietbestaat")).json()).toEqual(notFound);
    expect((await call("GET", "/api/management/kort")).json()).toEqual(notFound);
    const listed = (await call("GET", `/api/rounds/${roundId}/management-links`, coordinator)).json() as Link[];
    expect(listed.map((l) => l.token)).not.toContain(revoked.token);
    expect(listed.map((l) => l.token)).not.toContain(expired.token);
  });
});
