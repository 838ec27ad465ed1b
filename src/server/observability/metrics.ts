import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { Database } from "../../db/client.ts";
import { type RequestCompletedListener, type RequestLogController, routePattern } from "./logger.ts";

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
  /**
   * The app's request log controller, which hands the metrics every completed request (see onRequestCompleted);
   * undefined when the app has no logger, since Fastify then never calls it.
   */
  completions?: Pick<RequestLogController, "onRequestCompleted">;
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
 * the PostgreSQL pool's connections and waiting clients; counters of checks, responses and rounds. Counted as the
 * request log controller (`completions`) sees each request completed, matched to a route or not; in an app without a
 * logger by an onResponse hook registered here (register before the routes, so it sees every route).
 */
export function registerMetrics(app: FastifyInstance, { database, token, completions }: MetricsOptions): void {
  const registry = new Registry();
  const http = new HttpMetrics();
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

  const count: RequestCompletedListener = (request, reply, route) => {
    const series = http.series(request.method, route, reply.statusCode);
    series.observe(reply.elapsedTime / 1000);
    if (reply.statusCode < 300) {
      // Looked up once per series, not per request.
      if (series.event === undefined) series.event = events.get(`${series.method} ${series.route}`) ?? null;
      series.event?.inc();
    }
  };
  if (completions) completions.onRequestCompleted(count);
  else {
    // Without a logger Fastify never calls the log controller (an app built with `logger: false`: tests, the bench's
    // BENCH_APP_LOG=0), so a hook counts instead.
    app.addHook("onResponse", function countRequest(request, reply, done) {
      count(request, reply, routePattern(request));
      done();
    });
  }

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
    const text = [await processMetrics().metrics(), http.text(), await registry.metrics()].join("\n");
    return reply.header("Cache-Control", "no-store").type(registry.contentType).send(text);
  });
}

/** Upper bounds (seconds) of the latency histogram's buckets. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

/** One method, route pattern and status: its request count and latency histogram, kept in plain fields. */
class HttpSeries {
  count = 0;
  sum = 0;
  /** Observations per bucket (not cumulative); the last slot counts those above every bound. */
  readonly buckets = new Array<number>(DURATION_BUCKETS.length + 1).fill(0);
  /** The app event counted on success (see EVENTS); undefined until first looked up, null for none. */
  event: Counter | null | undefined = undefined;

  constructor(
    readonly method: string,
    readonly route: string,
    readonly statusCode: number,
  ) {}

  observe(seconds: number): void {
    this.count++;
    this.sum += seconds;
    let bucket = 0;
    while (bucket < DURATION_BUCKETS.length && seconds > (DURATION_BUCKETS[bucket] as number)) bucket++;
    this.buckets[bucket] = (this.buckets[bucket] ?? 0) + 1;
  }
}

/** A label value in Prometheus' text format: backslash, double quote and newline escaped. */
const labelValue = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

/**
 * `http_requests_total` and `http_request_duration_seconds` by method, route pattern and status. prom-client's
 * Counter and Histogram hash and validate their labels on every call, which was a noticeable part of a small
 * request's cost; here a request finds its series with two Map lookups and bumps numbers, and the text — the same
 * lines prom-client writes (labels in the same order) — is made when /metrics is scraped.
 */
class HttpMetrics {
  /** route → method → status → series. */
  private readonly byRoute = new Map<string, Map<string, Map<number, HttpSeries>>>();

  series(method: string, route: string, statusCode: number): HttpSeries {
    let byMethod = this.byRoute.get(route);
    if (!byMethod) {
      byMethod = new Map();
      this.byRoute.set(route, byMethod);
    }
    let byStatus = byMethod.get(method);
    if (!byStatus) {
      byStatus = new Map();
      byMethod.set(method, byStatus);
    }
    let series = byStatus.get(statusCode);
    if (!series) {
      series = new HttpSeries(method, route, statusCode);
      byStatus.set(statusCode, series);
    }
    return series;
  }

  text(): string {
    const all: HttpSeries[] = [];
    for (const byMethod of this.byRoute.values()) for (const byStatus of byMethod.values()) all.push(...byStatus.values());
    const labels = (s: HttpSeries) => `method="${labelValue(s.method)}",route="${labelValue(s.route)}",status_code="${s.statusCode}"`;
    const lines = [
      "# HELP http_requests_total HTTP requests answered, by method, route pattern and status.",
      "# TYPE http_requests_total counter",
      ...all.map((s) => `http_requests_total{${labels(s)}} ${s.count}`),
      "# HELP http_request_duration_seconds Time from receiving a request to the end of its response, by method, route pattern and status.",
      "# TYPE http_request_duration_seconds histogram",
    ];
    for (const s of all) {
      let cumulative = 0;
      DURATION_BUCKETS.forEach((bound, i) => {
        cumulative += s.buckets[i] ?? 0;
        lines.push(`http_request_duration_seconds_bucket{le="${bound}",${labels(s)}} ${cumulative}`);
      });
      lines.push(`http_request_duration_seconds_bucket{le="+Inf",${labels(s)}} ${s.count}`);
      lines.push(`http_request_duration_seconds_sum{${labels(s)}} ${s.sum}`);
      lines.push(`http_request_duration_seconds_count{${labels(s)}} ${s.count}`);
    }
    return `${lines.join("\n")}\n`;
  }
}
