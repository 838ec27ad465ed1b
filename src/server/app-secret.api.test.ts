import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type Database, openDatabase } from "../db/client.ts";
import { appSecrets } from "../db/schema.ts";
import { resolveSecret, secretFile } from "./config.ts";
import { buildTestApp } from "./test/app.ts";
import { databaseTargets } from "./test/databases.ts";
import { injectApi, signUp } from "./test/factories.ts";
import { copyPostgresTemplate } from "./test/templates.ts";

// APP_SECRET, when not given, is generated once and kept where every instance finds it: DATA_DIR for the embedded
// database, the table app_secrets for PostgreSQL. A session made on one instance is accepted by the next.

const temp = mkdtempSync(join(tmpdir(), "verbetertool-secret-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let dirs = 0;
const newDataDir = () => join(temp, `data-${++dirs}`);

const sessionUser = async (app: FastifyInstance, cookie: string) =>
  (await app.inject({ method: "GET", url: "/api/me", headers: { cookie } })).json().user as { email: string } | null;

describe.each(databaseTargets())("the generated secret on $name", (target) => {
  const opened: Database[] = [];
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const database of opened) await database.close();
    for (const step of cleanup) await step();
  });
  // One database for the tests below, in order: nothing stored yet, then a secret from DATA_DIR adopted.
  let shared: Promise<Database> | undefined;
  const open = () => {
    shared ??= target.open().then((database) => {
      opened.push(database);
      return database;
    });
    return shared;
  };

  it("is APP_SECRET when given, and then nothing is generated or stored", async () => {
    const database = await open();
    const dataDir = newDataDir();
    const given = "een-gegeven-geheim-van-minstens-32-tekens";
    expect(await resolveSecret({ appSecret: given, dataDir }, database)).toBe(given);
    expect(existsSync(dataDir)).toBe(false);
    expect(await database.db.select().from(appSecrets)).toEqual([]);
  });

  it("keeps a secret an existing installation has in DATA_DIR", async () => {
    const database = await open();
    const dataDir = newDataDir();
    const old = "geheim-van-een-bestaande-installatie";
    mkdirSync(dataDir);
    writeFileSync(secretFile(dataDir), `${old}\n`);
    expect(await resolveSecret({ dataDir }, database)).toBe(old);
    // On PostgreSQL it is now the cluster's secret: an instance without that file (a new pod) gets the same one.
    if (target.name === "postgres") expect(await resolveSecret({ dataDir: newDataDir() }, database)).toBe(old);
  });

  if (target.name === "pglite") {
    it("is generated once in DATA_DIR, readable by its owner only", async () => {
      const database = await open();
      const dataDir = newDataDir();
      const first = await resolveSecret({ dataDir }, database);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(secretFile(dataDir), "utf8")).toBe(first);
      expect(statSync(secretFile(dataDir)).mode & 0o777).toBe(0o600);
      expect(await resolveSecret({ dataDir }, database)).toBe(first);
    });
  }

  if (target.name === "postgres") {
    it("is generated once in the database: instances starting together agree, and a session from one works on the other", async () => {
      const copy = await copyPostgresTemplate(inject("postgresUrl") ?? "");
      cleanup.push(copy.drop);
      const [a, b] = await Promise.all([openDatabase({ url: copy.url }), openDatabase({ url: copy.url })]);
      if (!a || !b) throw new Error("two connections expected");
      opened.push(a, b);

      // Each instance has a DATA_DIR of its own (separate pods): only the database is shared.
      const [secretA, secretB] = await Promise.all([
        resolveSecret({ dataDir: newDataDir() }, a),
        resolveSecret({ dataDir: newDataDir() }, b),
      ]);
      expect(secretA).toBe(secretB);
      expect(secretA.length).toBeGreaterThanOrEqual(32);
      expect(await a.db.select({ name: appSecrets.name }).from(appSecrets)).toEqual([{ name: "app" }]);

      const appA = await buildTestApp(a, { secret: secretA });
      const appB = await buildTestApp(b, { secret: secretB });
      const appOther = await buildTestApp(b, { secret: "een-ander-geheim-van-minstens-32-tekens" });
      cleanup.unshift(async () => {
        await Promise.all([appA.close(), appB.close(), appOther.close()]);
      });
      const email = `cluster-${Math.random().toString(36).slice(2, 8)}@example.nl`;
      const cookie = await signUp(injectApi(appA), email);
      expect((await sessionUser(appA, cookie))?.email).toBe(email);
      expect((await sessionUser(appB, cookie))?.email).toBe(email);
      // The control: an instance with a secret of its own refuses the same cookie.
      expect(await sessionUser(appOther, cookie)).toBeNull();
    });
  }
});
