import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../db/client.ts";
import type { AppOptions } from "../app.ts";
import { buildTestApp } from "./app.ts";
import type { DatabaseTarget } from "./databases.ts";
import { type Api, injectApi } from "./factories.ts";

export type TestApp = { app: FastifyInstance; database: Database; api: Api };

/**
 * The app of one API test file: before its tests, a database of the file's own (copied from the migrated template)
 * and the app on it; after them, both closed. Read the fields inside tests and hooks, not at collection time.
 * `overrides` may be a function, run first, for configuration that needs something started (a mail server).
 */
export function useTestApp(
  target: DatabaseTarget,
  overrides: Partial<AppOptions["config"]> | (() => Promise<Partial<AppOptions["config"]>>) = {},
): TestApp {
  const ctx = {} as TestApp;
  beforeAll(async () => {
    ctx.database = await target.open();
    ctx.app = await buildTestApp(ctx.database, typeof overrides === "function" ? await overrides() : overrides);
    ctx.api = injectApi(ctx.app);
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}
