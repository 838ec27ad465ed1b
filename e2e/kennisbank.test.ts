import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_MODERATOR } from "../src/server/test/app.ts";
import {
  browserAvailable,
  expectAccessible,
  launchBrowser,
  screenshot,
  startServer,
  type TestServer,
  VIEWPORTS,
  type ViewportName,
} from "./support.ts";

describe.skipIf(!browserAvailable)("kennisbank in Chromium: search, entries, factors, projectendatabank, moderation", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const resultCount = (page: Page) => page.getByRole("region", { name: "Resultaten" }).getByRole("status").textContent();

  it.each(Object.keys(VIEWPORTS) as ViewportName[])(
    "searches, filters, opens an entry and follows it to its factor at %s width",
    async (viewport) => {
      const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: "nl-NL" });
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}/kennisbank`);
        await page.getByRole("heading", { level: 1 }).waitFor();
        const all = Number((await resultCount(page))?.match(/\d+/)?.[0]);
        expect(all).toBeGreaterThan(70);
        await expectAccessible(page);
        await screenshot(page, "10-kennisbank", viewport);

        // Dutch stemming: "jongere" also finds "jongeren"; the query lands in the URL.
        await page.getByRole("searchbox", { name: "Zoek in de kennisbank" }).fill("jongere");
        await page.getByRole("button", { name: "Zoeken" }).click();
        await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("jongere");
        await expect.poll(() => page.locator("mark").first().textContent()).toMatch(/^jongere/i);
        const found = Number((await resultCount(page))?.match(/\d+/)?.[0]);
        expect(found).toBeGreaterThan(0);

        // Filters combine with the query and with each other.
        await page.getByRole("combobox", { name: "Soort" }).selectOption("praktijkvoorbeeld");
        await expect.poll(() => new URL(page.url()).searchParams.get("type")).toBe("praktijkvoorbeeld");
        const withType = Number((await resultCount(page))?.match(/\d+/)?.[0] ?? 0);
        expect(withType).toBeLessThanOrEqual(found);
        await page.getByRole("combobox", { name: "Thema" }).selectOption("3");
        await expect.poll(() => new URL(page.url()).searchParams.get("theme")).toBe("3");
        const api = await (await fetch(`${server.url}/api/kennisbank?q=jongere&type=praktijkvoorbeeld&theme=3`)).json();
        await expect.poll(async () => (await resultCount(page))?.trim()).toBe(api.total === 1 ? "1 resultaat" : `${api.total} resultaten`);
        await expectAccessible(page);
        await screenshot(page, "11-kennisbank-gefilterd", viewport);

        // Open the first result, then one of the factors it supports, and come back.
        const first = page.getByRole("region", { name: "Resultaten" }).getByRole("article").first().getByRole("link").first();
        const title = (await first.textContent())?.trim() ?? "";
        await first.click();
        await page.getByRole("heading", { level: 1, name: title }).waitFor();
        await expectAccessible(page);
        await screenshot(page, "12-kennisbank-item", viewport);
        const factorLink = page.getByRole("region", { name: "Ondersteunt deze succesfactoren" }).getByRole("link").first();
        const factorId = (await factorLink.textContent())?.match(/^\d\.\d+/)?.[0] ?? "";
        await factorLink.click();
        await page.getByRole("heading", { level: 1, name: `Succesfactor ${factorId}` }).waitFor();
        await page.getByRole("region", { name: /^Verbetertip/ }).waitFor();
        await expect
          .poll(() => page.getByRole("region", { name: "Zo doen anderen het" }).getByRole("link", { name: title }).count())
          .toBeGreaterThan(0);
        await expectAccessible(page);
        await screenshot(page, "13-succesfactor", viewport);
        await page.getByRole("link", { name: `Terug naar ${title}` }).click();
        await page.getByRole("heading", { level: 1, name: title }).waitFor();
      } finally {
        await context.close();
      }
    },
  );

  it("leads from a low score in the results straight to how others do it", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: "nl-NL" });
    const page = await context.newPage();
    try {
      const { id } = await (
        await fetch(`${server.url}/api/checks`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: '{"toolId":"jongeren-en-arbeid"}',
        })
      ).json();
      await fetch(`${server.url}/api/checks/${id}/answers`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: '{"answers":{"4.17":2,"1.1":9}}',
      });
      await page.goto(`${server.url}/check/${id}/resultaten`);
      await page.getByRole("heading", { level: 1, name: "Jouw scores" }).waitFor();
      await page
        .getByRole("link", { name: /voorbeelden bij factor 4\.17/ })
        .first()
        .click();
      await expect.poll(() => new URL(page.url()).searchParams.get("factor")).toBe("4.17");
      const expected = (await (await fetch(`${server.url}/api/kennisbank?factor=4.17`)).json()).total;
      await expect.poll(async () => (await resultCount(page))?.trim()).toBe(expected === 1 ? "1 resultaat" : `${expected} resultaten`);

      // And on the tips page, the aandachtspunt shows its examples.
      await page.goto(`${server.url}/check/${id}/tips`);
      const examples = page.getByRole("region", { name: "Zo doen anderen het (bij factor 4.17)" });
      await expect.poll(() => examples.getByRole("link").count()).toBeGreaterThan(0);
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });

  it("takes a submitted project, lets a moderator approve it, and then finds it", async () => {
    const origin = { origin: server.url, "content-type": "application/json" };
    await fetch(`${server.url}/api/auth/sign-up/email`, { method: "POST", headers: origin, body: JSON.stringify({ ...TEST_MODERATOR }) });
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: "nl-NL" });
      const page = await context.newPage();
      const title = `Fietsatelier Kanaalzone ${viewport}`;
      try {
        await page.goto(`${server.url}/kennisbank/inzenden`);
        await page.getByRole("heading", { level: 1, name: "Stuur je project in" }).waitFor();
        // An empty submit shows the error summary, naming the fields.
        await page.getByRole("button", { name: "Project insturen" }).click();
        const summary = page.getByRole("region", { name: "Controleer je invoer" });
        await summary.waitFor();
        expect(await summary.getByRole("link", { name: /Naam van het project/ }).count()).toBeGreaterThan(0);
        await expectAccessible(page);
        await screenshot(page, "14-inzenden-fouten", viewport);

        await page.getByRole("radio", { name: "praktijkvoorbeeld", exact: false }).first().check();
        await page.getByRole("textbox", { name: "Naam van het project" }).fill(title);
        await page
          .getByRole("textbox", { name: "Korte samenvatting" })
          .fill("Jongeren repareren fietsen en leren zo werken in een echt bedrijf.");
        await page
          .getByRole("textbox", { name: "Beschrijving" })
          .fill("In het atelier werken jongeren onder begeleiding van een vakman aan fietsen van buurtbewoners.");
        await page.getByRole("textbox", { name: "Organisatie" }).fill("Stichting Kanaalzone");
        await page.getByRole("textbox", { name: "Regio of gemeente" }).fill("Gemeente Voorbeeld");
        await page.getByRole("button", { name: "Project insturen" }).click();
        await page.getByRole("heading", { level: 1, name: "Je inzending wordt beoordeeld" }).waitFor();
        const statusUrl = page.url();
        await expectAccessible(page);
        await screenshot(page, "15-inzending-status", viewport);

        // Not visible before approval.
        expect(
          (await (await fetch(`${server.url}/api/kennisbank?q=${encodeURIComponent("Fietsatelier Kanaalzone")}`)).json()).results.map(
            (r: { title: string }) => r.title,
          ),
        ).not.toContain(title);

        await page.goto(`${server.url}/moderatie`);
        await page.getByRole("textbox", { name: "E-mailadres" }).fill(TEST_MODERATOR.email);
        await page.getByRole("textbox", { name: "Wachtwoord" }).fill(TEST_MODERATOR.password);
        await page.getByRole("button", { name: "Inloggen" }).click();
        const card = page.getByRole("article", { name: title });
        await card.waitFor();
        await expectAccessible(page);
        await screenshot(page, "16-moderatie", viewport);
        await card.getByRole("button", { name: "Goedkeuren" }).click();
        await expect.poll(() => page.getByRole("article", { name: title }).count()).toBe(0);

        await page.goto(statusUrl);
        await page.getByRole("heading", { level: 1, name: "Je inzending staat in de kennisbank" }).waitFor();
        await page.goto(`${server.url}/kennisbank?q=${encodeURIComponent("fietsatelier kanaalzone")}`);
        await page.getByRole("link", { name: title }).first().waitFor();
      } finally {
        await context.close();
      }
    }
  });

  it("prints the werkwijze and keeps it accessible", async () => {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: "nl-NL" });
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}/werkwijze`);
        await page.getByRole("region", { name: "Fasen van de begeleiding" }).waitFor();
        await page.getByRole("table", { name: "Doorverwijzen bij persoonlijke omstandigheden" }).waitFor();
        await expectAccessible(page);
        await screenshot(page, "17-werkwijze", viewport);
        await page.emulateMedia({ media: "print" });
        expect(await page.getByRole("navigation", { name: "Hoofdmenu" }).isVisible()).toBe(false);
        expect(await page.getByRole("button", { name: "Print deze werkwijze" }).isVisible()).toBe(false);
        const pdf = await page.pdf({ format: "A4" });
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      } finally {
        await context.close();
      }
    }
  });
});
