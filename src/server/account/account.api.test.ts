import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type Database, migrationsFolder, openDatabase, pgliteExtensions } from "../../db/client.ts";
import { account, session, teamMembers, teams, user, verification } from "../../db/schema.ts";
import { buildTestApp, TEST_MODERATOR } from "../test/app.ts";
import { databaseTargets } from "../test/databases.ts";
import { APP_ORIGIN, type Api, createTeam, DEFAULT_PASSWORD, injectApi, signUp, uniqueEmail } from "../test/factories.ts";
import { type MailCatcher, startMailCatcher } from "../test/mail.ts";
import { copyPostgresTemplate, emptyPostgresDatabase } from "../test/templates.ts";
import { useTestApp } from "../test/use-app.ts";

const root = resolve(import.meta.dirname, "../../..");
const MIGRATION = "0008_verify_existing_accounts";

describe.each(databaseTargets())("verified roles and AVG self-service on $name", (target) => {
  let mail: MailCatcher;
  const ctx = useTestApp(target, async () => {
    mail = await startMailCatcher();
    return { smtpUrl: mail.smtpUrl };
  });
  afterAll(async () => mail?.close());

  const call = (method: Parameters<Api>[0], url: string, cookie?: string, payload?: object) =>
    ctx.api(method, url, { cookie, payload, headers: { origin: APP_ORIGIN } });
  const db = () => ctx.database.db;
  const count = async (table: typeof session | typeof account | typeof teamMembers, userId: string) =>
    (
      await db()
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(table)
        .where(eq(table.userId, userId))
    )[0]?.n;
  const userIdOf = async (email: string) => (await db().select({ id: user.id }).from(user).where(eq(user.email, email)))[0]?.id ?? "";

  /** The verification link mailed to `to` (waits for the mail), as a path on the app. */
  async function mailedLink(to: string): Promise<string> {
    await expect.poll(() => mail.received.filter((m) => m.to === to).length, { timeout: 15_000 }).toBeGreaterThan(0);
    // Quoted-printable: "=" is sent as "=3D".
    const text = (mail.received.filter((m) => m.to === to).at(-1)?.text ?? "").replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    const link = text.match(/https?:\/\/\S+\/api\/auth\/verify-email\?\S+/)?.[0];
    expect(link, text).toBeDefined();
    const url = new URL(link ?? "");
    expect(url.origin).toBe(APP_ORIGIN);
    expect(url.searchParams.get("callbackURL")).toBe("/account/bevestigd");
    return `${url.pathname}${url.search}`;
  }

  async function joinTeam(coordinator: string, teamId: string, member: string, role: "member" | "coordinator" = "member") {
    const invite = (await call("POST", `/api/teams/${teamId}/invites`, coordinator, { role })).json();
    expect((await call("POST", `/api/team-invites/${invite.token}/accept`, member)).statusCode).toBe(200);
  }

  it("gives a listed address moderator rights only once the mailed link verified it", async () => {
    const cookie = await signUp(ctx.api, TEST_MODERATOR.email, TEST_MODERATOR.password);
    const moderation = () => call("GET", "/api/kennisbank/submissions?status=pending", cookie);
    const refused = await moderation();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatch(/bevestig/i);
    expect((await call("GET", "/api/me", cookie)).json()).toMatchObject({ user: { emailVerified: false }, moderator: false });
    expect((await call("GET", "/api/account", cookie)).json()).toMatchObject({ user: { emailVerified: false }, moderator: false });

    const link = await mailedLink(TEST_MODERATOR.email);
    // A forged or damaged link verifies nothing and lands on the Dutch page with the reason.
    const forged = await ctx.api("GET", link.replace(/token=[^&]+/, "token=abc.def.ghi"));
    expect(forged.statusCode).toBe(302);
    expect(forged.headers.location).toMatch(/^\/account\/bevestigd\?error=INVALID_TOKEN/);
    expect((await moderation()).statusCode).toBe(403);

    // Opened in any browser (no session needed): verified, and on to /account/bevestigd.
    const verified = await ctx.api("GET", link);
    expect(verified.statusCode).toBe(302);
    expect(verified.headers.location).toBe("/account/bevestigd");
    expect((await moderation()).statusCode).toBe(200);
    expect((await call("GET", "/api/me", cookie)).json()).toMatchObject({ user: { emailVerified: true }, moderator: true });
    // Verified but not listed: still no moderator.
    const other = uniqueEmail("niet-gelijst");
    const otherCookie = await signUp(ctx.api, other);
    expect((await ctx.api("GET", await mailedLink(other))).statusCode).toBe(302);
    expect((await call("GET", "/api/kennisbank/submissions", otherCookie)).statusCode).toBe(403);
  });

  it("sends the verification mail again to a signed-in unverified account", async () => {
    const email = uniqueEmail("opnieuw");
    const cookie = await signUp(ctx.api, email);
    await mailedLink(email);
    const before = mail.received.filter((m) => m.to === email).length;
    const resend = await call("POST", "/api/auth/send-verification-email", cookie, { email, callbackURL: "/account/bevestigd" });
    expect(resend.statusCode).toBe(200);
    await expect.poll(() => mail.received.filter((m) => m.to === email).length, { timeout: 15_000 }).toBe(before + 1);
    expect((await ctx.api("GET", await mailedLink(email))).headers.location).toBe("/account/bevestigd");
    expect((await call("GET", "/api/account", cookie)).json().user.emailVerified).toBe(true);
  });

  it("downloads the account's data without tokens or other people's addresses", async () => {
    const email = uniqueEmail("export");
    const otherEmail = uniqueEmail("collega");
    const cookie = await signUp(ctx.api, email, DEFAULT_PASSWORD, "Anna Export");
    const otherCookie = await signUp(ctx.api, otherEmail, DEFAULT_PASSWORD, "Bram Collega");
    const teamId = await createTeam(ctx.api, cookie, { name: "Team Export", organisation: "Gemeente Export" });
    await joinTeam(cookie, teamId, otherCookie);
    const me = await userIdOf(email);
    await call("POST", `/api/teams/${teamId}/plan/actions`, otherCookie, { themeId: "7", what: "Werkgeversontbijt", ownerUserId: me });
    await call("POST", `/api/teams/${teamId}/plan/actions`, otherCookie, { themeId: "7", what: "Actie van Bram" });

    const res = await call("GET", "/api/account/export", cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="mijn-gegevens-verbetertool-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = res.json();
    expect(data.account).toMatchObject({ id: me, name: "Anna Export", email, emailVerified: false, moderator: false });
    expect(data.logins).toEqual([expect.objectContaining({ providerId: "credential" })]);
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0]).toMatchObject({ current: true });
    expect(data.teams).toEqual([
      expect.objectContaining({ team: "Team Export", organisation: "Gemeente Export", role: "coordinator", memberCount: 2 }),
    ]);
    expect(data.teamPlanActionsAssignedToYou).toEqual([expect.objectContaining({ team: "Team Export", what: "Werkgeversontbijt" })]);

    const body = res.body;
    const [token] = (await db().select({ token: session.token }).from(session).where(eq(session.userId, me))).map((s) => s.token);
    const [hash] = (await db().select({ password: account.password }).from(account).where(eq(account.userId, me))).map((a) => a.password);
    expect(body).not.toContain(String(token));
    expect(body).not.toContain(String(hash));
    expect(body).not.toContain(otherEmail);
    expect(body).not.toContain("Bram");
    expect((await ctx.api("GET", "/api/account/export")).statusCode).toBe(401);
  });

  it("deletes an account with its sessions, logins and memberships, after the password", async () => {
    const email = uniqueEmail("weg");
    const cookie = await signUp(ctx.api, email);
    await signUp(ctx.api, email); // a second session
    const me = await userIdOf(email);
    const soloTeam = await createTeam(ctx.api, cookie, { name: "Alleen ik" });
    const ownerCookie = await signUp(ctx.api, uniqueEmail("eigenaar"));
    const theirTeam = await createTeam(ctx.api, ownerCookie, { name: "Andermans team" });
    await joinTeam(ownerCookie, theirTeam, cookie);
    await ctx.api("POST", "/api/auth/request-password-reset", { payload: { email }, headers: { origin: APP_ORIGIN } });
    expect(await count(session, me)).toBe(2);

    const overview = (await call("GET", "/api/account", cookie)).json();
    expect(overview.teams).toEqual([
      expect.objectContaining({ id: soloTeam, name: "Alleen ik", role: "coordinator", fate: "deleteAlong", memberCount: 1 }),
      expect.objectContaining({ id: theirTeam, name: "Andermans team", role: "member", fate: "leave", candidates: [] }),
    ]);

    const wrong = await call("DELETE", "/api/account", cookie, { password: "niet-het-wachtwoord" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ field: "password", error: "Dit wachtwoord klopt niet." });
    expect((await call("DELETE", "/api/account", cookie, {})).json().field).toBe("password");
    // Deleting a team one only is a member of is not the holder's to choose.
    const notTheirs = await call("DELETE", "/api/account", cookie, { password: DEFAULT_PASSWORD, deleteTeams: [theirTeam] });
    expect(notTheirs.statusCode).toBe(400);
    expect(notTheirs.json().field).toBe("deleteTeams");
    expect(await count(session, me)).toBe(2);

    const done = await call("DELETE", "/api/account", cookie, { password: DEFAULT_PASSWORD });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ deleted: true, deletedTeams: ["Alleen ik"] });
    expect(String(done.headers["set-cookie"])).toMatch(/better-auth\.session_token=;/);
    expect(await userIdOf(email)).toBe("");
    expect(await count(session, me)).toBe(0);
    expect(await count(account, me)).toBe(0);
    expect(await count(teamMembers, me)).toBe(0);
    expect(await db().select().from(verification).where(eq(verification.value, me))).toHaveLength(0);
    expect(await db().select().from(teams).where(eq(teams.id, soloTeam))).toHaveLength(0);
    expect((await call("GET", `/api/teams/${theirTeam}`, ownerCookie)).json().members).toHaveLength(1);
    expect((await call("GET", "/api/account", cookie)).statusCode).toBe(401);
    // The address is free again.
    expect(
      (
        await ctx.api("POST", "/api/auth/sign-up/email", {
          payload: { email, password: DEFAULT_PASSWORD, name: "Nieuw" },
          headers: { origin: APP_ORIGIN },
        })
      ).statusCode,
    ).toBe(200);
  });

  it("refuses while the holder is the only coordinator of a team with others, until handed over", async () => {
    const email = uniqueEmail("overdragen");
    const cookie = await signUp(ctx.api, email, DEFAULT_PASSWORD, "Carla Coördinator");
    const memberEmail = uniqueEmail("opvolger");
    const memberCookie = await signUp(ctx.api, memberEmail, DEFAULT_PASSWORD, "Dirk Opvolger");
    const teamId = await createTeam(ctx.api, cookie, { name: "Team Overdracht" });
    await joinTeam(cookie, teamId, memberCookie);
    const memberId = await userIdOf(memberEmail);

    const overview = (await call("GET", "/api/account", cookie)).json();
    expect(overview.teams).toEqual([
      expect.objectContaining({ id: teamId, fate: "choose", candidates: [{ userId: memberId, name: "Dirk Opvolger" }] }),
    ]);
    expect(JSON.stringify(overview)).not.toContain(memberEmail);

    const refused = await call("DELETE", "/api/account", cookie, { password: DEFAULT_PASSWORD });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ field: "deleteTeams" });
    expect(refused.json().error).toContain("Team Overdracht");
    expect(await userIdOf(email)).not.toBe("");

    // Hand-over: only a coordinator may, and the team never drops to zero coordinators.
    const role = (who: string, userId: string, r: string) => call("PATCH", `/api/teams/${teamId}/members/${userId}`, who, { role: r });
    expect((await role(memberCookie, memberId, "coordinator")).statusCode).toBe(403);
    expect((await role(cookie, await userIdOf(email), "member")).statusCode).toBe(409);
    expect((await role(cookie, "onbekend", "coordinator")).statusCode).toBe(404);
    expect((await role(cookie, memberId, "baas")).json().field).toBe("role");
    expect((await role(cookie, memberId, "coordinator")).json()).toEqual({ userId: memberId, role: "coordinator" });
    expect((await call("GET", "/api/account", cookie)).json().teams[0].fate).toBe("leave");

    expect((await call("DELETE", "/api/account", cookie, { password: DEFAULT_PASSWORD })).json()).toEqual({
      deleted: true,
      deletedTeams: [],
    });
    const team = (await call("GET", `/api/teams/${teamId}`, memberCookie)).json();
    expect(team.members).toEqual([expect.objectContaining({ userId: memberId, role: "coordinator" })]);
  });

  it("deletes the teams the holder chose to delete along", async () => {
    const cookie = await signUp(ctx.api, uniqueEmail("meenemen"));
    const memberCookie = await signUp(ctx.api, uniqueEmail("blijver"));
    const teamId = await createTeam(ctx.api, cookie, { name: "Team Weg" });
    const keptId = await createTeam(ctx.api, cookie, { name: "Team Blijft" });
    await joinTeam(cookie, teamId, memberCookie);
    await joinTeam(cookie, keptId, memberCookie, "coordinator");
    const res = await call("DELETE", "/api/account", cookie, { password: DEFAULT_PASSWORD, deleteTeams: [teamId] });
    expect(res.json()).toEqual({ deleted: true, deletedTeams: ["Team Weg"] });
    expect((await call("GET", `/api/teams/${teamId}`, memberCookie)).statusCode).toBe(404);
    expect((await call("GET", `/api/teams/${keptId}`, memberCookie)).json().members).toEqual([
      expect.objectContaining({ role: "coordinator" }),
    ]);
  });

  it("counts an account made on the command line as verified", async () => {
    const email = uniqueEmail("beheer");
    let database: Database | undefined;
    const dataDir = mkdtempSync(join(tmpdir(), "verbetertool-account-"));
    const copy = target.name === "postgres" ? await copyPostgresTemplate(String(inject("postgresUrl"))) : undefined;
    try {
      const env: Record<string, string> = copy ? { DATABASE_URL: copy.url } : { DATA_DIR: dataDir };
      const result = await runScript([email, "een-lang-wachtwoord", "Beheerder"], { ...env, MODERATOR_EMAILS: email });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain("Het is moderator.");
      database = await openDatabase(copy ? { url: copy.url } : { dataDir });
      const [row] = await database.db.select({ verified: user.emailVerified }).from(user).where(eq(user.email, email));
      expect(row?.verified).toBe(true);
      // And it moderates at once.
      const app = await buildTestApp(database, { moderatorEmails: [email] });
      try {
        const cookie = await signUp(injectApi(app), email, "een-lang-wachtwoord");
        expect((await injectApi(app)("GET", "/api/kennisbank/submissions", { cookie })).statusCode).toBe(200);
      } finally {
        await app.close();
      }
    } finally {
      await database?.close();
      await copy?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it(`marks the accounts that exist before ${MIGRATION} as verified`, async () => {
    const before = migrationsUpTo(MIGRATION);
    const insert = sql`INSERT INTO "user" (id, name, email) VALUES ('bestaand', 'Bestaand', 'bestaand@example.nl')`;
    const read = sql`SELECT email_verified AS verified FROM "user" WHERE id = 'bestaand'`;
    try {
      if (target.name === "pglite") {
        const client = new PGlite({ extensions: pgliteExtensions });
        const orm = drizzlePglite(client);
        await migratePglite(orm, { migrationsFolder: before });
        await orm.execute(insert);
        await migratePglite(orm, { migrationsFolder });
        expect((await orm.execute(read)).rows).toEqual([{ verified: true }]);
        // New accounts after it still start unverified.
        expect(
          (
            await client.query<{ d: string }>(
              `SELECT column_default AS d FROM information_schema.columns WHERE table_name = 'user' AND column_name = 'email_verified'`,
            )
          ).rows[0]?.d,
        ).toBe("false");
        await client.close();
      } else {
        const empty = await emptyPostgresDatabase(String(inject("postgresUrl")), "verbetertool_migration");
        const pool = new pg.Pool({ connectionString: empty.url, max: 1 });
        try {
          const orm = drizzlePg(pool);
          await migratePg(orm, { migrationsFolder: before });
          await orm.execute(insert);
          await migratePg(orm, { migrationsFolder });
          expect((await orm.execute(read)).rows).toEqual([{ verified: true }]);
        } finally {
          await pool.end();
          await empty.drop();
        }
      }
    } finally {
      rmSync(before, { recursive: true, force: true });
    }
  });
});

/** A copy of the migrations folder holding only the migrations before `tag`. */
function migrationsUpTo(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), "verbetertool-migrations-"));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = join(dir, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number; tag: string }[] };
  const index = journal.entries.findIndex((e) => e.tag === tag);
  expect(index).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

/** `npm run account:create` as an operator runs it (through tsx), with its own environment. */
function runScript(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/create-account.ts", ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "error", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.on("exit", (code) => done({ code, stdout, stderr }));
  });
}
