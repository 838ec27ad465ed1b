import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { buildTestApp } from "../test/app.ts";
import { databaseTargets } from "../test/databases.ts";
import {
  APP_ORIGIN,
  type Api,
  createCheck,
  createRound,
  createTeam,
  injectApi,
  inviteToken,
  saveAnswers,
  signUp,
  uniqueEmail,
} from "../test/factories.ts";

type LogLine = Record<string, unknown> & { level: number; msg?: string; reqId?: string };

/** The value of `name` in Prometheus text for exactly these labels (0 when the series is not there yet). */
function sample(metrics: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(",");
  for (const line of metrics.split("\n")) {
    const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const got = (match[2] ?? "").split(",").filter(Boolean).sort().join(",");
    if (got === wanted) return Number(match[3]);
  }
  return 0;
}

describe.each(databaseTargets())("observability on $name", (target) => {
  const written: string[] = [];
  const destination = { write: (line: string) => void written.push(line) };
  const ctx = {} as { app: FastifyInstance; database: Database; api: Api };

  beforeAll(async () => {
    ctx.database = await target.open();
    ctx.app = await buildTestApp(
      ctx.database,
      { logLevel: "debug", dataDir: mkdtempSync(join(tmpdir(), "verbetertool-obs-")) },
      { logger: { destination } },
    );
    // An unexpected failure whose message holds personal data, as a database error quoting its input would.
    ctx.app.post("/api/test/failure", async (request) => {
      const { email, checkId } = request.body as { email: string; checkId: string };
      throw new Error(`opslaan mislukt voor ${email} (check ${checkId}, mailto:${encodeURIComponent(email)})`);
    });
    ctx.api = injectApi(ctx.app);
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });

  /** The log lines written while `work` ran, parsed (a line that is not JSON fails the test). */
  async function linesDuring(work: () => Promise<void>): Promise<{ raw: string[]; lines: LogLine[] }> {
    const from = written.length;
    await work();
    const raw = written.slice(from).flatMap((chunk) => chunk.split("\n").filter(Boolean));
    return { raw, lines: raw.map((line) => JSON.parse(line) as LogLine) };
  }

  it("writes one JSON line per request with the route pattern and a request id, and no personal data or secrets", async () => {
    const email = uniqueEmail("logboek");
    const secrets: string[] = [email, encodeURIComponent(email)];
    let requests = 0;
    const api: Api = (...args) => {
      requests += 1;
      return ctx.api(...args);
    };
    const origin = { origin: APP_ORIGIN };

    const { raw, lines } = await linesDuring(async () => {
      const cookie = await signUp(api, email, "een-wachtwoord-voor-logs", "Logboek Test");
      secrets.push(...cookie.split("; ").map((pair) => pair.slice(pair.indexOf("=") + 1)));
      // Password reset: mailed by the development transport (its file name holds the address), and one for an
      // address without an account (better-auth logs that).
      expect((await api("POST", "/api/auth/request-password-reset", { payload: { email }, headers: origin })).statusCode).toBe(200);
      const stranger = uniqueEmail("onbekend");
      secrets.push(stranger);
      const unknown = await api("POST", "/api/auth/request-password-reset", { payload: { email: stranger }, headers: origin });
      expect(unknown.statusCode).toBe(200);

      const checkId = await createCheck(api);
      secrets.push(checkId);
      await saveAnswers(api, checkId, { "1.1": 7 });
      expect((await api("GET", `/api/checks/${checkId}?email=${encodeURIComponent(email)}`)).statusCode).toBe(200);
      expect((await api("GET", `/api/checks/${checkId}x/results`)).statusCode).toBe(404);

      const teamId = await createTeam(api, cookie);
      const teamInvite = (await api("POST", `/api/teams/${teamId}/invites`, { cookie, payload: { role: "member" } })).json().token;
      secrets.push(teamInvite);
      expect((await api("GET", `/api/team-invites/${teamInvite}`)).statusCode).toBe(200);
      const round = await createRound(api, cookie, teamId);
      const roundInvite = inviteToken(round.invites.professional);
      secrets.push(roundInvite);
      expect((await api("GET", `/api/invites/${roundInvite}`)).statusCode).toBe(200);
      await createCheck(api, { invite: roundInvite });

      expect((await api("POST", "/api/test/failure", { payload: { email, checkId } })).statusCode).toBe(500);
      expect((await api("GET", `/verdwaald/${checkId}?token=${roundInvite}`)).statusCode).toBe(404);
    });

    // Every line is JSON (parsed above) and belongs to a request.
    for (const line of lines) expect(line.reqId, JSON.stringify(line)).toEqual(expect.any(String));
    // One "request completed" line per request, with the route pattern, never the URL or a query string.
    const completed = lines.filter((line) => line.msg === "request completed");
    expect(completed).toHaveLength(requests);
    expect(new Set(completed.map((line) => line.reqId)).size).toBe(requests);
    for (const line of completed) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(["method", "route", "statusCode", "responseTime", "reqId"]));
      expect(line).not.toHaveProperty("url");
      expect(line).not.toHaveProperty("remoteAddress");
      expect(line).not.toHaveProperty("req");
    }
    const routes = completed.map((line) => `${line.method} ${line.route} ${line.statusCode}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        "POST /api/auth/* 200",
        "POST /api/checks 201",
        "PATCH /api/checks/:id/answers 200",
        "GET /api/checks/:id 200",
        "GET /api/checks/:id/results 404",
        "GET /api/team-invites/:token 200",
        "GET /api/invites/:token 200",
        "POST /api/test/failure 500",
        "GET (unmatched) 404",
      ]),
    );
    // The unexpected error, the development mail and better-auth's message are logged, scrubbed.
    const failure = lines.find((line) => line.level === 50 && line.msg !== "request completed");
    expect(failure?.msg).toContain("opslaan mislukt voor [redacted]");
    expect(failure?.err).toMatchObject({ type: "Error", message: expect.stringContaining("[redacted]") });
    expect(
      lines.some((line) => String(line.msg).startsWith("mail (development transport") && String(line.msg).includes("[redacted]")),
    ).toBe(true);
    expect(lines.some((line) => line.source === "better-auth")).toBe(true);
    // No address, id, token or cookie anywhere in any line.
    for (const line of raw) for (const secret of secrets) expect(line).not.toContain(secret);
  });

  it("takes a sane X-Request-Id over, echoes it, and gives every other request a random id of its own", async () => {
    const given = "proxy-1f3a.request_42";
    const { lines } = await linesDuring(async () => {
      const res = await ctx.app.inject({ method: "GET", url: "/api/tools", headers: { "x-request-id": given } });
      expect(res.headers["x-request-id"]).toBe(given);
      // A line logged through the request's own logger carries the id too.
      const failed = await ctx.app.inject({
        method: "POST",
        url: "/api/test/failure",
        headers: { "x-request-id": `${given}-2` },
        payload: {},
      });
      expect(failed.statusCode).toBe(500);
    });
    expect(lines.find((line) => line.msg === "request completed")?.reqId).toBe(given);
    expect(lines.filter((line) => line.msg !== "request completed" && line.level === 50).map((line) => line.reqId)).toEqual([`${given}-2`]);

    const ids: string[] = [];
    for (const header of [undefined, undefined, "spaties zijn niet goed", "x".repeat(129), "a@b.nl"]) {
      const res = await ctx.app.inject({ method: "GET", url: "/api/tools", headers: header ? { "x-request-id": header } : {} });
      ids.push(String(res.headers["x-request-id"]));
    }
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("serves Prometheus metrics on loopback: requests per route pattern and status, latency, process, pool, counts", async () => {
    const before = (await ctx.app.inject({ method: "GET", url: "/metrics" })).body;
    await createCheck(ctx.api);
    await ctx.api("GET", "/api/tools");
    const res = await ctx.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const after = res.body;
    expect(after).not.toContain("<html");

    const tools = { method: "GET", route: "/api/tools", status_code: "200" };
    expect(sample(after, "http_requests_total", tools)).toBe(sample(before, "http_requests_total", tools) + 1);
    const created = { method: "POST", route: "/api/checks", status_code: "201" };
    expect(sample(after, "http_requests_total", created)).toBe(sample(before, "http_requests_total", created) + 1);
    expect(sample(after, "http_request_duration_seconds_count", created)).toBe(
      sample(before, "http_request_duration_seconds_count", created) + 1,
    );
    expect(sample(after, "verbetertool_checks_created_total")).toBe(sample(before, "verbetertool_checks_created_total") + 1);
    expect(after).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    if (ctx.database.kind === "postgres") {
      expect(after).toMatch(/^verbetertool_db_pool_connections\{state="total"\} \d+/m);
      expect(after).toMatch(/^verbetertool_db_pool_waiting_clients \d+/m);
    }
    // Unknown paths share one series instead of one per URL.
    await ctx.app.inject({ method: "GET", url: "/api/nergens/abc" });
    const unmatched = (await ctx.app.inject({ method: "GET", url: "/metrics" })).body;
    expect(unmatched).not.toContain("/api/nergens");
    expect(sample(unmatched, "http_requests_total", { method: "GET", route: "(unmatched)", status_code: "404" })).toBeGreaterThan(0);
  });

  // Fastify calls the request log controller only when the app has a logger: without one the metrics count in a hook.
  it("counts requests in /metrics in an app without a logger too", async () => {
    const app = await buildTestApp(ctx.database);
    try {
      await app.inject({ method: "GET", url: "/api/tools" });
      await app.inject({ method: "GET", url: "/api/nergens/abc" });
      const metrics = (await app.inject({ method: "GET", url: "/metrics" })).body;
      expect(sample(metrics, "http_requests_total", { method: "GET", route: "/api/tools", status_code: "200" })).toBe(1);
      expect(sample(metrics, "http_requests_total", { method: "GET", route: "(unmatched)", status_code: "404" })).toBe(1);
    } finally {
      await app.close();
    }
  });

  /** An app at level warn on the same database, and the lines it wrote so far, parsed. */
  async function appAtWarn(): Promise<{ app: FastifyInstance; lines: () => LogLine[] }> {
    const written: string[] = [];
    const app = await buildTestApp(
      ctx.database,
      { logLevel: "warn" },
      { logger: { destination: { write: (line) => void written.push(line) } } },
    );
    const lines = () =>
      written
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogLine);
    return { app, lines };
  }

  it("writes request lines only at the levels the logger writes: at warn, an error line but no line for a 200", async () => {
    const { app, lines: logged } = await appAtWarn();
    app.get("/api/test/failure", async () => {
      throw new Error("kapot");
    });
    try {
      expect((await app.inject({ method: "GET", url: "/api/tools/jongeren-en-arbeid" })).statusCode).toBe(200);
      expect((await app.inject({ method: "GET", url: "/api/test/failure" })).statusCode).toBe(500);
      const lines = logged();
      expect(lines.filter((line) => line.route === "/api/tools/:toolId")).toEqual([]);
      expect(lines.filter((line) => line.route === "/api/test/failure" && line.level === 50).length).toBeGreaterThan(0);
      expect(lines.every((line) => line.level >= 40)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it("logs through a request's logger at its route's own level, with the request id", async () => {
    const { app, lines: logged } = await appAtWarn();
    app.get("/api/test/chatty", { logLevel: "info" }, async (request) => {
      request.log.info({ step: 1 }, "eerste stap");
      return { ok: true };
    });
    app.get("/api/test/quiet", async (request) => {
      request.log.info({ step: 1 }, "niet geschreven");
      return { ok: true };
    });
    try {
      const chatty = await app.inject({ method: "GET", url: "/api/test/chatty" });
      expect((await app.inject({ method: "GET", url: "/api/test/quiet" })).statusCode).toBe(200);
      const lines = logged();
      const reqId = chatty.headers["x-request-id"];
      expect(lines.map((line) => [line.msg, line.reqId])).toEqual([
        ["eerste stap", reqId],
        ["request completed", reqId],
      ]);
    } finally {
      await app.close();
    }
  });

  it("refuses /metrics to other addresses and to forwarded requests when no token is set", async () => {
    const remote = await ctx.app.inject({ method: "GET", url: "/metrics", remoteAddress: "10.1.2.3" });
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error).toContain("METRICS_TOKEN");
    const forwarded = await ctx.app.inject({ method: "GET", url: "/metrics", headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(forwarded.statusCode).toBe(403);
  });

  it("requires the bearer token when METRICS_TOKEN is set, from any address", async () => {
    const token = "een-lang-geheim-metrics-token";
    const app = await buildTestApp(ctx.database, {}, { metricsToken: token });
    try {
      const without = await app.inject({ method: "GET", url: "/metrics" });
      expect(without.statusCode).toBe(401);
      expect(without.headers["www-authenticate"]).toMatch(/^Bearer/);
      const wrong = await app.inject({ method: "GET", url: "/metrics", headers: { authorization: "Bearer fout" } });
      expect(wrong.statusCode).toBe(401);
      const right = await app.inject({
        method: "GET",
        url: "/metrics",
        remoteAddress: "10.1.2.3",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain("# TYPE http_requests_total counter");
    } finally {
      await app.close();
    }
  });
});
