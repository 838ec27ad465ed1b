import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { TEST_MODERATOR } from "../src/server/test/app.ts";
import { type Api, createCheck, saveAnswers, signUp } from "../src/server/test/factories.ts";
import { test } from "./fixtures.ts";
import { mailedVerificationPath } from "./mail.ts";
import { browserAvailable, expectAccessible, screenshot, VIEWPORTS, type ViewportName } from "./support.ts";

describe.skipIf(!browserAvailable)("kennisbank in Chromium: search, entries, factors, projectendatabank, moderation", () => {
  const results = (page: Page) => page.getByRole("region", { name: "Resultaten" });
  const resultCount = (page: Page) => results(page).getByRole("status").textContent();
  /** The shown result count, once the results are in (the status is empty until the first response arrives). */
  const shownCount = async (page: Page) => {
    await expect.poll(() => results(page).getAttribute("aria-busy")).toBe("false");
    await expect.poll(() => resultCount(page)).toMatch(/\d+/);
    return Number((await resultCount(page))?.match(/\d+/)?.[0]);
  };
  /** Waits until the results are in (not busy) and the page shows `total` results, worded as the page does. */
  const expectTotal = (page: Page, total: number) =>
    expect
      .poll(async () => `${await results(page).getAttribute("aria-busy")}: ${(await resultCount(page))?.trim()}`)
      .toBe(`false: ${total === 1 ? "1 resultaat" : `${total} resultaten`}`);
  const apiTotal = async (api: Api, query: string): Promise<number> => (await api("GET", `/api/kennisbank?${query}`)).json().total;

  test.for(Object.keys(VIEWPORTS) as ViewportName[])(
    "searches, filters, opens an entry and follows it to its factor at %s width",
    async (viewport, { server, api, newPage }) => {
      const page = await newPage(viewport);
      await page.goto(`${server.url}/kennisbank`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      const all = await shownCount(page);
      expect(all).toBeGreaterThan(70);
      await expectAccessible(page);
      await screenshot(page, "10-kennisbank", viewport);

      // Dutch stemming: "jongere" also finds "jongeren"; the query lands in the URL.
      await page.getByRole("searchbox", { name: "Zoek in de kennisbank" }).fill("jongere");
      await page.getByRole("button", { name: "Zoeken" }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("jongere");
      await expect.poll(() => page.locator("mark").first().textContent()).toMatch(/^jongere/i);
      await expectTotal(page, await apiTotal(api, "q=jongere"));
      const found = await shownCount(page);
      expect(found).toBeGreaterThan(0);

      // Filters combine with the query and with each other.
      await page.getByRole("combobox", { name: "Soort" }).selectOption("praktijkvoorbeeld");
      await expect.poll(() => new URL(page.url()).searchParams.get("type")).toBe("praktijkvoorbeeld");
      await expectTotal(page, await apiTotal(api, "q=jongere&type=praktijkvoorbeeld"));
      const withType = await shownCount(page);
      expect(withType).toBeLessThanOrEqual(found);
      await page.getByRole("combobox", { name: "Thema" }).selectOption("3");
      await expect.poll(() => new URL(page.url()).searchParams.get("theme")).toBe("3");
      await expectTotal(page, await apiTotal(api, "q=jongere&type=praktijkvoorbeeld&theme=3"));
      await expectAccessible(page);
      await screenshot(page, "11-kennisbank-gefilterd", viewport);

      // Open the first result, then one of the factors it supports, and come back.
      const first = results(page).getByRole("article").first().getByRole("link").first();
      await expect.poll(async () => (await first.textContent())?.trim()).toMatch(/\S/);
      const title = (await first.textContent())?.trim() ?? "";
      await first.click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await expectAccessible(page);
      await screenshot(page, "12-kennisbank-item", viewport);
      const factorLink = page.getByRole("region", { name: "Ondersteunt deze succesfactoren" }).getByRole("link").first();
      await expect.poll(() => factorLink.textContent()).toMatch(/^\d\.\d+/);
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
    },
  );

  test("leads from a low score in the results straight to how others do it", async ({ server, api, newPage }) => {
    const page = await newPage("desktop");
    const id = await createCheck(api);
    await saveAnswers(api, id, { "4.17": 2, "1.1": 9 });
    await page.goto(`${server.url}/check/${id}/resultaten`);
    await page.getByRole("heading", { level: 1, name: "Jouw scores" }).waitFor();
    await page
      .getByRole("link", { name: /voorbeelden bij factor 4\.17/ })
      .first()
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get("factor")).toBe("4.17");
    await expectTotal(page, await apiTotal(api, "factor=4.17"));

    // And on the tips page, the aandachtspunt shows its examples.
    await page.goto(`${server.url}/check/${id}/tips`);
    const examples = page.getByRole("region", { name: "Zo doen anderen het (bij factor 4.17)" });
    await expect.poll(() => examples.getByRole("link").count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  test.for(Object.keys(VIEWPORTS) as ViewportName[])(
    "filters on place, organisation and evidence level and shows an entry's contact, financing and places at %s width",
    async (viewport, { server, api, newPage }) => {
      const page = await newPage(viewport);
      await page.goto(`${server.url}/kennisbank`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      // One list of places: provinces, labour-market regions and municipalities, each in its own group.
      const place = page.getByRole("combobox", { name: "Plaats" });
      await expect.poll(() => place.locator("optgroup").count()).toBeGreaterThanOrEqual(2);
      await place.selectOption({ label: "Fryslân" });
      await expect.poll(() => new URL(page.url()).searchParams.get("province")).toBe("Fryslân");
      await expectTotal(page, await apiTotal(api, "province=Fryslân"));
      await place.selectOption({ label: "Midden-Brabant" });
      await expect.poll(() => new URL(page.url()).searchParams.get("labourRegion")).toBe("Midden-Brabant");
      expect(new URL(page.url()).searchParams.get("province")).toBeNull();
      await expectTotal(page, await apiTotal(api, "labourRegion=Midden-Brabant"));
      await page.getByRole("combobox", { name: "Organisatie" }).selectOption("Jongerenpunt Midden-Brabant");
      await expect.poll(() => new URL(page.url()).searchParams.get("organisation")).toBe("Jongerenpunt Midden-Brabant");
      await expectTotal(page, 1);
      await page.getByRole("combobox", { name: "Bewijsniveau" }).selectOption("niet beoordeeld");
      await expectTotal(page, 1);
      await expectAccessible(page);
      await screenshot(page, "18-kennisbank-plaats-organisatie", viewport);

      await results(page).getByRole("article").first().getByRole("link").first().click();
      await page.getByRole("heading", { level: 1 }).waitFor();
      const facts = page.locator(".entry-facts");
      await expect.poll(() => facts.textContent()).toContain("De programmamanager van Jongerenpunt Midden-Brabant");
      const text = (await facts.textContent()) ?? "";
      expect(text).toContain("arbeidsmarktregio Midden-Brabant");
      expect(text).toContain("provincie Noord-Brabant");
      expect(text).toContain("niet beoordeeld");
      await expectAccessible(page);
      await screenshot(page, "19-kennisbank-item-velden", viewport);
    },
  );

  test("takes a submitted project, lets a moderator approve it, and then finds it", async ({ server, api, newPage }) => {
    await signUp(api, TEST_MODERATOR.email, TEST_MODERATOR.password, TEST_MODERATOR.name);
    // Moderator rights need the address verified: follow the link in the mail.
    await expect.poll(() => mailedVerificationPath(server.mailDir, TEST_MODERATOR.email), { timeout: 15_000 }).toBeDefined();
    await api("GET", mailedVerificationPath(server.mailDir, TEST_MODERATOR.email) ?? "");
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const page = await newPage(viewport);
      const title = `Fietsatelier Kanaalzone ${viewport}`;
      await page.goto(`${server.url}/kennisbank/inzenden`);
      await page.getByRole("heading", { level: 1, name: "Stuur je project in" }).waitFor();
      // An empty submit shows the error summary, naming the fields.
      await page.getByRole("button", { name: "Project insturen" }).click();
      const summary = page.getByRole("region", { name: "Controleer je invoer" });
      await summary.waitFor();
      await expect.poll(() => summary.getByRole("link", { name: /Naam van het project/ }).count()).toBeGreaterThan(0);
      // The summary takes focus, so the errors are read out first.
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
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
      await page.getByRole("textbox", { name: /^Contact/ }).fill("atelier@kanaalzone.example");
      await page.getByRole("textbox", { name: /^Looptijd/ }).fill("sinds 2022");
      await page.getByRole("combobox", { name: "Bewijsniveau" }).selectOption("goed beschreven");
      await page.getByRole("button", { name: "Project insturen" }).click();
      await page.getByRole("heading", { level: 1, name: "Je inzending wordt beoordeeld" }).waitFor();
      const statusUrl = page.url();
      await expectAccessible(page);
      await screenshot(page, "15-inzending-status", viewport);

      // Not visible before approval.
      expect(
        (await api("GET", `/api/kennisbank?q=${encodeURIComponent("Fietsatelier Kanaalzone")}`))
          .json()
          .results.map((r: { title: string }) => r.title),
      ).not.toContain(title);

      await page.goto(`${server.url}/moderatie`);
      await page.getByRole("textbox", { name: "E-mailadres" }).fill(TEST_MODERATOR.email);
      await page.getByRole("textbox", { name: "Wachtwoord" }).fill(TEST_MODERATOR.password);
      await page.getByRole("button", { name: "Inloggen" }).click();
      const card = page.getByRole("article", { name: title });
      await card.waitFor();
      // The moderator sees the new fields as submitted.
      await expect.poll(() => card.textContent()).toContain("atelier@kanaalzone.example");
      expect(await card.textContent()).toContain("goed beschreven");
      await expectAccessible(page);
      await screenshot(page, "16-moderatie", viewport);
      await card.getByRole("button", { name: "Goedkeuren" }).click();
      await expect.poll(() => page.getByRole("article", { name: title }).count()).toBe(0);

      await page.goto(statusUrl);
      await page.getByRole("heading", { level: 1, name: "Je inzending staat in de kennisbank" }).waitFor();
      await page.goto(`${server.url}/kennisbank?q=${encodeURIComponent("fietsatelier kanaalzone")}`);
      await page.getByRole("link", { name: title }).first().waitFor();
    }
  });

  test("prints the werkwijze and keeps it accessible", async ({ server, newPage }) => {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const page = await newPage(viewport);
      await page.goto(`${server.url}/werkwijze`);
      await page.getByRole("region", { name: "Fasen van de begeleiding" }).waitFor();
      await page.getByRole("table", { name: "Doorverwijzen bij persoonlijke omstandigheden" }).waitFor();
      await expectAccessible(page);
      await screenshot(page, "17-werkwijze", viewport);
      await page.emulateMedia({ media: "print" });
      await expect.poll(() => page.getByRole("navigation", { name: "Hoofdmenu" }).isVisible()).toBe(false);
      await expect.poll(() => page.getByRole("button", { name: "Print deze werkwijze" }).isVisible()).toBe(false);
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    }
  });
});
