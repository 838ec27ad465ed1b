import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.ts";
import { buildApp } from "../app.ts";

const root = resolve(import.meta.dirname, "../../..");

/** An API-only app (no web build) on the given database, with rate limits out of the way. */
export function buildTestApp(database: Database): Promise<FastifyInstance> {
  return buildApp({
    database,
    config: { contentDir: join(root, "content"), webDir: join(root, "does-not-exist"), createChecksPerMinute: 100_000, logLevel: "silent" },
  });
}
