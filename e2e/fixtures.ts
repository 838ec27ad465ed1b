import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { test as base } from "vitest";
import type { Tool } from "../src/domain/content/schema.ts";
import { buildApp } from "../src/server/app.ts";
import { testAppConfig } from "../src/server/test/app.ts";
import { openPgliteCopy } from "../src/server/test/databases.ts";
import { type Api, httpApi, TOOL_ID } from "../src/server/test/factories.ts";
import { CHROMIUM, PAGE_SIZES, type ViewportName } from "./support.ts";

const root = resolve(import.meta.dirname, "..");

const PLAYWRIGHT_TIMEOUT_MS = 120_000;

/** `mailDir`: where the app's development mail transport writes its mails (one text file per mail). */
export type TestServer = { url: string; mailDir: string; close: () => Promise<void> };

/**
 * The real app (built web + API) on an in-memory PGlite loaded from the migrated template the global setup made, so
 * no file migrates from scratch. Mail (the development transport) goes into a data directory of its own.
 */
export async function startServer(overrides: Parameters<typeof testAppConfig>[0] = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "verbetertool-e2e-"));
  const database = await openPgliteCopy();
  const app = await buildApp({ database, config: testAppConfig({ webDir: join(root, "dist/web"), dataDir, ...overrides }) });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url,
    mailDir: join(dataDir, "mail"),
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian Chromium, headless, quiet; `extraArgs` for a test that needs more (e.g. host resolver rules). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}

/** A page in a browser context of its own (Dutch, at the viewport's size); the fixture closes it after the test. */
export type NewPage = (viewport: ViewportName) => Promise<Page>;

/**
 * The fixtures of every browser test. Per file: `server` (the real app on a copy of the template database),
 * `browser` (Chromium), `api` (factories' client on that server) and `tool` (the tool's content as the API serves
 * it). Per test: `newPage`. Fixtures are set up on first use, so a skipped suite starts nothing.
 */
export const test = base
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this destructuring
  .extend("server", { scope: "file" }, async ({}, { onCleanup }) => {
    const server = await startServer();
    onCleanup(() => server.close());
    return server;
  })
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this destructuring
  .extend("browser", { scope: "file" }, async ({}, { onCleanup }) => {
    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend("api", { scope: "file" }, ({ server }): Api => httpApi(server.url))
  .extend("tool", { scope: "file" }, async ({ api }): Promise<Tool> => {
    const res = await api("GET", `/api/tools/${TOOL_ID}`);
    if (res.statusCode !== 200) throw new Error(`the tool: expected 200, got ${res.statusCode} ${res.body}`);
    return res.json();
  })
  .extend("newPage", ({ browser }, { onCleanup }): NewPage => {
    const contexts: BrowserContext[] = [];
    onCleanup(async () => {
      await Promise.all(contexts.map((context) => context.close()));
    });
    return async (viewport) => {
      const context = await browser.newContext({ viewport: PAGE_SIZES[viewport], locale: "nl-NL", acceptDownloads: true });
      // Playwright waits 30 s by default; on a loaded 2-core machine a PDF report or a page can take longer than that
      // without anything being wrong. Tests wait for what they need, so a longer limit only slows a real failure.
      context.setDefaultTimeout(PLAYWRIGHT_TIMEOUT_MS);
      contexts.push(context);
      return context.newPage();
    };
  });
