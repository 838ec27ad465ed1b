import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { asc, eq, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, migrationsFolder, openDatabase, pgliteExtensions } from "../../db/client.ts";
import { planActions, planThemes, teamMembers, user } from "../../db/schema.ts";
import { buildTestApp } from "../test/app.ts";
import { databaseTargets } from "../test/databases.ts";
import { APP_ORIGIN, type Api, injectApi, signUp } from "../test/factories.ts";
import { emptyPostgresDatabase } from "../test/templates.ts";

/** The migration that merged the team plan into the plan tables (decision 0031). */
const MIGRATION = "0018_plan_owners";

// Fixed ids shaped like real ones (144 random bits, base64url), so the routes take them.
const CHECK = "chk_AAAAAAAAAAAAAAAAAAAAAA";
const OTHER_CHECK = "chk_BBBBBBBBBBBBBBBBBBBBBB";
const TEAM = "team_AAAAAAAAAAAAAAAAAAAAA";
const ROUND_1 = "rnd1_AAAAAAAAAAAAAAAAAAAA";
const ROUND_2 = "rnd2_AAAAAAAAAAAAAAAAAAAA";

/** Personal and team plans as the tables held them before the merge: every field, every status, both owners. */
const BEFORE = [
  `INSERT INTO "user" (id, name, email) VALUES ('eigenaar', 'Ellen Eigenaar', 'ellen@example.nl')`,
  `INSERT INTO checks (id, tool_id, tool_version) VALUES ('${CHECK}', 'jongeren-en-arbeid', 'v1'), ('${OTHER_CHECK}', 'jongeren-en-arbeid', 'v1')`,
  `INSERT INTO teams (id, name) VALUES ('${TEAM}', 'Team Voor')`,
  `INSERT INTO team_members (team_id, user_id, role) VALUES ('${TEAM}', 'eigenaar', 'coordinator')`,
  `INSERT INTO rounds (id, team_id, name, tool_id, started_at) VALUES
     ('${ROUND_1}', '${TEAM}', 'Voorjaar', 'jongeren-en-arbeid', '2024-03-01T10:00:00Z'),
     ('${ROUND_2}', '${TEAM}', 'Najaar', 'jongeren-en-arbeid', '2024-10-01T10:00:00Z')`,
  `INSERT INTO plan_themes (check_id, theme_id, text, updated_at) VALUES
     ('${CHECK}', '1', E'Plan met ünïcödé ✓,\\ttab en\\nregel', '2024-05-01T08:00:00Z'),
     ('${CHECK}', '3', '', '2024-05-02T08:00:00Z'),
     ('${OTHER_CHECK}', '1', 'Van een ander', '2024-05-03T08:00:00Z')`,
  `INSERT INTO plan_actions (id, check_id, theme_id, factor_id, what, who, when_date, status, position, created_at) VALUES
     ('pa-2', '${CHECK}', '1', '1.2', 'Tweede op de lijst', 'Ik', '2024-06-30', 'bezig', 2, '2024-05-01T09:00:00Z'),
     ('pa-1', '${CHECK}', '1', NULL, 'Eerste op de lijst', '', NULL, 'open', 1, '2024-05-01T10:00:00Z'),
     ('pa-3', '${CHECK}', '3', '3.1', 'Klaar "met" \\ tekens', 'Team', '2025-01-31', 'klaar', 3, '2024-05-01T11:00:00Z'),
     ('pa-x', '${OTHER_CHECK}', '2', NULL, 'Van een ander', '', NULL, 'open', 1, '2024-05-01T11:00:00Z')`,
  `INSERT INTO team_plan_themes (team_id, theme_id, text, updated_at) VALUES
     ('${TEAM}', '1', E'Teamplan:\\n- één', '2024-06-01T08:00:00Z'),
     ('${TEAM}', '2', 'Tweede thema', '2024-06-02T08:00:00Z')`,
  `INSERT INTO team_plan_actions (id, team_id, theme_id, factor_id, what, owner_user_id, owner_text, due, status, created_in_round_id, created_at) VALUES
     ('ta-2', '${TEAM}', '2', '2.1', 'Werkgeversontbijt', 'eigenaar', 'Ellen en Piet', '2024-12-01', 'bezig', '${ROUND_1}', '2024-06-03T09:00:00Z'),
     ('ta-1', '${TEAM}', '1', NULL, 'Eerder gemaakt', NULL, '', NULL, 'open', NULL, '2024-06-01T09:00:00Z'),
     ('ta-3', '${TEAM}', '1', '1.1', 'Afgerond', NULL, 'Iedereen', '2024-07-01', 'klaar', '${ROUND_2}', '2024-10-02T09:00:00Z')`,
];

