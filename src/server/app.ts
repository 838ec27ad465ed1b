import { existsSync } from "node:fs";
import { join } from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { createAuth } from "./auth/auth.ts";
import { mountAuth } from "./auth/plugin.ts";
import { checksRoutes } from "./checks/routes.ts";
import type { Config } from "./config.ts";
import { registerErrorHandling } from "./errors.ts";
import { loadKennisbankContent } from "./kennisbank/load.ts";
import { kennisbankRoutes } from "./kennisbank/routes.ts";
import { syncContentEntries } from "./kennisbank/service.ts";
import { createMailer } from "./mail.ts";
import { teamPlanRoutes } from "./teams/plan-routes.ts";
import { scheduleRetention } from "./teams/retention-job.ts";
import { roundsRoutes } from "./teams/round-routes.ts";
import { teamsRoutes } from "./teams/routes.ts";
import { indexTool, loadTools } from "./tools/load.ts";
import { toolsRoutes } from "./tools/routes.ts";
import { loadWerkwijze, werkwijzeRoutes } from "./werkwijze/routes.ts";

/** The tool the kennisbank and werkwijze link to. */
export const MAIN_TOOL_ID = "jongeren-en-arbeid";

// Validation messages of zod in Dutch, for every schema in the process.
z.config(z.locales.nl());

/** Requests larger than this are refused with 413: no form of this app needs more. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export type AppOptions = {
  config: Pick<
    Config,
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
  >;
  database: Database;
  logger?: boolean;
};

export async function buildApp({ config, database, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: BODY_LIMIT_BYTES,
    // No per-request logs: they would hold client addresses and check ids (AVG, secrets).
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // The API speaks JSON only: any other body type is answered with 415.
  app.removeContentTypeParser("text/plain");

  const tools = new Map([...loadTools(config.contentDir)].map(([id, tool]) => [id, indexTool(tool)]));
  const mainTool = tools.get(MAIN_TOOL_ID);
  if (!mainTool) throw new Error(`content: tool "${MAIN_TOOL_ID}" is missing`);
  const werkwijze = loadWerkwijze(config.contentDir, mainTool.factorIds);
  await syncContentEntries(database.db, loadKennisbankContent(config.contentDir, mainTool.factorIds));
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir, log: (m) => app.log.info(m) });
  const auth = createAuth({ db: database.db, secret: config.secret, publicUrl: config.publicUrl, mailer });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { "img-src": ["'self'", "data:"], "style-src": ["'self'", "'unsafe-inline'"] },
    },
  });
  await app.register(rateLimit, { global: false });
  // Signed cookies remember, in a respondent's own browser only, that it handed in or is a shared device.
  await app.register(cookie, { secret: config.secret });
  await app.register(swagger, {
    openapi: {
      info: { title: "Verbetertool Jongeren & Arbeid — API", version: "1.0.0", description: "Publieke JSON-API van de verbetertool." },
    },
    transform: jsonSchemaTransform,
  });

  app.get("/api/health", { schema: { hide: true } }, async () => ({ status: "ok", database: database.kind }));
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(toolsRoutes, { tools });
  await app.register(checksRoutes, { db: database.db, tools, createChecksPerMinute: config.createChecksPerMinute });
  mountAuth(app, auth);
  await app.register(kennisbankRoutes, {
    db: database.db,
    auth,
    moderatorEmails: config.moderatorEmails,
    tool: mainTool,
    submissionsPerHour: config.createChecksPerMinute,
  });
  await app.register(werkwijzeRoutes, { werkwijze });
  await app.register(teamsRoutes, { db: database.db, auth, publicUrl: config.publicUrl });
  await app.register(roundsRoutes, {
    db: database.db,
    auth,
    publicUrl: config.publicUrl,
    tools,
    // Personal invitations go out only through a real mail server; the development mail folder is for testing.
    personalMailer: config.smtpUrl ? mailer : null,
  });
  await app.register(teamPlanRoutes, { db: database.db, auth, tool: mainTool });
  scheduleRetention(app, database.db);

  const indexHtml = join(config.webDir, "index.html");
  if (existsSync(indexHtml)) {
    await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: false });
    // The web app routes in the browser: every non-API page gets index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.method !== "GET" || request.url.startsWith("/api/")) {
        return reply.status(404).send({ error: "Niet gevonden.", field: null });
      }
      return reply.type("text/html").header("Cache-Control", "no-cache").sendFile("index.html");
    });
  } else {
    app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: "Niet gevonden.", field: null }));
  }
  return app;
}
