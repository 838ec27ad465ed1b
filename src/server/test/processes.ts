import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { SERVER_ENV } from "../server-env.ts";

/**
 * Real processes for the tests that production depends on: a throwaway PostgreSQL server the test starts, stops and
 * restarts, and app instances started as an operator starts them (`node` on the built server when it is up to date,
 * else through tsx).
 */

const root = resolve(import.meta.dirname, "../../..");

/** The PostgreSQL server binaries (Debian's `postgresql` package), or null when not installed. */
export function postgresBin(): string | null {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, "bin/pg_ctl")))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? join(base, newest, "bin") : null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export type PostgresServer = {
  /** Connection URL of database `name` (default `postgres`). */
  url: (name?: string) => string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Creates an empty database and returns its URL. */
  createDatabase: (name: string) => Promise<string>;
  query: <T extends pg.QueryResultRow>(database: string, sql: string) => Promise<T[]>;
  destroy: () => Promise<void>;
};

/** initdb + pg_ctl in a temporary directory, on a free loopback port; as the `postgres` user when we are root. */
export async function startPostgres(bin: string): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), "verbetertool-pg-"));
  const data = join(dir, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const run = (command: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, command), ...args], { stdio: "pipe" })
      : execFileSync(join(bin, command), args, { stdio: "pipe" });
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const start = async () => {
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      join(dir, "log"),
      "-w",
      "-o",
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`,
      "start",
    ]);
  };
  const stop = async () => {
    run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  };
  await start();
  const url = (name = "postgres") => `postgres://postgres@127.0.0.1:${port}/${name}`;
  const query = async <T extends pg.QueryResultRow>(database: string, sql: string) => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    url,
    start,
    stop,
    query,
    createDatabase: async (name) => {
      await query("postgres", `CREATE DATABASE ${name}`);
      return url(name);
    },
    destroy: async () => {
      await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Newest modification time of the server's sources, to tell whether the build in dist/ is up to date. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") || entry.name.endsWith(".sql")) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, "src/server"));
  walk(join(root, "src/db"));
  walk(join(root, "src/domain"));
  return newest;
}

/** How to start the server: the built JavaScript when it is newer than every source, else the sources through tsx. */
export function serverCommand(): string[] {
  const built = join(root, "dist/server/main.js");
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource()) return [built];
  return ["--import", "tsx", join(root, "src/server/main.ts")];
}

export type Instance = {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, stdout and stderr together. */
  output: () => string;
  /** Exit code or signal once it ended, else null. */
  exited: () => { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Resolves true once /api/health/ready answers 200, false when the process ended first or the time ran out. */
  ready: (timeoutMs?: number) => Promise<boolean>;
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts one app instance with the given environment (on a free port unless PORT is given). */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = env.PORT ?? String(await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, serverCommand(), {
    cwd: root,
    env: {
      ...SERVER_ENV,
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? tmpdir(),
      HOST: "127.0.0.1",
      PORT: port,
      PUBLIC_URL: url,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      resolveExit(exit);
    });
  });
  return {
    url,
    child,
    output: () => output,
    exited: () => exit,
    ready: async (timeoutMs = 90_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline && !exit) {
        try {
          const res = await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(2_000) });
          if (res.status === 200) return true;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return false;
    },
    stop: async (signal = "SIGTERM") => {
      if (!exit) child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      try {
        return await ended;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
