import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { addDays, dutchDay } from "../src/domain/dates.ts";
import { createRound, createTeam, respond, signUp } from "../src/server/test/factories.ts";
import { test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, signedIn, type ViewportName } from "./support.ts";

/*
 * Issue 15, item 5 — follow-up over time: the trend per factor and group, the planned next round on the team page,
 * and the actions of the team plan that were due before the latest round.
 */

/** Phone and desktop: these are working pages, not for the projector. */
const viewports: ViewportName[] = ["phone", "desktop"];

/** Whether the page scrolls sideways as a whole (a region of its own may). */
const pageOverflow = (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));

describe.skipIf(!browserAvailable)("follow-up over time in Chromium", () => {
  test("the trend per factor: choose a theme, a table per factor by group, hidden figures stay hidden, fits the page", async ({
    server,
    api,
    newPage,
  }) => {
    const cookie = await signUp(api);
    const teamId = await createTeam(api, cookie, { name: "Team Factortrend" });
    for (const [index, name] of ["Voorjaar 2026", "Najaar 2026"].entries()) {
      const round = await createRound(api, cookie, teamId, { name, perspectives: ["professional", "youth", "employer"] });
      for (const score of [5, 6, 7]) await respond(api, round.invites.professional, { "2.8": score + index, "2.9": score + index * 2 });
      // Young people: three in the second round only; employers: two, so always hidden.
      if (index === 1) for (const score of [4, 5, 6]) await respond(api, round.invites.youth, { "2.8": score });
      for (const score of [8, 9]) await respond(api, round.invites.employer, { "2.8": score });
      expect((await api("POST", `/api/rounds/${round.id}/close`, { cookie })).statusCode).toBe(200);
    }

    for (const viewport of viewports) {
      const page = await newPage(viewport);
      await signedIn(page, server.url, cookie);
      await page.goto(`${server.url}/teams/${teamId}/trend`);
      await page.getByRole("heading", { level: 1, name: "Trend: Team Factortrend" }).waitFor();
      await page.getByRole("link", { name: "Naar de trend per factor" }).click();
      const factorSection = page.getByRole("region", { name: "Trend per factor" });
      await factorSection.waitFor();
      await page.getByLabel("Thema", { exact: true }).selectOption({ label: await themeLabel(page, 2) });
      await expect.poll(() => new URL(page.url()).searchParams.get("thema")).toBe("2");

      const table = page.getByRole("table", { name: "Factor 2.8 (thema 2): gemiddelde per meting en per groep" });
      await table.waitFor();
      expect(await table.getByRole("row").count()).toBe(3);
      const first = (await table.getByRole("row", { name: /Voorjaar 2026/ }).textContent()) ?? "";
      expect(first).toContain("6,0");
      // No young people asked in that round's hand-ins: too few; employers never reached the threshold.
      expect(first).toContain("te weinig antwoorden");
      const second = (await table.getByRole("row", { name: /Najaar 2026/ }).textContent()) ?? "";
      expect(second).toContain("7,0");
      expect(second).toContain("5,0");
      expect(second).not.toContain("8,5");
      await page.getByRole("table", { name: "Factor 2.9 (thema 2): gemiddelde per meting en per groep" }).waitFor();

      const { scrollWidth, viewport: width } = await pageOverflow(page);
      expect(scrollWidth, `page width at ${viewport}`).toBeLessThanOrEqual(width);
      const region = page.getByRole("region", { name: "Factor 2.8 (thema 2): gemiddelde per meting en per groep" });
      const box = await region.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);

      await expectAccessible(page);
      await factorSection.scrollIntoViewIfNeeded();
      await screenshot(page, "70-trend-per-factor", viewport);
    }
  });

  test("a coordinator plans the next round on the team page; a day in the past is refused at the field", async ({
    server,
    api,
    newPage,
  }) => {
    const cookie = await signUp(api);
    const teamId = await createTeam(api, cookie, { name: "Team Planning" });
    await createRound(api, cookie, teamId, { name: "Voorjaar 2026" });
    for (const viewport of viewports) {
      const page = await newPage(viewport);
      await signedIn(page, server.url, cookie);
      await page.goto(`${server.url}/teams/${teamId}`);
      await page.getByRole("heading", { level: 2, name: "Volgende meting" }).waitFor();
      await page.getByText("Er is nog geen volgende meting gepland.").waitFor();
      const date = page.getByLabel("Datum van de volgende meting");
      await date.fill("2020-01-01");
      await page.getByRole("button", { name: "Datum opslaan" }).click();
      await page.getByText("De datum mag niet in het verleden liggen.").waitFor();
      expect(await date.getAttribute("aria-invalid")).toBe("true");
      await expectAccessible(page);

      const planned = addDays(dutchDay(new Date()), 60);
      await date.fill(planned);
      await page.getByRole("button", { name: "Datum opslaan" }).click();
      await page.getByText("De datum is opgeslagen.").waitFor();
      await page.getByText(/^De volgende meting staat gepland op /).waitFor();
      await page.getByText("De coördinatoren krijgen 14 dagen van tevoren een herinnering per e-mail.").waitFor();
      await expectAccessible(page);
      await page.getByRole("region", { name: "Volgende meting" }).scrollIntoViewIfNeeded();
      await screenshot(page, "71-volgende-meting", viewport);

      await page.getByRole("button", { name: "Planning weghalen" }).click();
      await page.getByText("De planning is weggehaald.").waitFor();
      await page.getByText("Er is nog geen volgende meting gepland.").waitFor();
    }
  });

  test("the team plan marks and lists the actions that were due before the latest round and are not done", async ({
    server,
    api,
    newPage,
  }) => {
    const cookie = await signUp(api);
    const teamId = await createTeam(api, cookie, { name: "Team Acties" });
    const today = dutchDay(new Date());
    const add = (payload: Record<string, unknown>) => api("POST", `/api/teams/${teamId}/plan/actions`, { cookie, payload });
    await add({ themeId: "1", factorId: "1.1", what: "Werkgevers uit de regio uitnodigen", when: addDays(today, -30) });
    await add({ themeId: "2", what: "Folder voor jongeren herschrijven", when: addDays(today, -5), status: "bezig" });
    await add({ themeId: "1", what: "Intakegesprek aanpassen", when: addDays(today, -30), status: "klaar" });
    await add({ themeId: "1", what: "Netwerkbijeenkomst houden", when: addDays(today, 30) });
    await createRound(api, cookie, teamId, { name: "Najaar 2026" });

    for (const viewport of viewports) {
      const page = await newPage(viewport);
      await signedIn(page, server.url, cookie);
      await page.goto(`${server.url}/teams/${teamId}/plan`);
      const summary = page.getByRole("region", { name: "2 acties waren gepland vóór Najaar 2026 en zijn nog niet klaar" });
      await summary.waitFor();
      const items = await summary.getByRole("listitem").allTextContents();
      expect(items).toHaveLength(2);
      expect(items[0]).toContain("Werkgevers uit de regio uitnodigen");
      expect(items[1]).toContain("Folder voor jongeren herschrijven");
      expect(items[1]).toContain("thema 2, bezig");

      // On theme 1: the open action from before the round is marked, the done and the future ones are not.
      const marked = page.getByRole("group", { name: "Actie 1" });
      await expect.poll(() => marked.textContent()).toContain("Was gepland vóór deze meting en is nog niet klaar");
      await expect.poll(() => page.getByText("Was gepland vóór deze meting en is nog niet klaar").count()).toBe(1);
      await expectAccessible(page);
      await screenshot(page, "72-plan-acties-voor-meting", viewport);

      // The link in the summary leads to the theme of the action.
      await summary.getByRole("link", { name: "Folder voor jongeren herschrijven" }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/teams/${teamId}/plan/thema/2`);
    }
  });
});

/** The label of theme `number` in the trend's theme choice. */
async function themeLabel(page: Page, number: number): Promise<string> {
  const labels = await page.getByLabel("Thema", { exact: true }).locator("option").allTextContents();
  return labels[number - 1] ?? "";
}
