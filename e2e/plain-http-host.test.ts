import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startServer, type TestServer } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot } from "./support.ts";

/** A name that is not localhost: browsers treat only localhost (and 127.0.0.1) as a secure context over plain http. */
const HOST = "verbetertool.test";

/**
 * The app served over plain http on a host name other than localhost, as on an intranet or a test machine, renders
 * and works: no `upgrade-insecure-requests` that sends the browser to an https address the app does not serve.
 * Chromium resolves the name to the loopback address the server listens on.
 */
describe.skipIf(!browserAvailable)(`the app on http://${HOST}:<port>`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // Without PUBLIC_URL, links follow the address the browser used.
    server = await startServer({ publicUrl: undefined });
    browser = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("renders the start page and starts a check", async () => {
    const url = `http://${HOST}:${new URL(server.url).port}/`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "nl-NL" });
    context.setDefaultTimeout(60_000);
    try {
      const page = await context.newPage();
      const response = await page.goto(url);
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent({ timeout: 5_000 }))
        .toContain("Verbetertool Jongeren & Arbeid");
      // What made it blank before: the browser was told to fetch every asset over https.
      expect(response?.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
      expect(response?.headers()["strict-transport-security"]).toBeUndefined();
      await page.getByRole("button", { name: "Start de check" }).waitFor();
      await expectAccessible(page);
      await screenshot(page, "plain-http-host", "desktop");

      // Starting a check is a state-changing request from this origin: the Origin check lets it through.
      await page.getByRole("button", { name: "Start de check" }).click();
      await page.getByRole("heading", { level: 1, name: /^Stap 1 van 7: / }).waitFor();
      expect(new URL(page.url()).origin).toBe(`http://${HOST}:${new URL(server.url).port}`);
      expect(new URL(page.url()).pathname).toMatch(/^\/check\/[A-Za-z0-9_-]+/);
    } finally {
      await context.close();
    }
  });
});
