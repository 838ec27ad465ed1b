import { existsSync } from "node:fs";
import { join } from "node:path";
import compress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { DEFAULT_SOLO_CHECK_RETENTION_MONTHS } from "../domain/checks/retention.ts";
import { accountRoutes } from "./account/routes.ts";
import { createAuth } from "./auth/auth.ts";
import { mountAuth } from "./auth/plugin.ts";
import { authOptionsRoutes } from "./auth/routes.ts";
import { checksRoutes } from "./checks/routes.ts";
import type { RuntimeConfig, TrustProxy } from "./config.ts";
import { kennisbankContentHash, loadWhenChanged } from "./content-state.ts";
import { SignedCookies } from "./cookies.ts";
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from "./errors.ts";
import { kennisbankRoutes } from "./kennisbank/routes.ts";
import { syncContentEntries } from "./kennisbank/service.ts";
import { createMailer } from "./mail.ts";
import {
  batchedLogDestination,
  betterAuthLog,
  currentLog,
  echoRequestId,
  type LogDestination,
  loggerOptions,
  RequestLogController,
  requestIdFrom,
  requestLoggerFactory,
} from "./observability/logger.ts";
import { registerMetrics } from "./observability/metrics.ts";
import { privacyRoutes } from "./privacy/routes.ts";
import { registerRateLimits } from "./ratelimit/plugin.ts";
import { type RenderOptions, registerRendering } from "./render/pool.ts";
import { registerRequestSteps } from "./request-steps.ts";
import { scheduleRetention } from "./retention-job.ts";
import { securitySteps } from "./security/index.ts";
import { registerInputGuard } from "./security/input.ts";
import { responseSerializerCompiler } from "./serializer.ts";
import { comparisonRoutes } from "./teams/comparison-routes.ts";
import { followupRoutes } from "./teams/followup-routes.ts";
import { managementRoutes } from "./teams/management-routes.ts";
import { teamPlanRoutes } from "./teams/plan-routes.ts";
import { scheduleNextRoundReminders } from "./teams/reminder-job.ts";
import { roundsRoutes } from "./teams/round-routes.ts";
import { teamsRoutes } from "./teams/routes.ts";
import { sessionRoutes } from "./teams/session-routes.ts";
import { defaultTool, indexTool, loadTools } from "./tools/load.ts";
import { toolsRoutes } from "./tools/routes.ts";
import { loadWerkwijze, werkwijzeRoutes } from "./werkwijze/routes.ts";
import { yamlCacheDir } from "./yaml-cache.ts";

// Validation messages of zod in Dutch, for every schema in the process.
z.config(z.locales.nl());

/** Requests larger than this are refused with 413: no form of this app needs more. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export type AppOptions = {
  config: Pick<
    RuntimeConfig,
    | "contentDir"
    | "webDir"
    | "createChecksPerMinute"
    | "logLevel"
    | "secret"
    | "publicUrl"
    | "moderatorEmails"
    | "dataDir"
    | "smtpUrl"
    | "mailFrom"
  > & {
    /** Which proxies' X-Forwarded-* headers to believe (TRUST_PROXY); none when not given. */
    trustProxy?: TrustProxy;
    /** Months a solo check is kept after it was last opened (SOLO_CHECK_RETENTION_MONTHS); default 24. */
    soloCheckRetentionMonths?: number;
    /** Sign-in with the organisation's account (OIDC_*); off when not given. */
    oidc?: RuntimeConfig["oidc"];
    /** The time for the weekly peer pool of the comparison (tests move it); default the real time. */
    clock?: () => Date;
  };
  database: Database;
  /** JSON logs to stdout (`true`), to a destination of your own (tests), or none (default). */
  logger?: boolean | { destination: LogDestination };
  /** Bearer token for GET /metrics; without it /metrics answers on loopback only. Defaults to METRICS_TOKEN. */
  metricsToken?: string;
  /** Render pool size, queue and downloads per client per minute (tests, benchmarks); defaults in render/pool.ts. */
  render?: Partial<RenderOptions>;
};

/**
 * The zod compilers as Fastify's compiler factories. Fastify types the factories after ajv's and fast-json-stringify's
 * compilers; at run time it calls what they return exactly as it calls what `setValidatorCompiler` /
 * `setSerializerCompiler` install, which is how these compilers are used everywhere else.
 */
const zodCompilers = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => responseSerializerCompiler,
} as unknown as NonNullable<NonNullable<FastifyServerOptions["schemaController"]>["compilersFactory"]>;

