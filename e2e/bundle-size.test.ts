import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { createCheck } from "../src/server/test/factories.ts";
import { test } from "./fixtures.ts";
import { browserAvailable } from "./support.ts";

/**
 * The first-load budget of issue 13: what a browser with an empty cache downloads to show a page, in gzip bytes.
 * Each JS and CSS response the page loads until the network is idle is gzipped here with zlib at level 9, so the
 * figure depends on the bytes of the build only, not on how the server compresses them (brotli is smaller still).
 * 1 kB = 1,000 bytes. The Lighthouse reports (`npm run lighthouse`, docs/lighthouse/) measure the same pages.
 */
export const JS_BUDGET_BYTES = 130_000;
export const CSS_BUDGET_BYTES = 30_000;

type Asset = { path: string; kind: "js" | "css"; raw: number; gzip: number };

/** The kind of a response the budget counts, or null for everything else (HTML, JSON, fonts, images). */
function kindOf(resourceType: string, contentType: string, path: string): "js" | "css" | null {
  if (resourceType === "script" || /javascript/.test(contentType) || path.endsWith(".js")) return "js";
  if (resourceType === "stylesheet" || contentType.startsWith("text/css") || path.endsWith(".css")) return "css";
  return null;
}

/**
 * Opens `path` on a page of a fresh browser context (empty cache), waits until the page shows `ready` and the
 * network is idle, and returns every JS and CSS file it loaded with its size and gzip size.
 */
async function firstLoad(page: Page, url: string, ready: (page: Page) => Promise<unknown>): Promise<Asset[]> {
  const pending: Promise<Asset | null>[] = [];
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    const kind = kindOf(response.request().resourceType(), response.headers()["content-type"] ?? "", path);
    if (!kind) return;
    pending.push(
      response.body().then(
        (body) => ({ path, kind, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
        // A response whose body the browser dropped (a redirect, a cancelled preload) carries no bytes.
        () => null,
      ),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await ready(page);
  // Lazy chunks that the rendered page asked for after the first idle moment.
  await page.waitForLoadState("networkidle");
  const assets = (await Promise.all(pending)).filter((a): a is Asset => a !== null);
  // One file counts once, even when the browser fetched it twice (preload and import).
  return [...new Map(assets.map((a) => [a.path, a])).values()];
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The per-file breakdown, largest first, with totals against the budgets. */
function breakdown(name: string, assets: Asset[]): string {
  const lines = [`${name}: first load (gzip -9 of each file; raw size in brackets)`];
  for (const kind of ["js", "css"] as const) {
    const files = assets.filter((a) => a.kind === kind).sort((a, b) => b.gzip - a.gzip);
    const total = files.reduce((sum, a) => sum + a.gzip, 0);
    const budget = kind === "js" ? JS_BUDGET_BYTES : CSS_BUDGET_BYTES;
    lines.push(`  ${kind.toUpperCase()} ${kB(total)} of ${kB(budget)} budget${total > budget ? " — OVER BUDGET" : ""}`);
    for (const a of files) lines.push(`    ${kB(a.gzip).padStart(9)}  (${kB(a.raw)})  ${a.path}`);
  }
  return lines.join("\n");
}

function expectWithinBudget(name: string, assets: Asset[]): void {
  const total = (kind: Asset["kind"]) => assets.filter((a) => a.kind === kind).reduce((sum, a) => sum + a.gzip, 0);
  const report = breakdown(name, assets);
  console.log(report);
  expect(
    assets.some((a) => a.kind === "js"),
    `${name} loaded no JavaScript at all: is the web app built?`,
  ).toBe(true);
  const over = [
    ...(total("js") > JS_BUDGET_BYTES ? [`JS ${kB(total("js"))} > ${kB(JS_BUDGET_BYTES)}`] : []),
    ...(total("css") > CSS_BUDGET_BYTES ? [`CSS ${kB(total("css"))} > ${kB(CSS_BUDGET_BYTES)}`] : []),
  ];
  expect(over, report).toEqual([]);
}

describe.skipIf(!browserAvailable)("first-load bundle budget (gzip)", () => {
  test("the landing page", async ({ server, newPage }) => {
    const page = await newPage("phone");
    const assets = await firstLoad(page, server.url, (p) => p.getByRole("button", { name: "Start de check" }).waitFor());
    expectWithinBudget("/", assets);
  });

  test("a check's first theme page", async ({ server, api, tool, newPage }) => {
    const id = await createCheck(api);
    const theme = tool.themes[0];
    if (!theme) throw new Error("the tool has no themes");
    const page = await newPage("phone");
    const assets = await firstLoad(page, `${server.url}/check/${id}/thema/${theme.id}`, (p) =>
      p.getByRole("heading", { level: 1, name: theme.title }).waitFor(),
    );
    expectWithinBudget(`/check/<id>/thema/${theme.id}`, assets);
  });
});
