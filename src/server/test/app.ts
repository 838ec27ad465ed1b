import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.ts";
import { type AppOptions, buildApp } from "../app.ts";

const root = resolve(import.meta.dirname, "../../..");

export const TEST_MODERATOR = { email: "moderator@example.nl", password: "moderator-wachtwoord-1", name: "Moderator" };

/** App configuration for tests and benchmarks: the real content, no web build, generous rate limits. */
export function testAppConfig(overrides: Partial<AppOptions["config"]> = {}): AppOptions["config"] {
  return {
    contentDir: join(root, "content"),
    webDir: join(root, "does-not-exist"),
    createChecksPerMinute: 100_000,
    logLevel: "silent",
    secret: "test-secret-that-is-long-enough-for-better-auth",
    publicUrl: "http://localhost:3000",
    moderatorEmails: [TEST_MODERATOR.email],
    dataDir: join(tmpdir(), "verbetertool-test-data"),
    mailFrom: "test@localhost",
    ...overrides,
  };
}

/**
 * An API-only app on the given database. `options`: a log destination (tests that read the log lines), a metrics
 * token (default: METRICS_TOKEN, normally unset, so /metrics answers on loopback only) and render pool limits.
 */
export function buildTestApp(
  database: Database,
  overrides: Partial<AppOptions["config"]> = {},
  options: Pick<AppOptions, "logger" | "metricsToken" | "render"> = {},
): Promise<FastifyInstance> {
  return buildApp({ database, config: testAppConfig(overrides), ...options });
}