const personalPlan = {
  themes: { "1": "Plan met ünïcödé ✓,\ttab en\nregel", "3": "" },
  actions: [
    { id: "pa-1", themeId: "1", factorId: null, what: "Eerste op de lijst", who: "", when: null, status: "open" },
    { id: "pa-2", themeId: "1", factorId: "1.2", what: "Tweede op de lijst", who: "Ik", when: "2024-06-30", status: "bezig" },
    { id: "pa-3", themeId: "3", factorId: "3.1", what: 'Klaar "met" \\ tekens', who: "Team", when: "2025-01-31", status: "klaar" },
  ],
};

const teamActions = [
  {
    id: "ta-1",
    themeId: "1",
    factorId: null,
    what: "Eerder gemaakt",
    who: "",
    when: null,
    status: "open",
    ownerUserId: null,
    ownerName: null,
    createdInRoundId: null,
  },
  {
    id: "ta-2",
    themeId: "2",
    factorId: "2.1",
    what: "Werkgeversontbijt",
    who: "Ellen en Piet",
    when: "2024-12-01",
    status: "bezig",
    ownerUserId: "eigenaar",
    ownerName: "Ellen Eigenaar",
    createdInRoundId: ROUND_1,
  },
  {
    id: "ta-3",
    themeId: "1",
    factorId: "1.1",
    what: "Afgerond",
    who: "Iedereen",
    when: "2024-07-01",
    status: "klaar",
    ownerUserId: null,
    ownerName: null,
    createdInRoundId: ROUND_2,
  },
];

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

/**
 * A database migrated up to the migration before the plan merge and filled with personal and team plans, then opened
 * as the app opens it (which applies the rest of the migrations).
 */
async function databaseFromBeforeMerge(target: "pglite" | "postgres"): Promise<{ database: Database; cleanUp: () => Promise<void> }> {
  const before = migrationsUpTo(MIGRATION);
  try {
    if (target === "pglite") {
      const client = new PGlite({ extensions: pgliteExtensions });
      const orm = drizzlePglite(client);
      await migratePglite(orm, { migrationsFolder: before });
      for (const statement of BEFORE) await orm.execute(sql.raw(statement));
      const dump = await client.dumpDataDir("none");
      await client.close();
      const database = await openDatabase({ loadDataDir: dump });
      return { database, cleanUp: () => database.close() };
    }
    const empty = await emptyPostgresDatabase(String(inject("postgresUrl")), "verbetertool_plan_merge");
    const pool = new pg.Pool({ connectionString: empty.url, max: 1 });
    try {
      const orm = drizzlePg(pool);
      await migratePg(orm, { migrationsFolder: before });
      for (const statement of BEFORE) await orm.execute(sql.raw(statement));
    } finally {
      await pool.end();
    }
    const database = await openDatabase({ url: empty.url });
    return {
      database,
      cleanUp: async () => {
        await database.close();
        await empty.drop();
      },
    };
  } finally {
    rmSync(before, { recursive: true, force: true });
  }
}

