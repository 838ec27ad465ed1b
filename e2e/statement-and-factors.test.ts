import { describe, expect } from "vitest";
import { test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, VIEWPORTS, type ViewportName } from "./support.ts";

describe.skipIf(!browserAvailable)("accessibility statement and Markdown in factor pages, in Chromium", () => {
  test.for(Object.keys(VIEWPORTS) as ViewportName[])(
    "factor 6.26 shows its Markdown as markup, and a tip's list as a list, at %s width",
    async (viewport, { server, newPage }) => {
      const page = await newPage(viewport);
      await page.goto(`${server.url}/factoren/6.26`);
      await page.getByRole("heading", { level: 1, name: "Succesfactor 6.26" }).waitFor();
      const main = page.getByRole("main");
      // The clarification's **jobcarving** is bold text, and no raw Markdown is left anywhere on the page.
      await expect.poll(() => main.locator("strong", { hasText: "jobcarving" }).count()).toBe(1);
      await main.getByRole("heading", { name: "Jobcarven" }).waitFor();
      expect(await main.textContent()).not.toMatch(/\*\*|\]\(/);
      expect(await main.locator("strong", { hasText: "Mooi Werk Tool" }).count()).toBe(1);
      await expectAccessible(page);
      await screenshot(page, "13-succesfactor-6.26", viewport);

      // A tip written as a sentence and three "- " lines is a paragraph and a real list of three items.
      await page.goto(`${server.url}/factoren/7.30`);
      const tip = main.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Vooroordelen wegnemen" }) });
      await tip.waitFor();
      const items = tip.getByRole("list").getByRole("listitem");
      await expect.poll(() => items.count()).toBe(3);
      expect(await items.nth(1).locator("strong").textContent()).toBe("Peer-to-peer aanpak");
      expect(await tip.textContent()).not.toMatch(/\*\*| - /);
      await expectAccessible(page);
      await tip.scrollIntoViewIfNeeded();
      await screenshot(page, "13-succesfactor-7.30-tip-met-lijst", viewport);
    },
  );

  test.for(Object.keys(VIEWPORTS) as ViewportName[])(
    "the footer leads to the accessibility statement, which names its status honestly, at %s width",
    async (viewport, { server, newPage }) => {
      const page = await newPage(viewport);
      await page.goto(`${server.url}/`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.getByRole("contentinfo").getByRole("link", { name: "Toegankelijkheid" }).click();
      await page.getByRole("heading", { level: 1, name: "Toegankelijkheid" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/toegankelijkheid");
      expect(await page.title()).toMatch(/^Toegankelijkheid — /);

      const main = page.getByRole("main");
      for (const heading of [
        "Over welke website gaat dit?",
        "Aan welke eisen toetsen we?",
        "Hoe toegankelijk is de website?",
        "Wat hebben we getest, en hoe?",
        "Wat is het resultaat?",
        "Wat is nog niet goed?",
        "Probleem gevonden? Meld het",
        "Over deze verklaring",
      ]) {
        await main.getByRole("heading", { level: 2, name: heading }).waitFor();
      }
      const text = (await main.textContent()) ?? "";
      expect(text).toContain("Status: eerste maatregelen genomen.");
      expect(text).toContain("WCAG 2.1");
      expect(text).toContain("EN 301 549");
      expect(text).toMatch(/nog geen onderzoek volgens WCAG-EM/);
      expect(text).not.toMatch(/\*\*/);

      // The table of contents moves to its part.
      await main.getByRole("navigation", { name: "Op deze pagina" }).getByRole("link", { name: "Wat is nog niet goed?" }).click();
      await expect.poll(() => new URL(page.url()).hash).toBe("#nog-niet-goed");
      await expectAccessible(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, "32-toegankelijkheid", viewport);
    },
  );
});
