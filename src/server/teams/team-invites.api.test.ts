import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../test/databases.ts";
import { type Api, createTeam, signUp, uniqueEmail } from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";

// Team invite links expire after 14 days and can be revoked by a coordinator; a link that does neither work answers
// 404 like an unknown one. Members see each other's names, only coordinators their e-mail addresses.

type Invite = { token: string; url: string; role: string; createdAt: string; expiresAt: string };
const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(databaseTargets())("team invites and members on $name", (target) => {
  const ctx = useTestApp(target);
  let owner = "";
  let teamId = "";

  beforeAll(async () => {
    owner = await signUp(ctx.api, uniqueEmail("coordinator"), undefined, "Coördinator");
    teamId = await createTeam(ctx.api, owner);
  });

  const call = (method: Parameters<Api>[0], url: string, cookie?: string, payload?: object) => ctx.api(method, url, { cookie, payload });
  const invite = async (role: "member" | "coordinator" = "member"): Promise<Invite> => {
    const res = await call("POST", `/api/teams/${teamId}/invites`, owner, { role });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const notFound = { error: "Uitnodiging niet gevonden.", field: null };

  it("makes links that expire after 14 days and lists them for coordinators", async () => {
    const before = Date.now();
    const created = await invite("coordinator");
    expect(created).toMatchObject({ role: "coordinator", url: `http://localhost:3000/teams/uitnodiging/${created.token}` });
    const validFor = Date.parse(created.expiresAt) - before;
    expect(validFor).toBeGreaterThan(14 * DAY_MS - 60_000);
    expect(validFor).toBeLessThan(14 * DAY_MS + 60_000);
    const team = (await call("GET", `/api/teams/${teamId}`, owner)).json();
    expect(team.invites).toContainEqual(created);
  });

  it("a revoked link answers 404 and joins no one", async () => {
    const { token } = await invite("coordinator");
    expect((await call("GET", `/api/team-invites/${token}`)).statusCode).toBe(200);
    const revoked = await call("DELETE", `/api/teams/${teamId}/invites/${token}`, owner);
    expect(revoked.statusCode, revoked.body).toBe(204);

    expect((await call("GET", `/api/team-invites/${token}`)).json()).toEqual(notFound);
    const joiner = await signUp(ctx.api, uniqueEmail("ingetrokken"));
    const accept = await call("POST", `/api/team-invites/${token}/accept`, joiner);
    expect(accept.statusCode).toBe(404);
    expect(accept.json()).toEqual(notFound);
    expect((await call("GET", `/api/teams/${teamId}`, joiner)).statusCode).toBe(404);
    expect((await call("GET", `/api/teams/${teamId}`, owner)).json().invites.map((i: Invite) => i.token)).not.toContain(token);
    // Revoking again, or a link of another team, is a 404.
    expect((await call("DELETE", `/api/teams/${teamId}/invites/${token}`, owner)).json()).toEqual(notFound);
  });

  it("an expired link answers 404, also one from before expiry existed (the migration gave it 14 days)", async () => {
    const { token } = await invite();
    await ctx.database.db.execute(sql`UPDATE team_invites SET expires_at = now() - interval '1 second' WHERE token = ${token}`);
    expect((await call("GET", `/api/team-invites/${token}`)).json()).toEqual(notFound);
    const joiner = await signUp(ctx.api, uniqueEmail("verlopen"));
    expect((await call("POST", `/api/team-invites/${token}/accept`, joiner)).statusCode).toBe(404);
    expect((await call("GET", `/api/teams/${teamId}`, owner)).json().invites.map((i: Invite) => i.token)).not.toContain(token);

    // A row inserted without an expiry (as the rows existing at migration time) gets 14 days from the column default.
    const legacy = "oudeuitnodigingzondervervaldatum";
    await ctx.database.db.execute(sql`INSERT INTO team_invites (token, team_id, role) VALUES (${legacy}, ${teamId}, 'member')`);
    const listed = (await call("GET", `/api/teams/${teamId}`, owner)).json().invites.find((i: Invite) => i.token === legacy);
    expect(Date.parse(listed.expiresAt) - Date.parse(listed.createdAt)).toBe(14 * DAY_MS);
  });

  it("only a coordinator of the team revokes", async () => {
    const { token } = await invite();
    const member = await signUp(ctx.api, uniqueEmail("lid"));
    const memberInvite = await invite("member");
    expect((await call("POST", `/api/team-invites/${memberInvite.token}/accept`, member)).statusCode).toBe(200);
    const stranger = await signUp(ctx.api, uniqueEmail("vreemde"));
    expect((await call("DELETE", `/api/teams/${teamId}/invites/${token}`, member)).statusCode).toBe(403);
    expect((await call("DELETE", `/api/teams/${teamId}/invites/${token}`, stranger)).statusCode).toBe(404);
    expect((await call("DELETE", `/api/teams/${teamId}/invites/${token}`)).statusCode).toBe(401);
    const otherTeam = await createTeam(ctx.api, stranger);
    expect((await call("DELETE", `/api/teams/${otherTeam}/invites/${token}`, stranger)).statusCode).toBe(404);
    expect((await call("GET", `/api/team-invites/${token}`)).statusCode).toBe(200);
  });

  it("members see names and roles but no addresses; coordinators see addresses", async () => {
    const memberEmail = uniqueEmail("naam");
    const member = await signUp(ctx.api, memberEmail, undefined, "Lid Met Naam");
    const { token } = await invite("member");
    expect((await call("POST", `/api/team-invites/${token}/accept`, member)).statusCode).toBe(200);

    const asMember = await call("GET", `/api/teams/${teamId}`, member);
    expect(asMember.statusCode).toBe(200);
    expect(asMember.body).not.toContain("@example.nl");
    expect(asMember.json().invites).toBeNull();
    expect(asMember.json().members).toContainEqual({ userId: expect.any(String), name: "Lid Met Naam", role: "member" });
    for (const m of asMember.json().members) expect(Object.keys(m).sort()).toEqual(["name", "role", "userId"]);

    const asCoordinator = (await call("GET", `/api/teams/${teamId}`, owner)).json();
    expect(asCoordinator.members).toContainEqual({ userId: expect.any(String), name: "Lid Met Naam", email: memberEmail, role: "member" });
  });
});
