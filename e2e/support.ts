import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Helpers of the browser tests that are not fixtures (those are in fixtures.ts). */

const root = resolve(import.meta.dirname, "..");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Locally a missing browser skips the browser tests; under CI=true it fails them (see global-setup). */
export const browserAvailable = existsSync(CHROMIUM);

/** The widths every page is tested at (tests loop over these). */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;
/** Every size a test may open a page at: also a beamer in a meeting room, for the pages made for one (spiegelsessie). */
export const PAGE_SIZES = { ...VIEWPORTS, projector: { width: 1920, height: 1080 } } as const;
export type ViewportName = keyof typeof PAGE_SIZES;

/** WCAG 2.1 AA violations on the current page, as readable lines (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ resultTypes: ["violations"] })
    .setLegacyMode(true)
    .analyze();
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

/** An account's session (a `Cookie` header value from the API factories) in a browser page's context. */
export async function signedIn(page: Page, url: string, cookie: string): Promise<void> {
  const origin = new URL(url).origin;
  await page
    .context()
    .addCookies(
      cookie.split("; ").map((pair) => ({ name: pair.split("=")[0] ?? "", value: pair.slice(pair.indexOf("=") + 1), url: origin })),
    );
}
