import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type pg from "pg";
import lockfile from "proper-lockfile";
import { StartupError } from "../server/startup-error.ts";
import * as schema from "./schema.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Work that must run on one instance of the cluster at a time (a PostgreSQL advisory lock; PGlite has one process). */
export type ClusterTask = "startup" | "retention";

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** The connection pool on PostgreSQL (metrics read its counts). */
  pool?: pg.Pool;
  /** Runs `task` while no other instance runs the same one; waits for its turn. */
  exclusive<T>(task: ClusterTask, work: () => Promise<T>): Promise<T>;
  /** Runs `task` only when no other instance is running it now; `undefined` when it was skipped. */
  ifFree<T>(task: ClusterTask, work: () => Promise<T>): Promise<T | undefined>;
  /** Where connection problems are reported (the app's logger once it exists). */
  setLog(log: (message: string) => void): void;
  /** True when a trivial query answers within `timeoutMs`. */
  reachable(timeoutMs?: number): Promise<boolean>;
  close: () => Promise<void>;
};

/** Extensions the migrations create (pg_trgm: kennisbank search); every PGlite of this schema must load them. */
export const pgliteExtensions = { pg_trgm };

/**
 * PGlite's start parameters: its defaults plus a smaller buffer cache. The data directory's postgresql.conf (from
 * initdb) asks 128 MB of shared_buffers, which PGlite allocates and touches inside the process at start-up: most of
 * an idle embedded server's memory. 16 MB holds this app's working set (checks are looked up by key, rounds read
 * per-round tallies); what does not fit is read through the operating system's file cache.
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** Advisory lock keys: one per cluster task, in a range of our own ("VTJA" as a 32-bit prefix). */
const LOCK_KEYS: Record<ClusterTask, [number, number]> = { startup: [0x56544a41, 1], retention: [0x56544a41, 2] };

/** How long to keep trying to reach PostgreSQL at start-up before giving up with one line. */
const STARTUP_CONNECT_DEADLINE_MS = Number(process.env.DATABASE_STARTUP_TIMEOUT_MS ?? 60_000);

export type DatabaseOptions =
  /** A PostgreSQL server. */
  | { url: string; log?: (message: string) => void }
  /**
   * Embedded PGlite, persisted in dataDir; in memory when dataDir is undefined (tests), then optionally started from
   * a dumped data directory (`PGlite.dumpDataDir`) so tests skip migrating from scratch.
   */
  | { dataDir?: string; loadDataDir?: Blob };

/** Opens the database and applies pending migrations (on PostgreSQL under a cluster-wide lock). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ("url" in options) return openPostgres(options.url, options.log ?? logLine);
  return openPglite(options);
}

/**
 * PostgreSQL settings for a cluster that must outlive database restarts: a connection attempt gives up after 5 s, a
 * statement after 15 s (server side) and a query whose answer never comes after 20 s (client side), so nothing
 * hangs for minutes; idle connections that the server drops are reported to the pool's error handler instead of
 * crashing the process, and the next query opens a fresh connection.
 */
function postgresPool(Pool: typeof pg.Pool, url: string, log: (message: string) => void): pg.Pool {
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
    query_timeout: 20_000,
    keepAlive: true,
  });
  pool.on("error", (error) => log(`database connection lost (${describe(error)}); the next request reconnects`));
  return pool;
}

