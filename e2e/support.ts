import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { type Database, openDatabase } from "../src/db/client.ts";
import { buildApp } from "../src/server/app.ts";
import { testAppConfig } from "../src/server/test/app.ts";

const root = resolve(import.meta.dirname, "..");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Locally a missing browser skips the browser tests; under CI=true it fails them (see global-setup). */
export const browserAvailable = existsSync(CHROMIUM);

export type TestServer = { url: string; close: () => Promise<void> };

/** The real app (built web + API) on the embedded database in a fresh data directory. */
export async function startServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "verbetertool-e2e-"));
  const database: Database = await openDatabase({ dataDir });
  const app: FastifyInstance = await buildApp({
    database,
    config: testAppConfig({ webDir: join(root, "dist/web") }),
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: address,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
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
    ],
  });
}

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** WCAG 2.1 AA violations on the current page, as readable lines (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Fails the test with the list of WCAG 2.1 AA violations on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page), page.url()).toEqual([]);
}

/** Full-page screenshot into docs/screenshots/<name>-<viewport>.png when SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string, viewport: ViewportName): Promise<void> {
  if (process.env.SCREENSHOTS !== "1") return;
  await page.screenshot({ path: join(root, "docs/screenshots", `${name}-${viewport}.png`), fullPage: true });
}