export async function buildApp({
  config,
  database,
  logger = false,
  metricsToken = process.env.METRICS_TOKEN || undefined,
  render,
}: AppOptions): Promise<FastifyInstance> {
  // One destination for pino's lines and the request lines RequestLogController writes itself.
  const logDestination = logger ? (logger === true ? batchedLogDestination() : logger.destination) : undefined;
  // Writes the request lines and hands every completed request to the metrics.
  const requestLogController = new RequestLogController(logDestination);
  const app = Fastify({
    logger: logDestination ? loggerOptions({ level: config.logLevel, destination: logDestination }) : false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Client address, protocol and host from X-Forwarded-* only for the proxies named in TRUST_PROXY.
    trustProxy: config.trustProxy ?? false,
    // Request ids from X-Request-Id when sane, else random ids (unique across instances; decision 0053).
    genReqId: requestIdFrom,
    // One JSON line per request with the route pattern, never the URL, query string or client address.
    logController: requestLogController,
    // A request's own logger (with its id) made only when something logs through it.
    childLoggerFactory: requestLoggerFactory,
    // Router errors (bad percent-encoding, too long a path parameter) and requests Node's HTTP parser refuses (too
    // large headers, malformed request line) answer in the API's Dutch JSON shape too.
    frameworkErrors,
    clientErrorHandler,
    // zod validates every route and serializer.ts writes every response: giving these compilers here keeps Fastify
    // from loading ajv and fast-json-stringify (~0.1 s of CPU at start-up) for its default compilers; serializer.ts
    // loads fast-json-stringify on the first response that needs it.
    schemaController: { compilersFactory: zodCompilers },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Responses are written from their route's schema (serializer.ts: fast-json-stringify, zod where it cannot).
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandling(app);
  // NUL bytes and lone surrogates in params, query or body: 400 for every route, before the database sees them.
  registerInputGuard(app);
  // Prometheus metrics at /metrics, counted for every request as the request log controller sees it completed (Fastify
  // calls the controller only when the app has a logger; without one, metrics.ts counts in a hook).
  registerMetrics(app, { database, token: metricsToken, completions: logDestination ? requestLogController : undefined });
  // The request id echoed, security headers that fit the scheme served (no upgrade or HSTS on plain http), and the
  // Origin check of state-changing requests: one onRequest hook (request-steps.ts).
  registerRequestSteps(app, [echoRequestId, ...securitySteps({ publicUrl: config.publicUrl })]);
  // The API speaks JSON only: any other body type is answered with 415.
  app.removeContentTypeParser("text/plain");

  // Parsed YAML is kept between starts in DATA_DIR (yaml-cache.ts): the files are parsed again only when they change.
  const yamlCache = yamlCacheDir(config.dataDir);
  const tools = new Map([...loadTools(config.contentDir, yamlCache)].map(([id, tool]) => [id, indexTool(tool)]));
  // The tool marked `default: true`: the kennisbank and the werkwijze link to its factors.
  const mainTool = defaultTool(tools);
  const werkwijze = loadWerkwijze(config.contentDir, mainTool.factorIds, yamlCache);
  // Kennisbank entries from content/ are parsed, validated and loaded only when they (or the code loading them)
  // changed since the last start; instances starting together load them one after the other, not over each other.
  const kennisbankHash = kennisbankContentHash(config.contentDir, mainTool.factorIds);
  await database.exclusive("startup", () =>
    // The Markdown parsing (and its YAML front matter) is loaded only when there is something to load.
    loadWhenChanged(database.db, "kennisbank", kennisbankHash, async (tx) => {
      const { loadKennisbankContent } = await import("./kennisbank/load.ts");
      const { regionsOf } = await import("./kennisbank/regions.ts");
      await syncContentEntries(tx, loadKennisbankContent(config.contentDir, mainTool.factorIds), regionsOf(config.contentDir));
    }),
  );
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    dataDir: config.dataDir,
    log: (m) => currentLog(app.log).info(m),
  });
  const auth = createAuth({
    db: database.db,
    secret: config.secret,
    publicUrl: config.publicUrl,
    mailer,
    log: betterAuthLog(app.log),
    oidc: config.oidc,
  });
  // better-auth is loaded on first use; a listening server loads it right away, once it already answers requests,
  // so start-up does not wait for it and the first sign-in hardly does.
  app.addHook("onListen", (done) => {
    setImmediate(() => void auth.load().catch((error: unknown) => app.log.error(error, "better-auth could not be loaded")));
    done();
  });

  // Brotli or gzip for text (HTML, JS, CSS, JSON) above 1 kB when the client accepts it; PDFs and images are
  // already compressed and pass through.
  await app.register(compress, { global: true, threshold: 1024, encodings: ["br", "gzip"] });
  // Rate limits counted in the database, one across all instances (routes opt in; see server/ratelimit).
  await registerRateLimits(app, { db: database.db, secret: config.secret });
  // PDF/XLSX in worker threads, with a bounded queue and a per-client download limit (app.renders).
  registerRendering(app, render);
  // Signed cookies remember, in a respondent's own browser only, that it handed in or is a shared device: read and
  // written where they are used, with no hook on every request (cookies.ts).
  app.decorate("signedCookies", new SignedCookies(config.secret));
  await app.register(swagger, {
    openapi: {
      info: { title: "Verbetertool Jongeren & Arbeid — API", version: "1.0.0", description: "Publieke JSON-API van de verbetertool." },
    },
    transform: jsonSchemaTransform,
  });

  database.setLog((message) => app.log.warn(message));
  // Kubernetes probes: "live" says the process answers (restart it when not), "ready" that it can serve requests —
  // the database answers and its migrations ran (take it out of the load balancer when not). /api/health is "ready".
  app.get("/api/health/live", { schema: { hide: true } }, async () => ({ status: "ok" }));
  const ready = async (_request: unknown, reply: FastifyReply) => {
    if (await database.reachable()) return { status: "ok", database: database.kind };
    return reply
      .status(503)
      .header("Retry-After", "5")
      .send({ status: "unavailable", database: database.kind, error: "De database is niet bereikbaar." });
  };
  app.get("/api/health/ready", { schema: { hide: true } }, ready);
  app.get("/api/health", { schema: { hide: true } }, ready);
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(toolsRoutes, { tools });
  await app.register(checksRoutes, { db: database.db, tools, createChecksPerMinute: config.createChecksPerMinute });
  mountAuth(app, auth);
  await app.register(kennisbankRoutes, {
    db: database.db,
    sharedDatabase: database.kind === "postgres",
    auth,
    moderatorEmails: config.moderatorEmails,
    tool: mainTool,
    submissionsPerHour: config.createChecksPerMinute,
    contentDir: config.contentDir,
  });
  await app.register(werkwijzeRoutes, { werkwijze });
  await app.register(teamsRoutes, { db: database.db, auth, publicUrl: config.publicUrl, tools });
  // The account page: data, JSON download, deletion (AVG) and handing a team over to another coordinator.
  await app.register(accountRoutes, { db: database.db, auth, moderatorEmails: config.moderatorEmails });
  await app.register(authOptionsRoutes, { oidc: config.oidc });
  await app.register(roundsRoutes, {
    db: database.db,
    auth,
    publicUrl: config.publicUrl,
    tools,
    // Personal invitations go out only through a real mail server; the development mail folder is for testing.
    personalMailer: config.smtpUrl ? mailer : null,
  });
  await app.register(teamPlanRoutes, { db: database.db, auth, tools });
  // Read-only links to a round's management summary for a manager or alderman (coordinators make and revoke them).
  await app.register(managementRoutes, { db: database.db, auth, publicUrl: config.publicUrl, tools });
  // Comparison with peers (opt-in) and the cross-organisation spiegel (both coordinators agree).
  await app.register(comparisonRoutes, { db: database.db, auth, tools, clock: config.clock });
  // The spiegelsessie (coordinators) and the intervisie agenda (web and PDF) of a round.
  await app.register(sessionRoutes, { db: database.db, auth, tools });
  const soloCheckRetentionMonths = config.soloCheckRetentionMonths ?? DEFAULT_SOLO_CHECK_RETENTION_MONTHS;
  await app.register(privacyRoutes, { soloCheckRetentionMonths });
  scheduleRetention(app, database, { tools, soloCheckRetentionMonths });
  // The planned next round of a team, and the reminder mail to its coordinators 14 days before (once).
  await app.register(followupRoutes, { db: database.db, auth });
  // Without PUBLIC_URL (development only) the mail's link assumes the default port.
  scheduleNextRoundReminders(app, database, { mailer, linkBase: config.publicUrl ?? "http://localhost:3000" });

  const indexHtml = join(config.webDir, "index.html");
  if (existsSync(indexHtml)) {
    await app.register(fastifyStatic, {
      root: config.webDir,
      wildcard: false,
      index: false,
      // Vite names every built asset after its content hash: a changed file gets a new name, so browsers may keep
      // assets for a year without asking again. Anything else (favicon, index.html) is checked on every visit.
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header("Cache-Control", isHashedAsset(path) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
    // The web app routes in the browser: every non-API page gets index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.method !== "GET" || request.url.startsWith("/api/")) {
        return reply.status(404).send({ error: "Niet gevonden.", field: null });
      }
      // The 1.3 kB page itself goes uncompressed: compression hooks only see routes, and this is the 404 handler.
      return reply.type("text/html").header("Cache-Control", "no-cache").sendFile("index.html");
    });
  } else {
    app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: "Niet gevonden.", field: null }));
  }
  return app;
}

/** A file Vite emitted under assets/ with a content hash in its name (e.g. assets/index-CRK2MwV6.js). */
export function isHashedAsset(path: string): boolean {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path);
}
