import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildTestApp } from "../server/test/app.ts";
import { databaseTargets, openPgliteCopy } from "../server/test/databases.ts";
import {
  APP_ORIGIN,
  type Api,
  createCheck,
  createRound,
  createTeam,
  DEFAULT_PASSWORD,
  injectApi,
  publishEntry,
  respond,
  saveAnswers,
  signUp,
  uniqueEmail,
} from "../server/test/factories.ts";
import { type MailCatcher, startMailCatcher } from "../server/test/mail.ts";
import { emptyPostgresDatabase } from "../server/test/templates.ts";
import { type Database, type Db, openDatabase, pgliteExtensions } from "./client.ts";
import { compareDatabases, insertOrder, MIGRATIONS_TABLE, TargetNotEmptyError, transferDatabase } from "./transfer.ts";

/**
 * The move from the embedded database to PostgreSQL (scripts/move-to-postgres.ts, docs/operations.md): an embedded
 * database with rows in every table, made through the app, is moved into a fresh PostgreSQL database, verified by
 * counts and checksums, and the app on the target serves what was moved. PostgreSQL only: skipped without
 * DATABASE_URL, a failure under CI=true (databaseTargets()).
 */

const root = resolve(import.meta.dirname, "../..");
const onPostgres = databaseTargets().some((t) => t.name === "postgres");
const adminUrl = inject("postgresUrl") ?? "";

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Every table of the app (public schema, without drizzle's bookkeeping) with its number of rows. */
async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await rows<{ name: string }>(
    db,
    sql`SELECT table_name::text AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> ${MIGRATIONS_TABLE} ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await rows<{ n: string }>(db, sql.raw(`SELECT count(*)::text AS n FROM "${name}"`));
    counts[name] = Number(row?.n);
  }
  return counts;
}

/** A new, empty database `move_<random>` on the test server, and a function that drops it. */
const freshDatabase = () => emptyPostgresDatabase(adminUrl, "move");

type Run = { code: number; stdout: string; stderr: string };

/** The real command, as an operator runs it (through tsx, like `npm run db:move-to-postgres`). */
function moveCommand(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join(root, "scripts/move-to-postgres.ts"), ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: "", ...env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(!onPostgres)("moving the embedded database to PostgreSQL", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "verbetertool-move-"));
  const ownerEmail = uniqueEmail("verhuizer");
  const origin = { origin: APP_ORIGIN };
  let mail: MailCatcher;
  let source: Database | undefined;
  let owner: string;
  let teamId: string;
  let roundId: string;
  let checkId: string;
  let statusToken: string;
  let entrySlug: string;
  /** What the app on the embedded database answered, to compare with the app on the target. */
  const before: Record<string, unknown> = {};
  const reads = (id: { checkId: string; teamId: string; roundId: string; statusToken: string }) =>
    ({
      check: `/api/checks/${id.checkId}`,
      checkResults: `/api/checks/${id.checkId}/results`,
      team: `/api/teams/${id.teamId}`,
      teamPlan: `/api/teams/${id.teamId}/plan`,
      round: `/api/rounds/${id.roundId}`,
      roundResults: `/api/rounds/${id.roundId}/results`,
      trend: `/api/teams/${id.teamId}/trend`,
      submission: `/api/kennisbank/submissions/status/${id.statusToken}`,
      search: "/api/kennisbank?q=verhuisproject",
    }) as const;

  async function readAll(api: Api): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    for (const [key, url] of Object.entries(reads({ checkId, teamId, roundId, statusToken }))) {
      const res = await api("GET", url, { cookie: owner });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      result[key] = res.json();
    }
    return result;
  }

  /** Rows in every table, made through the app as its users do; a direct insert only where no endpoint writes. */
  async function fill(api: Api, database: Database): Promise<void> {
    owner = await signUp(api, ownerEmail, DEFAULT_PASSWORD, "Eigenaar Één"); // user, account, session
    const reset = await api("POST", "/api/auth/request-password-reset", { payload: { email: ownerEmail }, headers: origin });
    expect(reset.statusCode, reset.body).toBe(200); // verification
    teamId = await createTeam(api, owner, { name: `Team 'verhuizing' "${randomBytes(3).toString("hex")}"` });
    const invite = (await api("POST", `/api/teams/${teamId}/invites`, { cookie: owner, payload: { role: "member" } })).json();
    const member = await signUp(api, uniqueEmail("lid"));
    expect((await api("POST", `/api/team-invites/${invite.token}/accept`, { cookie: member, payload: {} })).statusCode).toBe(200);
    // teams.next_round_on (the reminder column stays empty: no job runs before the move)
    const planned = await api("PUT", `/api/teams/${teamId}/next-round`, {
      cookie: owner,
      payload: { plannedOn: new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10) },
    });
    expect(planned.statusCode, planned.body).toBe(200);
    const round = await createRound(api, owner, teamId, { name: "Najaar", closesOn: "2030-06-30" }); // rounds, round_invites
    roundId = round.id;
    const personal = await api("POST", `/api/rounds/${roundId}/personal-invites`, {
      cookie: owner,
      payload: { perspective: "employer", addresses: ["werkgever@example.nl"] },
    });
    expect(personal.json()).toEqual({ sent: 1, failed: 0 }); // round_personal_invites
    for (const v of [4, 6, 8]) await respond(api, round.invites.professional, { "1.1": v, "2.8": 7 });
    for (const v of [3, 5, 9]) await respond(api, round.invites.youth, { "1.1": v, "2.8": "weetniet" });
    await api("PUT", `/api/teams/${teamId}/plan/themes/1`, { cookie: owner, payload: { text: 'Teamplan:\n- één\n- "twee" \\ drie' } });
    const action = await api("POST", `/api/teams/${teamId}/plan/actions`, {
      cookie: owner,
      payload: { themeId: "1", factorId: "1.1", what: "Werkgeversontbijt", when: "2030-01-15" },
    });
    expect(action.statusCode, action.body).toBe(201);
    const expiresOn = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const management = await api("POST", `/api/rounds/${roundId}/management-links`, { cookie: owner, payload: { expiresOn } });
    expect(management.statusCode, management.body).toBe(201); // management_links
    const fields = { organisationKind: "gemeente", municipality: "Leeuwarden" };
    expect((await api("PATCH", `/api/teams/${teamId}`, { cookie: owner, payload: fields })).statusCode).toBe(200);
    expect((await api("PUT", `/api/teams/${teamId}/sharing`, { cookie: owner, payload: { share: true } })).statusCode).toBe(200);
    const otherTeam = await createTeam(api, owner, { name: "Team aan de overkant" });
    const spiegel = (await api("POST", `/api/teams/${otherTeam}/spiegels`, { cookie: owner })).json();
    const accepted = await api("POST", `/api/teams/${teamId}/spiegels/accept`, { cookie: owner, payload: { code: spiegel.code } });
    expect(accepted.statusCode, accepted.body).toBe(200); // team_spiegels
    expect((await api("POST", `/api/rounds/${roundId}/close`, { cookie: owner, payload: {} })).statusCode).toBe(200); // aggregates (jsonb)
    const compared = await api("GET", `/api/rounds/${roundId}/comparison`, { cookie: owner });
    expect(compared.json().pool, compared.body).toMatchObject({ included: true }); // comparison_snapshots (jsonb)

    checkId = await createCheck(api);
    await saveAnswers(api, checkId, { "1.1": 7, "1.2": "nvt", "3.14": 10 });
    await api("PUT", `/api/checks/${checkId}/plan/themes/1`, { payload: { text: "Plan met ünïcödé ✓, tab\ten regel\nklaar" } });
    const checkAction = await api("POST", `/api/checks/${checkId}/plan/actions`, {
      payload: { themeId: "1", factorId: "1.1", what: "Intake verbeteren", who: "Sanne", when: "2030-03-01", status: "bezig" },
    });
    expect(checkAction.statusCode, checkAction.body).toBe(201);

    entrySlug = await publishEntry(database.db, { title: "Verhuisproject Zwolle", factors: ["1.1"], themes: ["1"] });
    const submitted = await api("POST", "/api/kennisbank/submissions", {
      payload: {
        type: "praktijkvoorbeeld",
        title: "Verhuisproject in behandeling",
        summary: "Nog niet gepubliceerd.",
        body: "Een beschrijving.",
        organisation: "Testorganisatie",
        region: "Testregio",
        targetGroups: [],
        themes: [],
        factors: [],
        keyElements: ["stap 1", "stap 2"],
        results: [],
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    statusToken = submitted.json().statusToken;

    // No endpoint writes app_secrets on the embedded database (its secret lives in DATA_DIR).
    await database.db.execute(sql`INSERT INTO app_secrets (name, value) VALUES ('test-only', 'niet-het-echte-geheim')`);
  }

  beforeAll(async () => {
    if (!onPostgres) return;
    mail = await startMailCatcher();
    // A data directory on disk, as the app keeps it, started from the migrated template so this file skips migrating.
    const seed = new PGlite(join(dataDir, "pglite"), {
      loadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]),
      extensions: pgliteExtensions,
    });
    await seed.waitReady;
    await seed.close();
    source = await openDatabase({ dataDir });
    const app = await buildTestApp(source, { smtpUrl: mail.smtpUrl, dataDir });
    try {
      await fill(injectApi(app), source);
      Object.assign(before, await readAll(injectApi(app)));
    } finally {
      await app.close();
    }
  });

  afterAll(async () => {
    await source?.close();
    await mail?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("has rows in every table of the schema before the move, so no table can be forgotten", async () => {
    const counts = await tableCounts((source as Database).db);
    expect(Object.keys(counts).length).toBeGreaterThan(10);
    expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
  });

  it("moves every table into an empty PostgreSQL database, verified, and the app there serves the moved data", async () => {
    const src = source as Database;
    const fresh = await freshDatabase();
    const target = await openDatabase({ url: fresh.url });
    let app: FastifyInstance | undefined;
    try {
      const copied = new Map<string, number>();
      // Two rows a batch, so every table with more rows is copied in several.
      const report = await transferDatabase(src.db, target.db, { batchSize: 2, onTable: (t, n) => copied.set(t, n) });
      const sourceCounts = await tableCounts(src.db);
      expect(report.ok).toBe(true);
      expect(report.tables.map((t) => t.table).sort()).toEqual(Object.keys(sourceCounts).sort());
      for (const t of report.tables) {
        expect(t.source.rows, t.table).toBe(sourceCounts[t.table]);
        expect(t.target).toEqual(t.source);
        expect(copied.get(t.table)).toBe(sourceCounts[t.table]);
      }
      expect(await tableCounts(target.db)).toEqual(sourceCounts);
      // Independently of the checksums: the tables' text form is equal, row by row.
      for (const table of Object.keys(sourceCounts)) {
        const dump = (db: Db) =>
          db.transaction(async (tx) => {
            await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
            return (await rows<{ t: string }>(tx, sql.raw(`SELECT x::text AS t FROM "${table}" x ORDER BY x::text COLLATE "C"`))).map(
              (r) => r.t,
            );
          });
        expect(await dump(target.db), table).toEqual(await dump(src.db));
      }

      app = await buildTestApp(target, { smtpUrl: mail.smtpUrl, dataDir });
      const api = injectApi(app);
      // The session made on the embedded database is valid here: the same rows, the same secret.
      expect(await readAll(api)).toEqual(before);
      const search = (await api("GET", "/api/kennisbank?q=verhuisproject")).json();
      expect(search.results.map((r: { slug: string }) => r.slug)).toContain(entrySlug);
      const signIn = await api("POST", "/api/auth/sign-in/email", {
        payload: { email: ownerEmail, password: DEFAULT_PASSWORD },
        headers: origin,
      });
      expect(signIn.statusCode, signIn.body).toBe(200);

      // The verification sees a difference: the sign-in added a session (and its rate-limit counters) on the target only.
      const after = await compareDatabases(src.db, target.db);
      expect(after.ok).toBe(false);
      expect(after.tables.filter((t) => !t.ok).map((t) => t.table)).toEqual(["rate_limit_hits", "session"]);
      // … and a changed value with the same number of rows.
      await target.db.execute(sql`UPDATE checks SET answers = answers || '{"1.1": 2}'::jsonb WHERE id = ${checkId}`);
      const changed = (await compareDatabases(src.db, target.db)).tables.find((t) => t.table === "checks");
      expect(changed?.source.rows).toBe(changed?.target.rows);
      expect(changed?.ok).toBe(false);

      // A target that holds rows is refused, and nothing is written to it.
      const counts = await tableCounts(target.db);
      await expect(transferDatabase(src.db, target.db)).rejects.toBeInstanceOf(TargetNotEmptyError);
      expect(await tableCounts(target.db)).toEqual(counts);
    } finally {
      await app?.close();
      await target.close();
      await fresh.drop();
    }
  });

  it("keeps values of every kind exactly, continues sequences and copies tables that refer to themselves", async () => {
    const src = await openPgliteCopy();
    const fresh = await freshDatabase();
    const target = await openDatabase({ url: fresh.url });
    try {
      const ddl = sql`CREATE TABLE kinds (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        parent integer REFERENCES kinds (id),
        raw bytea, amount numeric(12, 4), ratio double precision, at timestamptz, day date, span interval,
        numbers integer[], words text[], doc jsonb, literal json, words_tsv tsvector, note text, flag boolean,
        doubled integer GENERATED ALWAYS AS (id * 2) STORED)`;
      await src.db.execute(ddl);
      await target.db.execute(ddl);
      await src.db.execute(sql`INSERT INTO kinds (parent, raw, amount, ratio, at, day, span, numbers, words, doc, literal, words_tsv, note, flag) VALUES
        (NULL, '\\x00ff10'::bytea, 12345678.1234, 0.1, '2024-02-29 23:59:59.123456+01', '2024-02-29', '1 year 2 mons 3 days 04:05:06.789',
         '{1,NULL,3}', '{"a b","c,d","\\"q\\"",NULL}', '{"b": [1, 2.50, null], "a": "\\u00e9"}', '{ "spaces" :  1.50 }',
         to_tsvector('dutch', 'jongeren werken samen'), E'regel\\nnieuw\\t"quote" \\\\ ✓', true),
        (1, '\\x'::bytea, -0.0001, 'Infinity', '0001-01-01 00:00:00+00', '9999-12-31', '-1 day', '{}', '{}', 'null'::jsonb, 'null', '', '', false),
        (2, NULL, NULL, 'NaN', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
      // A sequence that has moved past its rows (a deleted row), which a copy must not reset.
      await src.db.execute(sql`INSERT INTO kinds (note) VALUES ('weg')`);
      await src.db.execute(sql`DELETE FROM kinds WHERE note = 'weg'`);

      const report = await transferDatabase(src.db, target.db);
      expect(report.ok).toBe(true);
      expect(report.tables.find((t) => t.table === "kinds")?.target.rows).toBe(3);
      expect(report.sequences.map((s) => s.sequence)).toEqual(["kinds_id_seq"]);

      const text = (db: Db) =>
        db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
          return rows<Record<string, string | null>>(
            tx,
            sql`SELECT id::text, parent::text, raw::text, amount::text, ratio::text, at::text, day::text, span::text, numbers::text,
                       words::text, doc::text, literal::text, words_tsv::text, note, flag::text, doubled::text,
                       doc IS NULL AS doc_is_sql_null
                FROM kinds ORDER BY id`,
          );
        });
      const moved = await text(target.db);
      expect(moved).toEqual(await text(src.db));
      expect(moved[0]?.at).toBe("2024-02-29 22:59:59.123456+00");
      expect(moved[0]?.literal).toBe('{ "spaces" :  1.50 }');
      expect(moved[1]?.doc).toBe("null");
      expect(moved.map((r) => r.doc_is_sql_null)).toEqual([false, false, true]);

      // The next row on the target gets the id the source would have given.
      const [next] = await rows<{ id: number }>(target.db, sql`INSERT INTO kinds (note) VALUES ('nieuw') RETURNING id`);
      expect(next?.id).toBe(5);
    } finally {
      await src.close();
      await target.close();
      await fresh.drop();
    }
  });

  it("orders tables so referenced ones come first, and recognises cycles", () => {
    expect(
      insertOrder(
        ["b", "a", "c"],
        [
          ["a", "c"],
          ["b", "a"],
        ],
      ),
    ).toEqual({ order: ["c", "a", "b"], cyclic: false });
    expect(insertOrder(["a", "b"], [["a", "a"]])).toEqual({ order: ["a", "b"], cyclic: true });
    expect(
      insertOrder(
        ["a", "b", "c"],
        [
          ["a", "b"],
          ["b", "a"],
        ],
      ),
    ).toEqual({ order: ["c", "a", "b"], cyclic: true });
  });

  it("is one command: moves the data directory, carries the app secret, verifies, and refuses a non-empty target", async () => {
    // The command opens the data directory itself; the app and the tests above must have let go of it.
    await source?.close();
    source = undefined;
    const secret = `geheim-${randomBytes(16).toString("hex")}`;
    writeFileSync(join(dataDir, "app.secret"), secret);
    const fresh = await freshDatabase();
    try {
      const moved = await moveCommand(["--to", fresh.url], { DATA_DIR: dataDir });
      expect(moved.code, moved.stderr).toBe(0);
      expect(moved.stdout).toMatch(/^tabel\s+rijen bron\s+rijen doel\s+checksum bron\s+checksum doel/m);
      expect(moved.stdout).toMatch(/^checks\s+\d+\s+\d+\s+[0-9a-f]{32}\s+[0-9a-f]{32}\s+ok$/m);
      expect(moved.stdout).not.toContain("VERSCHIL");
      expect(moved.stdout).toContain("Klaar:");
      expect(moved.stdout).not.toContain(secret);

      const target = await openDatabase({ url: fresh.url });
      try {
        const [carried] = await rows<{ value: string }>(target.db, sql`SELECT value FROM app_secrets WHERE name = 'app'`);
        expect(carried?.value).toBe(secret);
        const reopened = await openDatabase({ dataDir });
        try {
          const sourceCounts = await tableCounts(reopened.db);
          expect(await tableCounts(target.db)).toEqual({ ...sourceCounts, app_secrets: (sourceCounts.app_secrets ?? 0) + 1 });
        } finally {
          await reopened.close();
        }
      } finally {
        await target.close();
      }

      const again = await moveCommand(["--to", fresh.url], { DATA_DIR: dataDir });
      expect(again.code).toBe(1);
      expect(again.stderr.trim().split("\n")).toHaveLength(1);
      expect(again.stderr).toContain("niet leeg");

      const missing = await moveCommand(["--from", join(dataDir, "bestaat-niet"), "--to", fresh.url], {});
      expect(missing.code).toBe(1);
      expect(missing.stderr.trim().split("\n")).toEqual([expect.stringContaining("Geen ingebedde database gevonden")]);
    } finally {
      await fresh.drop();
    }
  });
});