async function openPostgres(url: string, initialLog: (message: string) => void): Promise<Database> {
  // The PostgreSQL driver is loaded only here: the embedded database does not need it at start-up.
  const [{ default: pgModule }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  let log = initialLog;
  const pool = postgresPool(pgModule.Pool, url, (message) => log(message));
  const db = drizzlePg(pool, { schema }) as unknown as Db;

  const withLock = async <T>(task: ClusterTask, wait: boolean, work: () => Promise<T>): Promise<T | undefined> => {
    const client = await pool.connect();
    const [high, low] = LOCK_KEYS[task];
    let broken = false;
    try {
      if (wait) await client.query("SELECT pg_advisory_lock($1, $2)", [high, low]);
      else {
        const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [high, low]);
        if (!rows[0]?.locked) return undefined;
      }
      try {
        return await work();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1, $2)", [high, low]).catch(() => {
          broken = true;
        });
      }
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      // A connection whose unlock failed may still hold the lock: drop it, which releases every lock it held.
      client.release(broken);
    }
  };

  await waitForPostgres(pool, url, log);
  try {
    await withLock("startup", true, async () => {
      await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
    });
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StartupError(`Database: migrations failed on ${safeUrl(url)}: ${describe(error)}`);
  }

  return {
    db,
    kind: "postgres",
    pool,
    setLog: (next) => {
      log = next;
    },
    exclusive: async (task, work) => (await withLock(task, true, work)) as Awaited<ReturnType<typeof work>>,
    ifFree: (task, work) => withLock(task, false, work),
    reachable: async (timeoutMs = 2_000) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const probe = pool.query("SELECT 1").then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([probe, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.end(),
  };
}

/** Before the app's logger exists: a JSON line like the logger's, so start-up problems are never silent. */
function logLine(message: string): void {
  process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), msg: message })}\n`);
}

/** Start-up waits for PostgreSQL a while (it may start after us), saying so, then gives up with one line. */
async function waitForPostgres(pool: pg.Pool, url: string, log: (message: string) => void): Promise<void> {
  const deadline = Date.now() + STARTUP_CONNECT_DEADLINE_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() >= deadline || isPermanent(error)) {
        await pool.end().catch(() => {});
        throw new StartupError(`Database: ${safeUrl(url)} is not reachable: ${describe(error)}`);
      }
      log(`database ${safeUrl(url)} not reachable yet (attempt ${attempt}: ${describe(error)}); retrying`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * 2 ** attempt)));
    }
  }
}

/** Wrong password, unknown database or host: waiting will not help. */
function isPermanent(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "28P01" || code === "28000" || code === "3D000" || code === "ENOTFOUND";
}

async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  let client: PGlite;
  let release: (() => Promise<void>) | undefined;
  if (options.dataDir) {
    const dir = join(options.dataDir, "pglite");
    mkdirSync(dir, { recursive: true });
    release = await lockDataDir(dir);
    try {
      client = new PGlite(dir, { extensions: pgliteExtensions, startParams: PGLITE_START_PARAMS });
      await client.waitReady;
    } catch (error) {
      await release();
      throw error;
    }
  } else {
    client = new PGlite({
      extensions: pgliteExtensions,
      startParams: PGLITE_START_PARAMS,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  }
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    setLog: () => {},
    // One process owns the data directory, so every task is already exclusive.
    exclusive: (_task, work) => work(),
    ifFree: (_task, work) => work(),
    reachable: async () => !client.closed,
    close: async () => {
      await client.close();
      await release?.();
    },
  };
}

/**
 * PGlite's files may be opened by one process only: a second one would overwrite what the first acknowledged. The
 * lock is a directory next to the data that its owner touches every few seconds; one left by a process that died is
 * taken over once it is older than `stale`, so a crashed app restarts without manual clean-up.
 */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const stale = 10_000;
  try {
    return await lockfile.lock(dir, {
      stale,
      update: 2_000,
      realpath: false,
      // A live owner keeps the lock fresh; waiting a little longer than `stale` tells it apart from a dead one.
      retries: { retries: 7, factor: 1.5, minTimeout: 500, maxTimeout: 4_000 },
      onCompromised: (error) => {
        // The lock was taken away (clock jump, deleted lock directory): stop rather than write beside another process.
        console.error(`Embedded database: lost the lock on ${dir} (${error.message}); stopping`);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "ELOCKED") {
      throw new StartupError(
        `Embedded database: ${dir} is in use by another process (the app or a command-line script). Stop it first, or give each process its own DATA_DIR.`,
      );
    }
    throw error;
  }
}

/** The URL without its password, for messages. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "DATABASE_URL";
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  const e = error as { code?: string; message?: string; cause?: unknown };
  if (e.cause && !e.code) return describe(e.cause);
  return [e.code, e.message].filter(Boolean).join(" ") || String(error);
}
