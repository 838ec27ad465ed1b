// A server for the benchmark, in its own process so the load generator does not share its event loop.
//   floor: bare Fastify with the floors — GET /hello (hello-world), PATCH /floor/upsert/:id (one upsert of a jsonb
//          `answers` column with `answers || $1`) and GET /floor/select/:id (one select by primary key) — on a database
//          opened like the app's (same PGlite options, same pg pool), in a table of its own.
//   app:   the real app (buildApp, everything a request passes through) on a fresh database.
// The database: BENCH_DATABASE_URL (PostgreSQL) or a fresh embedded one in a temporary directory. The app process
// also seeds round responses when the bench asks (IPC message "seed"), since only it may open the embedded database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import Fastify from "fastify";
import { type Database, openDatabase } from "../src/db/client.ts";
import { type RawStatement, rawStatement } from "../src/db/prepared.ts";
import { buildApp } from "../src/server/app.ts";
import { batchedLogDestination } from "../src/server/observability/logger.ts";
import { testAppConfig } from "../src/server/test/app.ts";
import { defaultTool, loadTools } from "../src/server/tools/load.ts";
import { seedHandedInResponses } from "./seed.ts";

export type SeedRequest = { type: "seed"; id: number; roundId: string; count: number };
export type SeedReply = { type: "seeded"; id: number; submissions?: number; error?: string };

const mode = process.argv[2];
const root = resolve(import.meta.dirname, "..");
const url = process.env.BENCH_DATABASE_URL;
const dataDir = url ? undefined : mkdtempSync(join(tmpdir(), `verbetertool-bench-${mode}-`));
const database: Database = url ? await openDatabase({ url }) : await openDatabase({ dataDir });
process.once("exit", () => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
const stop = async () => {
  await database.close().catch(() => {});
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("disconnect", () => void stop());

/**
 * One parameterised statement on the raw driver, no query builder: prepared once and run by name, the way the app runs
 * its hot statements (src/db/prepared.ts: a named node-postgres statement; on PGlite a named statement run with one
 * Bind/Execute/Sync exchange). The floor gets the same database access as the app, so a ratio measures the app's
 * stack, not a slower way to reach the database. BENCH_FLOOR_QUERY=1 uses PGlite's `query` instead (parse, describe
 * and plan on every call), the floor before decision 0022.
 */
const statements = new Map<string, RawStatement>();
async function rawQuery(text: string, values: string[], name: string): Promise<unknown[][]> {
  if (process.env.BENCH_FLOOR_QUERY === "1" && !database.pool) {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    return (await client.query<unknown[]>(text, values, { rowMode: "array" })).rows;
  }
  let statement = statements.get(name);
  if (!statement) {
    statement = rawStatement(database.db, name, text);
    statements.set(name, statement);
  }
  return (await statement.run(values)).rows;
}

if (mode === "floor") {
  await rawQuery(
    "CREATE TABLE IF NOT EXISTS bench_floor (id text PRIMARY KEY, answers jsonb NOT NULL DEFAULT '{}'::jsonb)",
    [],
    "floor-create",
  );
  const app = Fastify();
  app.get("/hello", async () => ({ hello: "world" }));
  app.patch<{ Params: { id: string }; Body: { answers: Record<string, unknown> } }>("/floor/upsert/:id", async (request) => {
    await rawQuery(
      "INSERT INTO bench_floor (id, answers) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET answers = bench_floor.answers || $2::jsonb",
      [request.params.id, JSON.stringify(request.body.answers)],
      "floor-upsert",
    );
    return { id: request.params.id };
  });
  app.get<{ Params: { id: string } }>("/floor/select/:id", async (request, reply) => {
    const [row] = await rawQuery("SELECT answers FROM bench_floor WHERE id = $1", [request.params.id], "floor-select");
    if (!row) return reply.status(404).send({ error: "not found" });
    // Text from a prepared statement; PGlite's `query` (BENCH_FLOOR_QUERY=1) parses jsonb itself.
    return { answers: typeof row[0] === "string" ? JSON.parse(row[0]) : row[0] };
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  process.send?.({ url: address, database: database.kind });
} else if (mode === "app") {
  // Logging as in production (LOG_LEVEL info, one line per request, the same batched destination as stdout in
  // production), to /dev/null so the bench's own output stays readable. BENCH_APP_LOG=0 turns it off.
  const logging = process.env.BENCH_APP_LOG !== "0";
  const config = testAppConfig({ webDir: join(root, "dist/web"), logLevel: logging ? "info" : "silent" });
  const tool = defaultTool(loadTools(config.contentDir));

  const app = await buildApp({
    database,
    config,
    logger: logging ? { destination: batchedLogDestination("/dev/null") } : false,
    // The real render pool (threads, queue), without the per-client download limit: all load comes from one address.
    render: { downloadsPerMinute: Number.MAX_SAFE_INTEGER },
  });
  process.on("message", (message: SeedRequest) => {
    if (message?.type !== "seed") return;
    seedHandedInResponses(database.db, tool, message.roundId, message.count).then(
      (submissions) => process.send?.({ type: "seeded", id: message.id, submissions } satisfies SeedReply),
      (error: unknown) => process.send?.({ type: "seeded", id: message.id, error: String(error) } satisfies SeedReply),
    );
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  process.send?.({ url: address, database: database.kind });
} else {
  throw new Error(`bench server: unknown mode ${mode}`);
}
