import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { migrationsFolder, openDatabase, pgliteExtensions } from "../../db/client.ts";

/**
 * Migrated template databases, made once per test run (in a Vitest global setup) and copied per test file, so no
 * file pays for migrating from scratch:
 * - PGlite: a dumped data directory (tar), loaded into a fresh in-memory PGlite per file;
 * - PostgreSQL: a template database; each file gets `CREATE DATABASE … TEMPLATE` of its own and drops it after.
 */

const root = resolve(import.meta.dirname, "../../..");
const cacheDir = join(root, ".tmp");
export const POSTGRES_TEMPLATE = "verbetertool_test_template";

/** Changes whenever a migration or the PGlite version changes, so a cached dump is never stale. */
function templateKey(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (file.endsWith(".sql") || file.endsWith(".json")) hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  }
  hash.update(readFileSync(join(root, "node_modules/@electric-sql/pglite/package.json")));
  return hash.digest("hex").slice(0, 16);
}

/** Path of a migrated PGlite data directory dump; made when missing (atomically, so parallel callers are safe). */
export async function ensurePgliteTemplate(): Promise<string> {
  const path = join(cacheDir, `pglite-template-${templateKey()}.tar`);
  if (existsSync(path)) return path;
  const client = new PGlite({ extensions: pgliteExtensions });
  await migrate(drizzle(client), { migrationsFolder });
  const dump = await client.dumpDataDir("none");
  await client.close();
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
  return path;
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** (Re)creates the migrated PostgreSQL template database on the server of `url`. */
export async function createPostgresTemplate(url: string): Promise<void> {
  await admin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${POSTGRES_TEMPLATE}`);
  });
  const database = await openDatabase({ url: withDatabase(url, POSTGRES_TEMPLATE) });
  await database.close();
}

/** A fresh database copied from the template, and a function that drops it again. */
export async function copyPostgresTemplate(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `verbetertool_test_${randomBytes(6).toString("hex")}`;
  await admin(url, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATE}`));
  return {
    url: withDatabase(url, name),
    drop: () => admin(url, (c) => dropWhenUnused(c, name)),
  };
}

/** A new, empty database `<prefix>_<random>` on the server of `url`, and a function that drops it once unused. */
export async function emptyPostgresDatabase(url: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await admin(url, (c) => c.query(`CREATE DATABASE ${name}`));
  return { url: withDatabase(url, name), drop: () => admin(url, (c) => dropWhenUnused(c, name)) };
}

/**
 * Drops a test database once its connections are gone. Not `WITH (FORCE)` straight away: a pool that was just ended
 * may still hold a socket the server has not closed, and a forced drop would answer it with an error the test file
 * then reports as unhandled.
 */
async function dropWhenUnused(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      // 55006: "database is being accessed by other users".
      if ((error as { code?: string }).code !== "55006") throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
