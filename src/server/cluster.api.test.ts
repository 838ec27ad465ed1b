import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "../db/client.ts";
import { type Instance, type PostgresServer, postgresBin, startInstance, startPostgres } from "./test/processes.ts";

/**
 * Production is several processes on PostgreSQL, behind a proxy, with restarts. These tests start real app processes
 * and a PostgreSQL server of their own, and do to them what happens in production: start together on an empty
 * database, lose the database for a while, lose an instance.
 */

const bin = postgresBin();
if (!bin && process.env.CI === "true") throw new Error("CI=true but PostgreSQL's binaries are missing: the cluster tests cannot run.");

const SECRET = "cluster-test-secret-0123456789abcdef0123456789";
const MIGRATIONS = readdirSync(migrationsFolder).filter((f) => f.endsWith(".sql")).length;
const TOOL = "jongeren-en-arbeid";

type Save = { instance: number; check: string; factor: string; value: number };

/** The factor ids of the tool, read from an instance. */
async function factorIds(url: string): Promise<string[]> {
  const tool = (await (await fetch(`${url}/api/tools/${TOOL}`)).json()) as { themes: { items: { id: string }[] }[] };
  return tool.themes.flatMap((t) => t.items.map((i) => i.id));
}

async function newCheck(url: string): Promise<string> {
  const res = await fetch(`${url}/api/checks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ toolId: TOOL }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/**
 * Saves answers through the instances round-robin, each (check, factor) once, until `stop()`: every save the API
 * acknowledged (200) is recorded; any other answer must be a 503 (or, from a killed instance, no answer at all).
 */
function loadGenerator(instances: Instance[], checks: string[], factors: string[], workers = 4) {
  const pairs = checks.flatMap((check) => factors.map((factor) => ({ check, factor })));
  let next = 0;
  let running = true;
  const acknowledged: Save[] = [];
  const refused = new Map<number, number>();
  let unanswered = 0;
  const worker = async (w: number) => {
    for (let i = w; running; i++) {
      const pair = pairs[next++];
      if (!pair) return;
      const instance = i % instances.length;
      const value = 1 + ((next * 7) % 10);
      try {
        const res = await fetch(`${instances[instance]?.url}/api/checks/${pair.check}/answers`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ answers: { [pair.factor]: value } }),
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        if (res.status === 200) acknowledged.push({ instance, ...pair, value });
        else refused.set(res.status, (refused.get(res.status) ?? 0) + 1);
      } catch {
        unanswered++;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return {
    acknowledged,
    refused,
    unanswered: () => unanswered,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** Every acknowledged save, read back through `url`. */
async function missingSaves(url: string, saves: Save[]): Promise<Save[]> {
  const byCheck = new Map<string, Record<string, unknown>>();
  for (const check of new Set(saves.map((s) => s.check))) {
    const res = await fetch(`${url}/api/checks/${check}`);
    byCheck.set(check, ((await res.json()) as { answers: Record<string, unknown> }).answers);
  }
  return saves.filter((s) => byCheck.get(s.check)?.[s.factor] !== s.value);
}

/** Polls readiness every 100 ms and records each change of status (0 = no answer). */
function watchReadiness(instance: Instance) {
  const seen: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      let status = 0;
      try {
        status = (await fetch(`${instance.url}/api/health/ready`, { signal: AbortSignal.timeout(3_000) })).status;
      } catch {
        status = 0;
      }
      if (seen.at(-1) !== status) seen.push(status);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    seen,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe.skipIf(!bin)("several instances on a PostgreSQL server that restarts", () => {
  let server: PostgresServer;
  const started: Instance[] = [];
  const dataDirs: string[] = [];
  const instance = async (databaseUrl: string) => {
    const dataDir = mkdtempSync(join(tmpdir(), "verbetertool-instance-"));
    dataDirs.push(dataDir);
    const one = await startInstance({
      DATABASE_URL: databaseUrl,
      APP_SECRET: SECRET,
      NODE_ENV: "production",
      CREATE_CHECKS_PER_MINUTE: "100000",
      DATA_DIR: dataDir,
    });
    started.push(one);
    return one;
  };

  beforeAll(async () => {
    server = await startPostgres(bin ?? "");
  }, 60_000);
  afterAll(async () => {
    await Promise.all(started.map((i) => i.stop("SIGKILL")));
    await server?.destroy();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it("starts three instances at once on an empty database, ten times, without a crash", async () => {
    for (let round = 0; round < 10; round++) {
      const url = await server.createDatabase(`together_${round}`);
      const three = await Promise.all([instance(url), instance(url), instance(url)]);
      const ready = await Promise.all(three.map((i) => i.ready()));
      for (const [n, one] of three.entries()) {
        expect(ready[n], `round ${round}, instance ${n}: ${one.output()}`).toBe(true);
        expect(one.exited(), one.output()).toBeNull();
      }
      // Each migration ran once, and the kennisbank content was loaded once, not three times over.
      const [applied] = await server.query<{ n: string }>(`together_${round}`, "SELECT count(*) AS n FROM drizzle.__drizzle_migrations");
      expect(Number(applied?.n)).toBe(MIGRATIONS);
      const [entries] = await server.query<{ n: string; distinct: string }>(
        `together_${round}`,
        "SELECT count(*) AS n, count(DISTINCT slug) AS distinct FROM kennisbank_entries",
      );
      expect(Number(entries?.n)).toBeGreaterThan(10);
      expect(entries?.n).toBe(entries?.distinct);
      const exits = await Promise.all(three.map((i) => i.stop()));
      for (const exit of exits) expect(exit.code).toBe(0);
    }
  }, 600_000);

  it("survives a PostgreSQL restart under load: not ready while it is down, ready again after, no save lost", async () => {
    const url = await server.createDatabase("restart");
    const pair = [await instance(url), await instance(url)];
    expect(await Promise.all(pair.map((i) => i.ready()))).toEqual([true, true]);
    const factors = await factorIds(pair[0]?.url ?? "");
    const checks = await Promise.all(Array.from({ length: 200 }, (_, n) => newCheck(pair[n % 2]?.url ?? "")));
    const readiness = pair.map(watchReadiness);
    const load = loadGenerator(pair, checks, factors);

    await waitFor(() => load.acknowledged.length > 50, 30_000, "saves before the restart");
    await server.stop();
    await waitFor(() => readiness.every((r) => r.seen.includes(503)), 30_000, "both instances to report not ready");
    await new Promise((r) => setTimeout(r, 1_000));
    const beforeRecovery = load.acknowledged.length;
    await server.start();
    await waitFor(() => readiness.every((r) => r.seen.at(-1) === 200), 60_000, "both instances to be ready again");
    await waitFor(() => load.acknowledged.length > beforeRecovery + 50, 60_000, "saves after the restart");
    await load.stop();
    await Promise.all(readiness.map((r) => r.stop()));

    for (const [n, one] of pair.entries()) {
      expect(one.exited(), `instance ${n} died: ${one.output()}`).toBeNull();
      // ready → not ready while the database was down → ready
      const seen = readiness[n]?.seen ?? [];
      expect(seen[0]).toBe(200);
      expect(seen.indexOf(503)).toBeGreaterThan(0);
      expect(seen.at(-1)).toBe(200);
    }
    // While the database was away the API said so in Dutch with 503, never 500.
    expect([...load.refused.keys()].filter((status) => status !== 503)).toEqual([]);
    expect(load.refused.get(503) ?? 0).toBeGreaterThan(0);
    expect(await missingSaves(pair[1]?.url ?? "", load.acknowledged)).toEqual([]);
  }, 300_000);

  it("keeps every acknowledged save when an instance is killed under load", async () => {
    const url = await server.createDatabase("kill");
    const pair = [await instance(url), await instance(url)];
    expect(await Promise.all(pair.map((i) => i.ready()))).toEqual([true, true]);
    const factors = await factorIds(pair[0]?.url ?? "");
    const checks = await Promise.all(Array.from({ length: 100 }, (_, n) => newCheck(pair[n % 2]?.url ?? "")));
    const load = loadGenerator(pair, checks, factors);

    await waitFor(() => load.acknowledged.filter((s) => s.instance === 0).length > 50, 30_000, "saves on the first instance");
    await pair[0]?.stop("SIGKILL");
    const afterKill = load.acknowledged.length;
    await waitFor(() => load.acknowledged.length > afterKill + 50, 30_000, "saves on the surviving instance");
    await load.stop();

    expect(pair[1]?.exited(), pair[1]?.output()).toBeNull();
    expect(load.acknowledged.some((s) => s.instance === 0)).toBe(true);
    expect(await missingSaves(pair[1]?.url ?? "", load.acknowledged)).toEqual([]);
  }, 300_000);
});

describe("one process per embedded data directory", () => {
  it("refuses a second process on the same DATA_DIR with one clear line, and starts again once the first stopped", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "verbetertool-datadir-"));
    try {
      const env = { DATA_DIR: dataDir, APP_SECRET: SECRET };
      const first = await startInstance(env);
      expect(await first.ready(), first.output()).toBe(true);
      const second = await startInstance(env);
      const exit = await new Promise<{ code: number | null }>((resolveExit) => second.child.once("close", (code) => resolveExit({ code })));
      expect(exit.code).toBe(1);
      const lines = second.output().trim().split("\n");
      expect(lines.at(-1)).toMatch(/in use by another process/);
      expect(second.output()).not.toMatch(/^\s+at /m);
      expect(first.exited()).toBeNull();
      // The command-line scripts open the database the same way, and are refused the same way.
      const script = spawnSync(process.execPath, ["--import", "tsx", "scripts/create-account.ts", "a@example.nl", "een-lang-wachtwoord"], {
        cwd: join(import.meta.dirname, "../.."),
        env: { PATH: process.env.PATH ?? "", ...env },
        encoding: "utf8",
      });
      expect(script.status).toBe(1);
      expect(script.stderr.trim().split("\n").at(-1)).toMatch(/in use by another process/);
      expect(script.stderr).not.toMatch(/^\s+at /m);

      const stopped = await first.stop();
      expect(stopped.code).toBe(0);
      const third = await startInstance(env);
      expect(await third.ready(), third.output()).toBe(true);
      await third.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
