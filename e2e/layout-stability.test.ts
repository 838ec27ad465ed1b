import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { createCheck } from "../src/server/test/factories.ts";
import { test } from "./fixtures.ts";
import { browserAvailable, PAGE_SIZES, VIEWPORTS, type ViewportName } from "./support.ts";

/**
 * What Lighthouse counts as cumulative layout shift on the landing page and a check page (issue 13): content that moves
 * once it is on screen. The tests hold the API answer a page waits for until its first render is on screen and the
 * web font is in, then let it through, so the page's arrival of data is the worst case every time (no race with
 * the network), and read the browser's own layout-shift entries.
 */

type Shift = { value: number; sources: string[] };

/** Starts collecting layout-shift entries before any script of the page runs. */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: { value: number; sources: string[] }[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        shifts.push({
          value: entry.value,
          sources: entry.sources.map((s) => (s.node instanceof Element ? s.node.outerHTML.slice(0, 80) : String(s.node))),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The shifts recorded so far, emptying the record. */
const takeShifts = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts.splice(0));

/**
 * Before the data is let through only the web font can move anything: on a loaded machine the preloaded font may
 * arrive after the first paint and swap in for the system's Noto Sans, moving words by a fraction of a pixel (CI saw
 * 0.0002). That stays far below what a reader notices (Lighthouse calls under 0.1 good); anything larger fails.
 */
async function expectOnlyFontSwapBeforeData(page: Page): Promise<void> {
  const total = (await takeShifts(page)).reduce((sum, shift) => sum + shift.value, 0);
  expect(total).toBeLessThan(0.005);
}

/** Holds requests whose path matches until `release` is called. */
async function holdRequests(page: Page, path: RegExp): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => path.test(url.pathname),
    async (route) => {
      await released;
      await route.continue();
    },
  );
  return release;
}

/** While the page waits for its data: the loading status is on screen and the footer below the fold. */
async function expectFooterBelowTheFold(page: Page, viewport: ViewportName): Promise<void> {
  await page.getByRole("status").filter({ hasText: "Bezig met laden" }).waitFor();
  // The web font is in before the data is let through, so only the data's arrival can move anything.
  await page.evaluate(() => document.fonts.ready);
  const footerTop = await page.locator("footer").evaluate((footer) => footer.getBoundingClientRect().top);
  expect(footerTop).toBeGreaterThanOrEqual(PAGE_SIZES[viewport].height);
}

describe.skipIf(!browserAvailable)("layout stability of the first load", () => {
  test.for(Object.keys(VIEWPORTS) as ViewportName[])(
    "the landing page does not move when the tool's intro arrives (%s)",
    async (viewport, { server, newPage }) => {
      const page = await newPage(viewport);
      await recordShifts(page);
      const release = await holdRequests(page, /^\/api\/tools\//);
      await page.goto(server.url);
      await expectFooterBelowTheFold(page, viewport);
      await expectOnlyFontSwapBeforeData(page);
      release();
      await page.getByRole("button", { name: "Start de check" }).waitFor();
      await page.getByText("Toets je eigen project of aanpak").waitFor();
      await page.waitForLoadState("networkidle");
      expect(await takeShifts(page)).toEqual([]);
    },
  );

  test.for(Object.keys(VIEWPORTS) as ViewportName[])(
    "a check page does not move when the check arrives (%s)",
    async (viewport, { server, api, tool, newPage }) => {
      const id = await createCheck(api);
      const theme = tool.themes[0];
      if (!theme) throw new Error("the tool has no themes");
      const page = await newPage(viewport);
      await recordShifts(page);
      const release = await holdRequests(page, new RegExp(`^/api/checks/${id}$`));
      await page.goto(`${server.url}/check/${id}/thema/${theme.id}`);
      await expectFooterBelowTheFold(page, viewport);
      await expectOnlyFontSwapBeforeData(page);
      release();
      await page.getByRole("heading", { level: 1, name: new RegExp(theme.title) }).waitFor();
      await page.waitForLoadState("networkidle");
      expect(await takeShifts(page)).toEqual([]);
    },
  );

  test("the latin web font is preloaded by index.html, at the address the stylesheet uses", async ({ server, newPage }) => {
    const html = await (await fetch(server.url)).text();
    const preload = html.match(/<link rel="preload" href="(\/assets\/noto-sans-latin-wght-normal-[\w-]+\.woff2)" as="font"[^>]*>/);
    expect(preload?.[0], html).toContain("crossorigin");
    const font = preload?.[1] ?? "";
    const stylesheet = html.match(/<link rel="stylesheet"[^>]* href="(\/assets\/[^"]+\.css)"/)?.[1];
    expect(await (await fetch(`${server.url}${stylesheet}`)).text()).toContain(`url(${font})`);

    // The browser uses the preloaded response (it asks for the font once, through the link).
    const page = await newPage("phone");
    const fontRequests: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "font") fontRequests.push(new URL(request.url()).pathname);
    });
    await page.goto(server.url);
    await page.getByRole("button", { name: "Start de check" }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    expect(fontRequests).toEqual([font]);
  });

  test("robots.txt is a text file that lets crawlers in, not the app's page", async ({ server }) => {
    const response = await fetch(`${server.url}/robots.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const body = await response.text();
    expect(body).toMatch(/^User-agent: \*$/m);
    expect(body).toMatch(/^Allow: \/$/m);
    expect(body).not.toContain("<html");
  });
});