describe.each(databaseTargets())(`personal and team plans through migration ${MIGRATION} on $name`, (target) => {
  let database: Database;
  let cleanUp: () => Promise<void>;
  let api: Api;
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let member: string;

  beforeAll(async () => {
    ({ database, cleanUp } = await databaseFromBeforeMerge(target.name));
    app = await buildTestApp(database);
    api = injectApi(app);
    // Someone who joins the team after the migration reads its plan.
    member = await signUp(api, "lid-na-migratie@example.nl");
    const [joined] = await database.db.select({ id: user.id }).from(user).where(eq(user.email, "lid-na-migratie@example.nl"));
    await database.db.insert(teamMembers).values({ teamId: TEAM, userId: joined?.id ?? "", role: "member" });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await cleanUp?.();
  });

  const call = (method: Parameters<Api>[0], url: string, payload?: object, cookie?: string) =>
    api(method, url, { payload, cookie, headers: { origin: APP_ORIGIN } });

  it("keeps every row, each with exactly one owner, and drops the team tables", async () => {
    const themes = await database.db.select().from(planThemes).orderBy(asc(planThemes.updatedAt));
    expect(themes.map((t) => [t.checkId, t.teamId, t.themeId, t.text, t.updatedAt.toISOString()])).toEqual([
      [CHECK, null, "1", "Plan met ünïcödé ✓,\ttab en\nregel", "2024-05-01T08:00:00.000Z"],
      [CHECK, null, "3", "", "2024-05-02T08:00:00.000Z"],
      [OTHER_CHECK, null, "1", "Van een ander", "2024-05-03T08:00:00.000Z"],
      [null, TEAM, "1", "Teamplan:\n- één", "2024-06-01T08:00:00.000Z"],
      [null, TEAM, "2", "Tweede thema", "2024-06-02T08:00:00.000Z"],
    ]);
    const actions = await database.db.select().from(planActions).orderBy(asc(planActions.id));
    expect(actions).toHaveLength(7);
    const team = actions.filter((a) => a.teamId === TEAM);
    expect(team.map((a) => [a.id, a.checkId, a.position, a.createdAt.toISOString()])).toEqual([
      ["ta-1", null, 1, "2024-06-01T09:00:00.000Z"],
      ["ta-2", null, 2, "2024-06-03T09:00:00.000Z"],
      ["ta-3", null, 3, "2024-10-02T09:00:00.000Z"],
    ]);
    const tables = await database.db.execute(
      sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name LIKE 'team_plan_%'`,
    );
    expect(JSON.stringify(tables)).toContain('"n":0');
    // A row with both owners, or none, is refused by the database.
    await expect(
      database.db.insert(planActions).values({ id: "both", checkId: CHECK, teamId: TEAM, themeId: "1", what: "x" }),
    ).rejects.toThrow();
    await expect(database.db.insert(planThemes).values({ themeId: "1", text: "x" })).rejects.toThrow();
  });

  it("serves the personal plan as before, in its order", async () => {
    const check = await call("GET", `/api/checks/${CHECK}`);
    expect(check.statusCode).toBe(200);
    expect(check.json().plan).toEqual(personalPlan);
    expect((await call("GET", `/api/checks/${OTHER_CHECK}`)).json().plan).toEqual({
      themes: { "1": "Van een ander" },
      actions: [{ id: "pa-x", themeId: "2", factorId: null, what: "Van een ander", who: "", when: null, status: "open" }],
    });
  });

  it("serves the team plan with owners, rounds and score comparison", async () => {
    const plan = await call("GET", `/api/teams/${TEAM}/plan`, undefined, member);
    expect(plan.statusCode).toBe(200);
    const body = plan.json();
    expect(body.themes).toEqual({ "1": "Teamplan:\n- één", "2": "Tweede thema" });
    expect(body.latestRound).toEqual({ id: ROUND_2, name: "Najaar" });
    expect(
      body.actions.map(({ change: _c, comparedWith: _w, dueBeforeLatestRound: _d, ...action }: Record<string, unknown>) => action),
    ).toEqual(teamActions);
    // Due before the latest round (1 October): ta-2 is due in December, ta-3 in July but done, ta-1 has no date.
    expect(body.actions.map((a: { dueBeforeLatestRound: boolean }) => a.dueBeforeLatestRound)).toEqual([false, false, false]);
    // Made in the spring round: compared from there; made in the latest round: compared with the one before.
    expect(body.actions.map((a: { comparedWith: unknown }) => a.comparedWith)).toEqual([
      { id: ROUND_1, name: "Voorjaar" },
      { id: ROUND_1, name: "Voorjaar" },
      { id: ROUND_1, name: "Voorjaar" },
    ]);
  });

  it("keeps writing both plans after the merge: same theme ids apart, new actions last", async () => {
    expect((await call("PUT", `/api/teams/${TEAM}/plan/themes/1`, { text: "Team bijgewerkt" }, member)).statusCode).toBe(200);
    expect((await call("PUT", `/api/checks/${CHECK}/plan/themes/1`, { text: "Persoonlijk bijgewerkt" })).statusCode).toBe(200);
    const added = await call("POST", `/api/teams/${TEAM}/plan/actions`, { themeId: "1", what: "Nieuw na de migratie" }, member);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ what: "Nieuw na de migratie", createdInRoundId: ROUND_2, ownerUserId: null });
    const personal = await call("POST", `/api/checks/${CHECK}/plan/actions`, { themeId: "2", what: "Ook nieuw" });
    expect(personal.statusCode).toBe(201);
    expect(Object.keys(personal.json()).sort()).toEqual(["factorId", "id", "status", "themeId", "what", "when", "who"]);

    const team = (await call("GET", `/api/teams/${TEAM}/plan`, undefined, member)).json();
    expect(team.themes["1"]).toBe("Team bijgewerkt");
    expect(team.actions.map((a: { id: string }) => a.id).slice(0, 3)).toEqual(["ta-1", "ta-2", "ta-3"]);
    expect(team.actions.at(-1).what).toBe("Nieuw na de migratie");
    const check = (await call("GET", `/api/checks/${CHECK}`)).json();
    expect(check.plan.themes["1"]).toBe("Persoonlijk bijgewerkt");
    expect(check.plan.actions.map((a: { id: string }) => a.id).slice(0, 3)).toEqual(["pa-1", "pa-2", "pa-3"]);
    expect(check.plan.actions.at(-1).what).toBe("Ook nieuw");
    // Neither owner reaches the other's actions through its own routes.
    expect((await call("PATCH", `/api/checks/${CHECK}/plan/actions/ta-1`, { what: "x" })).statusCode).toBe(404);
    expect((await call("DELETE", `/api/teams/${TEAM}/plan/actions/pa-1`, undefined, member)).statusCode).toBe(404);
  });
});
