// Entry: configuration → database → secret → app → listen. A problem the operator must fix (StartupError: bad
// configuration, unreachable database, data directory in use, port taken) is printed as its message alone, one line
// per problem, and ends the process with exit code 1; any other error keeps its stack trace.
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/client.ts";
import { type Config, loadConfigOrExit, resolveSecret } from "./config.ts";
import { exitOnStartupError, StartupError } from "./startup-error.ts";

/** Listen errors an operator can fix, as one line. */
function listenProblem(error: unknown, config: Config): StartupError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `${config.host}:${config.port}`;
  if (code === "EADDRINUSE")
    return new StartupError(`Start mislukt: poort ${where} is al in gebruik (kies een andere PORT of stop het andere proces)`);
  if (code === "EACCES") return new StartupError(`Start mislukt: geen toestemming om op ${where} te luisteren (kies een PORT boven 1023)`);
  if (code === "EADDRNOTAVAIL") return new StartupError(`Start mislukt: HOST ${config.host} is geen adres van deze machine`);
  return undefined;
}

const config = await loadConfigOrExit();

// Loaded only once the configuration is valid, so a bad value is reported at once. The database starts while the
// app's modules load: the embedded database spends part of its start waiting for its WebAssembly to compile (on other
// threads) and for files, and PostgreSQL for the network, which the event loop fills with loading the app.
const { openDatabase } = await import("../db/client.ts");
const appModule = import("./app.ts");
// Awaited below; a failure that comes while the database still starts must not count as unhandled meanwhile.
appModule.catch(() => {});

let database: Database | undefined;
let app: FastifyInstance | undefined;
try {
  database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  const secret = await resolveSecret(config, database);
  const { buildApp } = await appModule;
  const started = await buildApp({ config: { ...config, secret }, database, logger: true, metricsToken: config.metricsToken });
  app = started;
  const opened = database;

  const shutdown = async (signal: string) => {
    started.log.info(`${signal}: shutting down`);
    await started.close();
    await opened.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    await started.listen({ port: config.port, host: config.host });
  } catch (error) {
    throw listenProblem(error, config) ?? error;
  }
  if (!config.publicUrl)
    started.log.warn(
      "PUBLIC_URL is not set: links in answers and mails follow the Host header of each request (development only; set PUBLIC_URL in production)",
    );
  started.log.info(`Verbetertool draait op ${config.publicUrl ?? `http://localhost:${config.port}`} (database: ${database.kind})`);
} catch (error) {
  await app?.close().catch(() => {});
  await database?.close().catch(() => {});
  await exitOnStartupError(error);
}
