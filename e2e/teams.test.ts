import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import type { Theme, Tool } from "../src/domain/content/schema.ts";
import { respond } from "../src/server/test/factories.ts";
import { type NewPage, test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, VIEWPORTS, type ViewportName } from "./support.ts";

/** An invite link's token is all the respondent pages use; this one is the pattern of a round's links. */
const INVITE_LINK = /\/meedoen\/[A-Za-z0-9_-]{24}$/;

describe.skipIf(!browserAvailable)("team measurement rounds in Chromium: coordinator, young people, colleagues", () => {
  type Respondent = { tool: Tool; newPage: NewPage; viewport: ViewportName };

  type Walk = {
    /** Screenshot names start with this. */
    shots?: string;
    /** First try to hand in with only three themes answered, and see why that is refused. */
    tooFewFirst?: boolean;
    /** A page that is already open; otherwise a browser context of its own. */
    page?: Page;
    /** The page is a shared device: after handing in it resets for the next person. */
    kiosk?: boolean;
  };

  /** Score 1.1, and answer every other factor of the theme n.v.t., as a respondent clicking through would. */
  async function answerTheme(page: Page, theme: Theme, value: number) {
    for (const item of theme.items) {
      await page.locator(`input[name="factor-${item.id}"][value="${item.id === "1.1" ? value : "nvt"}"]`).check();
    }
  }

  /**
   * One respondent: open the link, answer every theme (1.1 with a score, the rest n.v.t.), walk to the end, hand in.
   * Returns the page, which shows the thanks.
   */
  async function respondInBrowser({ tool, newPage, viewport }: Respondent, link: string, value: number, walk: Walk = {}) {
    const { shots } = walk;
    const item11 = tool.themes[0]?.items[0];
    const page = walk.page ?? (await newPage(viewport));
    await page.goto(link);
    await page.getByRole("button", { name: "Begin" }).waitFor();
    if (shots) {
      await expectAccessible(page);
      await screenshot(page, `${shots}-uitnodiging`, viewport);
    }
    await page.getByRole("button", { name: "Begin" }).click();
    await page.getByRole("heading", { level: 1, name: /^Stap 1 van 7/ }).waitFor();
    // Respondent pages live under /meedoen/antwoorden/:id.
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/meedoen\/antwoorden\/[^/]+\/1$/);
    const id = new URL(page.url()).pathname.split("/")[3] ?? "";
    // Read through the page's own cookies: a response started on a shared device opens only there.
    const readCheck = async () => (await page.request.get(`${new URL(page.url()).origin}/api/checks/${id}`)).json();
    const check = await readCheck();
    const wording = check.round.perspective === "youth" ? item11?.youthText : item11?.text;
    await page
      .getByRole("group", { name: wording, exact: true })
      .getByRole("radio", { name: String(value), exact: true })
      .check();
    await expect.poll(async () => (await readCheck()).answers).toEqual({ "1.1": value });
    const answeredUpTo = walk.tooFewFirst ? 3 : 7;
    for (const [index, theme] of tool.themes.entries()) {
      if (index > 0) {
        await page.getByRole("link", { name: "Volgende thema" }).click();
        await page.getByRole("heading", { level: 1, name: new RegExp(`^Stap ${index + 1} van 7`) }).waitFor();
      }
      if (index < answeredUpTo) await answerTheme(page, theme, value);
      if (shots && index === 0) {
        await expectAccessible(page);
        await screenshot(page, `${shots}-thema`, viewport);
      }
    }
    const submit = page.getByRole("button", { name: "Lever je antwoorden in" });
    await page.getByRole("link", { name: "Naar inleveren" }).click();
    await page.getByRole("heading", { level: 1, name: "Inleveren" }).waitFor();
    if (walk.tooFewFirst) {
      await submit.click();
      await page
        .getByRole("alert")
        .filter({ hasText: /te weinig ingevuld/ })
        .waitFor();
      if (shots) {
        await expectAccessible(page);
        await screenshot(page, `${shots}-te-weinig`, viewport);
      }
      for (const [index, theme] of tool.themes.entries()) {
        if (index < answeredUpTo) continue;
        await page.goto(`${new URL(page.url()).origin}/meedoen/antwoorden/${id}/${theme.id}`);
        await page.getByRole("heading", { level: 1, name: new RegExp(`^Stap ${index + 1} van 7`) }).waitFor();
        await answerTheme(page, theme, value);
      }
      await page.goto(`${new URL(page.url()).origin}/meedoen/antwoorden/${id}/inleveren`);
      await page.getByRole("heading", { level: 1, name: "Inleveren" }).waitFor();
    }
    await expect.poll(async () => Object.keys((await readCheck()).answers).length).toBe(31);
    await submit.click();
    await page
      .getByRole("heading", { name: walk.kiosk ? /^Bedankt! Geef het apparaat door/ : "Bedankt! Je antwoorden zijn ingeleverd." })
      .waitFor();
    if (shots) {
      await expectAccessible(page);
      await screenshot(page, `${shots}-ingeleverd`, viewport);
    }
    if (!walk.kiosk) {
      // Coming back through the open link in the same browser: handed in already.
      await page.goto(link);
      await page.getByRole("heading", { level: 1, name: "Je hebt al ingeleverd" }).waitFor();
      await expect.poll(() => page.getByRole("button", { name: "Begin" }).count()).toBe(0);
      if (shots) {
        await expectAccessible(page);
        await screenshot(page, `${shots}-al-ingeleverd`, viewport);
      }
    }
    return page;
  }

  test.for(Object.keys(VIEWPORTS) as ViewportName[])(
    "runs two rounds with mirror and a carried-over action at %s width",
    async (viewport, { server, api, tool, newPage }) => {
      const page = await newPage(viewport);
      const teamName = `Jongerenloket ${viewport}`;
      const respondent: Respondent = { tool, newPage, viewport };
      // Sign up and create a team.
      await page.goto(`${server.url}/account/aanmelden`);
      await page.getByLabel("Naam", { exact: true }).fill("Coördinator Test");
      await page.getByLabel("E-mailadres").fill(`coordinator-${viewport}@example.nl`);
      await page.getByLabel("Wachtwoord", { exact: true }).fill("een-sterk-wachtwoord-1");
      await expectAccessible(page);
      await screenshot(page, "20-aanmelden", viewport);
      await page.getByRole("button", { name: "Account aanmaken" }).click();
      await page.getByLabel("Naam van het team").fill(teamName);
      await page.getByLabel("Organisatie").fill("Gemeente Voorbeeld");
      await page.getByLabel("Gemeente of regio").fill("Regio Voorbeeld");
      await page.getByRole("button", { name: "Team aanmaken" }).click();
      await page.getByRole("heading", { level: 1, name: teamName }).waitFor();
      const teamUrl = page.url();
      await expectAccessible(page);
      await screenshot(page, "21-team", viewport);

      // Start a round and read its links.
      await page.getByLabel("Naam van de meting").fill("Voorjaar");
      await page.getByRole("button", { name: "Start de meting" }).click();
      await page.getByRole("heading", { level: 1, name: "Meting: Voorjaar" }).waitFor();
      const youthLinkBox = page.getByRole("textbox", { name: "Link voor jongeren" });
      const proLinkBox = page.getByRole("textbox", { name: "Link voor professionals" });
      await expect.poll(() => youthLinkBox.inputValue()).toMatch(INVITE_LINK);
      await expect.poll(() => proLinkBox.inputValue()).toMatch(INVITE_LINK);
      const youthLink = await youthLinkBox.inputValue();
      const proLink = await proLinkBox.inputValue();
      await page.getByRole("img", { name: "QR-code voor de link voor jongeren" }).waitFor();
      await expectAccessible(page);
      await screenshot(page, "22-meting", viewport);
      const roundUrl = page.url();

      // Three young people (3, 4, 3 on factor 1.1) and three colleagues (8, 8, 9) answer: the first of each in a
      // browser context of its own, the others through the public API the respondent pages use.
      const origin = new URL(server.url).origin;
      const local = (link: string) => `${origin}${new URL(link).pathname}`;
      await respondInBrowser(respondent, local(youthLink), 3, { shots: "23-jongere", tooFewFirst: true });
      await respond(api, youthLink, { "1.1": 3 });
      if (viewport === "desktop") {
        // The coordinator lends a laptop: a shared device for young people, reset after each hand-in.
        await page.getByRole("button", { name: /^Dit apparaat gebruiken als gedeeld apparaat voor jongeren/ }).click();
        await page.getByRole("button", { name: "Begin" }).waitFor();
        const kiosk = await respondInBrowser(respondent, page.url(), 4, { page, kiosk: true, shots: "29-gedeeld-apparaat" });
        await kiosk.getByRole("link", { name: "Volgende deelnemer" }).click();
        await kiosk.getByRole("button", { name: "Begin" }).waitFor();
        await page.goto(roundUrl);
        await page.getByRole("button", { name: /^Stoppen/ }).click();
        await page.getByRole("status").filter({ hasText: "Dit apparaat is geen gedeeld apparaat meer." }).waitFor();
      } else {
        await respond(api, youthLink, { "1.1": 4 });
      }
      await respondInBrowser(respondent, local(proLink), 8);
      for (const value of [8, 9]) await respond(api, proLink, { "1.1": value });
      // A fourth colleague: waits for the next step and changes no figure.
      await respond(api, proLink, { "1.1": 1 });

      // The mirror shows both perspectives with the largest gap on factor 1.1.
      await page.goto(`${roundUrl}/spiegel`);
      await page.getByRole("heading", { level: 1, name: "Spiegel: Voorjaar" }).waitFor();
      const table = page.getByRole("table", { name: "Gemiddelde per thema per groep, en het grootste verschil" });
      await expect
        .poll(() => table.getByRole("columnheader").allTextContents())
        .toEqual(expect.arrayContaining([expect.stringMatching(/Professionals/), expect.stringMatching(/Jongeren/)]));
      const themeRow = table.getByRole("row").filter({ hasText: tool.themes[0]?.title ?? "" });
      await expect.poll(() => themeRow.textContent()).toMatch(/8,3.*3,3/);
      await page.getByRole("heading", { name: "Grootste verschillen: gespreksstarters" }).waitFor();
      await expectAccessible(page);
      await screenshot(page, "24-spiegel", viewport);
      await page.goto(`${roundUrl}/resultaten`);
      await page.getByRole("heading", { level: 1, name: "Resultaten: Voorjaar" }).waitFor();
      await page.getByText("1 reactie wacht op de volgende stap").first().waitFor();
      await page.locator("nav.perspective-switch").getByRole("link", { name: "Jongeren" }).click();
      // Factor 1.2: every young person chose n.v.t., so there is no mean to show.
      const factorRow = page.getByRole("row").filter({ hasText: "1.2" }).first();
      await expect.poll(() => factorRow.textContent()).toMatch(/te weinig antwoorden/);
      await expectAccessible(page);
      await screenshot(page, "25-resultaten", viewport);

      // A plan action on factor 1.1.
      await page.goto(`${teamUrl}/plan`);
      await page.getByRole("heading", { level: 1, name: /^Teamverbeterplan: / }).waitFor();
      const form = page.getByRole("form", { name: "Nieuwe actie" });
      await form.getByLabel("Wat").fill("Vaste contactmomenten met elke jongere");
      await form.getByLabel("Factor").selectOption("1.1");
      await form.getByRole("button", { name: "Actie toevoegen" }).click();
      await page.getByRole("group", { name: "Actie 1" }).waitFor();

      // Close the round: the invite link refuses new answers.
      await page.goto(roundUrl);
      await page.getByRole("button", { name: "Sluit de meting" }).click();
      await page.getByRole("status").filter({ hasText: "De meting is gesloten." }).first().waitFor();
      const closedPage = await newPage(viewport);
      await closedPage.goto(local(youthLink));
      await closedPage.getByRole("heading", { level: 1, name: "De vragenlijst is dicht" }).waitFor();
      await expect.poll(() => closedPage.getByRole("button", { name: "Begin" }).count()).toBe(0);

      // A second round: the action is still there, next to how the factor's score moved.
      await page.goto(teamUrl);
      await page.getByLabel("Naam van de meting").fill("Najaar");
      await page.getByRole("button", { name: "Start de meting" }).click();
      await page.getByRole("heading", { level: 1, name: "Meting: Najaar" }).waitFor();
      await expect.poll(() => proLinkBox.inputValue()).toMatch(INVITE_LINK);
      const proLink2 = await proLinkBox.inputValue();
      expect(proLink2).not.toBe(proLink);
      // Three colleagues answer 9: the first in the browser, the others through the API.
      await respondInBrowser(respondent, local(proLink2), 9, {});
      for (const value of [9, 9]) await respond(api, proLink2, { "1.1": value });
      await page.goto(`${teamUrl}/plan`);
      const action = page.getByRole("group", { name: "Actie 1" });
      await expect.poll(() => action.getByLabel("Wat").inputValue()).toBe("Vaste contactmomenten met elke jongere");
      await expect.poll(() => page.getByText("Professionals: 8,3 → 9,0 (+0,7)").count()).toBeGreaterThan(0);
      await expectAccessible(page);
      await screenshot(page, "26-teamplan", viewport);
      await page.goto(`${teamUrl}/trend`);
      await page.getByRole("heading", { level: 1, name: `Trend: ${teamName}` }).waitFor();
      await expectAccessible(page);
      await screenshot(page, "27-trend", viewport);
    },
  );

  test("explains privacy", async ({ server, newPage }) => {
    const page = await newPage("desktop");
    await page.goto(server.url);
    await page.getByRole("link", { name: /^Privacy/ }).click();
    await page.getByRole("heading", { level: 1, name: "Privacy" }).waitFor();
    await expectAccessible(page);
    await screenshot(page, "28-privacy", "desktop");
  });
});
