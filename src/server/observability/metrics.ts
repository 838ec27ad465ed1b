import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../../db/client.ts";
import { routePattern } from "./logger.ts";

/** What metrics read of a pg Pool (PostgreSQL only; the embedded database has no pool). */
type PoolCounts = { totalCount: number; idleCount: number; waitingCount: number; options?: { max?: number } };

/**
 * Process metrics (CPU, memory, event loop lag, GC) are per process: one registry for the process, however many
 * apps it builds (tests build many), since the default collectors start monitors that live as long as the process.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** App events worth a counter of their own, recognised by route pattern and a successful status. */
const EVENTS: { method: string; route: string; name: string; help: string }[] = [
  { method: "POST", route: "/api/checks", name: "verbetertool_checks_created_total", help: "Checks started (own checks and respondents)." },
  {
    method: "POST",
    route: "/api/checks/:id/submit",
    name: "verbetertool_responses_submitted_total",
    help: "Responses handed in to a measurement round.",
  },
  { method: "POST", route: "/api/teams/:id/rounds", name: "verbetertool_rounds_started_total", help: "Measurement rounds started." },
];

export type MetricsOptions = {
  database: Pick<Database, "kind"> & { pool?: unknown };
  /** When set, `/metrics` needs `Authorization: Bearer <token>`; when not, it answers on loopback only. */
  token?: string;
};

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether a scrape may read the metrics: the bearer token when one is configured, else a direct local caller. */
export function metricsAccess(request: FastifyRequest, token: string | undefined): "allowed" | "unauthorized" | "forbidden" {
  if (token) {
    const header = request.headers.authorization ?? "";
    const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
    return given && timingSafeEqual(digest(given), digest(token)) ? "allowed" : "unauthorized";
  }
  // A proxy on the same machine would make every visitor look local: a forwarded request is never "local".
  const forwarded = request.headers["x-forwarded-for"] !== undefined || request.headers.forwarded !== undefined;
  return !forwarded && LOOPBACK.has(request.socket.remoteAddress ?? "") ? "allowed" : "forbidden";
}

/** The pool counts when the database has a pg Pool; read defensively, the field is optional. */
function poolOf(database: MetricsOptions["database"]): PoolCounts | undefined {
  const pool = database.pool as Partial<PoolCounts> | undefined;
  return pool && typeof pool.totalCount === "number" ? (pool as PoolCounts) : undefined;
}

/**
 * Prometheus metrics at GET /metrics: requests and latency per method, route pattern and status; process metrics;
 * the PostgreSQL pool's connections and waiting clients; counters of checks, responses and rounds. Register before
 * the routes so the response hook sees every route.
 */
export function registerMetrics(app: FastifyInstance, { database, token }: MetricsOptions): void {
  const registry = new Registry();
  const labelNames = ["method", "route", "status_code"] as const;
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status.",
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from receiving a request to the end of its response, by method, route pattern and status.",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: "verbetertool_db_pool_connections",
    help: "PostgreSQL pool connections by state (total, idle, max); absent on the embedded database.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const pool = poolOf(database);
      if (!pool) return;
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      if (typeof pool.options?.max === "number") this.set({ state: "max" }, pool.options.max);
    },
  });
  new Gauge({
    name: "verbetertool_db_pool_waiting_clients",
    help: "Queries waiting for a free PostgreSQL pool connection; absent on the embedded database.",
    registers: [registry],
    collect() {
      const pool = poolOf(database);
      if (pool) this.set(pool.waitingCount);
    },
  });
  const events = new Map(
    EVENTS.map((event) => [`${event.method} ${event.route}`, new Counter({ name: event.name, help: event.help, registers: [registry] })]),
  );

  app.addHook("onResponse", (request, reply, done) => {
    const route = routePattern(request);
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    if (reply.statusCode < 300) events.get(`${request.method} ${route}`)?.inc();
    done();
  });

  app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
    const access = metricsAccess(request, token);
    if (access === "unauthorized") {
      return reply
        .status(401)
        .header("WWW-Authenticate", 'Bearer realm="metrics"')
        .send({ error: "Geef het metrics-token mee (Authorization: Bearer …).", field: "Authorization" });
    }
    if (access === "forbidden") {
      return reply.status(403).send({
        error: "De metrics zijn alleen vanaf deze machine bereikbaar; stel METRICS_TOKEN in om ze van elders op te halen.",
        field: null,
      });
    }
    const text = [await processMetrics().metrics(), await registry.metrics()].join("\n");
    return reply.header("Cache-Control", "no-store").type(registry.contentType).send(text);
  });
}
