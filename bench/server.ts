// A server for the benchmark, in its own process so the load generator does not share its event loop.
// Mode "hello": a bare Fastify hello-world (the baseline). Mode "app": the real app on a fresh embedded database.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Fastify from "fastify";
import { openDatabase } from "../src/db/client.ts";
import { buildApp } from "../src/server/app.ts";
import { testAppConfig } from "../src/server/test/app.ts";

const mode = process.argv[2];
const root = resolve(import.meta.dirname, "..");

if (mode === "hello") {
  const app = Fastify();
  app.get("/hello", async () => ({ hello: "world" }));
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  process.send?.({ url });
} else {
  const database = process.env.DATABASE_URL
    ? await openDatabase({ url: process.env.DATABASE_URL })
    : await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), "verbetertool-bench-")) });
  const app = await buildApp({
    database,
    config: testAppConfig({ webDir: join(root, "dist/web") }),
    // The real render pool (threads, queue), without the per-client download limit: all load comes from one address.
    render: { downloadsPerMinute: Number.MAX_SAFE_INTEGER },
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  process.send?.({ url, database: database.kind });
}
