import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { formatScore } from "../src/domain/checks/format.ts";
import type { Tool } from "../src/domain/content/schema.ts";
import type { Perspective } from "../src/domain/teams/perspectives.ts";
import { type Api, createRound, createTeam, respond, signUp } from "../src/server/test/factories.ts";
import { test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, signedIn, VIEWPORTS, type ViewportName } from "./support.ts";

/** Text on a respondent page that looks like an item number ("1.1", "6.27"). */
const ITEM_NUMBER = /(^|\s|\()[1-7]\.\d{1,2}(?=[\s).:,]|$)/m;
/** Informal address, which an employer or a ketenpartner is never given. */
const INFORMAL = /\b(je|jij|jou|jouw|jullie)\b/i;

/**
 * What every respondent page owes its reader: no site navigation, no language switch, no item numbers, and the
 * saved notice never lying over text. Returns the page's main text.
 */
async function expectRespondentPage(page: Page): Promise<string> {
  expect(await page.getByRole("navigation", { name: "Hoofdmenu" }).count(), page.url()).toBe(0);
  expect(await page.getByText("English", { exact: true }).count(), page.url()).toBe(0);
  // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees, without hidden elements, is the point here
  const text = await page.locator("main").innerText();
  expect(text, page.url()).not.toMatch(ITEM_NUMBER);
  const covered = await page.evaluate(() => {
    const status = document.querySelector(".save-status");
    if (!status) return [];
    const s = status.getBoundingClientRect();
    if (s.width === 0 || s.height === 0) return [];
    return [...document.querySelectorAll("main h1, main h2, main p, main legend, main label")]
      .filter((el) => !status.contains(el))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom;
      })
      .map((el) => el.textContent?.slice(0, 60));
  });
  expect(covered, `text under the saved notice on ${page.url()}`).toEqual([]);
  // The skip link shows only when it has focus (full-page screenshots draw it anyway: fixed elements are painted there).
  const skipLinkShown = await page.evaluate(() => {
    const link = document.querySelector(".utrecht-skip-link");
    return Boolean(link && document.activeElement !== link && link.getBoundingClientRect().bottom > 0);
  });
  expect(skipLinkShown, page.url()).toBe(false);
  return text;
}

type Answer = number | "nvt" | "weetniet";

/**
 * One respondent in their own browser: open the link, begin, answer every theme (factor 1.1 with `first`, every other
 * asked factor with `rest`), hand in. On every page: the respondent page rules and axe. Returns the page, showing
 * the thanks, and the main text of every theme page.
 */
async function answerInBrowser(
  page: Page,
  {
    link,
    tool,
    perspective,
    first,
    rest,
    shots,
    viewport,
  }: {
    link: string;
    tool: Tool;
    perspective: Perspective;
    first: Answer;
    rest: Answer;
    shots: string;
    viewport: ViewportName;
  },
): Promise<string[]> {
  await page.goto(link);
  await page.getByRole("button", { name: "Begin" }).waitFor();
  await expectRespondentPage(page);
  await expectAccessible(page);
  await screenshot(page, `${shots}-uitnodiging`, viewport);
  await page.getByRole("button", { name: "Begin" }).click();
  await page.getByRole("heading", { level: 1, name: /^Stap 1 van 7/ }).waitFor();
  await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/meedoen\/antwoorden\/[^/]+\/1$/);
  const id = new URL(page.url()).pathname.split("/")[3] ?? "";
  const readCheck = async () => (await page.request.get(`${new URL(page.url()).origin}/api/checks/${id}`)).json();

  const texts: string[] = [];
  for (const [index, theme] of tool.themes.entries()) {
    if (index > 0) {
      await page.getByRole("link", { name: "Volgende thema" }).click();
      await page.getByRole("heading", { level: 1, name: new RegExp(`^Stap ${index + 1} van 7`) }).waitFor();
    }
    for (const item of theme.items) {
      const radios = page.locator(`input[name="factor-${item.id}"]`);
      if (item.notAskedOf?.some((p) => p === perspective)) {
        expect(await radios.count(), `factor ${item.id} is not asked of ${perspective}`).toBe(0);
        continue;
      }
      await radios.and(page.locator(`[value="${item.id === "1.1" ? first : rest}"]`)).check();
    }
    // Wait for the save, so the notice shows where it stays, then read the page as the respondent sees it.
    await page.getByRole("status").filter({ hasText: "opgeslagen" }).first().waitFor();
    texts.push(await expectRespondentPage(page));
    if (index === 0 || index === 5) {
      await expectAccessible(page);
      await screenshot(page, `${shots}-thema-${theme.id}`, viewport);
    }
  }
  const asked = tool.themes.flatMap((t) => t.items).filter((i) => !i.notAskedOf?.some((p) => p === perspective)).length;
  await expect.poll(async () => Object.keys((await readCheck()).answers).length).toBe(asked);
  expect((await readCheck()).answers["1.1"]).toBe(first);

  await page.getByRole("link", { name: "Naar inleveren" }).click();
  await page.getByRole("heading", { level: 1, name: "Inleveren" }).waitFor();
  await expectRespondentPage(page);
  await expectAccessible(page);
  await page.getByRole("button", { name: perspective === "youth" ? "Lever je antwoorden in" : "Lever uw antwoorden in" }).click();
  const thanks = perspective === "youth" ? "Bedankt! Je antwoorden zijn ingeleverd." : "Hartelijk dank! Uw antwoorden zijn ingeleverd.";
  await page.getByRole("heading", { level: 1, name: thanks }).waitFor();
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/meedoen/antwoorden/${id}/klaar`);
  const done = await expectRespondentPage(page);
  // A respondent's page after handing in is short and holds nothing written for professionals.
  expect(done).not.toMatch(/Aandachtspunten|verbetertips|Tips/);
  await page.getByRole("heading", { level: 2, name: "Wat gebeurt er nu?" }).waitFor();
  await expectAccessible(page);
  await screenshot(page, `${shots}-klaar`, viewport);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height, "the done page stays short").toBeLessThan(viewport === "phone" ? 4000 : 2500);
  return texts;
}

describe.skipIf(!browserAvailable)("each group in its own words, on respondent pages of its own", () => {
  async function setUp(api: Api, viewport: ViewportName) {
    const cookie = await signUp(api);
    const teamId = await createTeam(api, cookie, { name: `Jongerenloket ${viewport}` });
    const round = await createRound(api, cookie, teamId, {
      name: "Met de keten",
      perspectives: ["youth", "employer", "ketenpartner"],
    });
    return { cookie, teamId, ...round };
  }

  test.for(Object.keys(VIEWPORTS) as ViewportName[])(
    "an employer, a ketenpartner and a young person answer, and the young people hear back, at %s width",
    async (viewport, { server, api, tool, newPage }) => {
      const { cookie, teamId, id: roundId, invites } = await setUp(api, viewport);
      expect(Object.keys(invites).sort()).toEqual(["employer", "ketenpartner", "youth"]);
      const local = (link: string) => `${server.url}${new URL(link).pathname}`;

      // An employer: "weet ik niet" on 1.1, in "u" wording throughout.
      const employer = await newPage(viewport);
      const item11 = tool.themes[0]?.items[0];
      const employerTexts = await answerInBrowser(employer, {
        link: local(invites.employer),
        tool,
        perspective: "employer",
        first: "weetniet",
        rest: 7,
        shots: "40-werkgever",
        viewport,
      });
      expect(employerTexts[0]).toContain(item11?.employerText ?? "missing employer wording");
      for (const [index, text] of employerTexts.entries()) expect(text, `employer theme ${index + 1}`).not.toMatch(INFORMAL);

      // A ketenpartner: its own wording, and factor 6.27 is not asked of it.
      const partner = await newPage(viewport);
      const partnerTexts = await answerInBrowser(partner, {
        link: local(invites.ketenpartner),
        tool,
        perspective: "ketenpartner",
        first: 6,
        rest: "weetniet",
        shots: "41-ketenpartner",
        viewport,
      });
      expect(partnerTexts[0]).toContain(item11?.ketenpartnerText ?? "missing ketenpartner wording");
      for (const [index, text] of partnerTexts.entries()) expect(text, `ketenpartner theme ${index + 1}`).not.toMatch(INFORMAL);

      // A young person: youth theme titles, then their own scores on the done page, no tips.
      const young = await newPage(viewport);
      const youthTexts = await answerInBrowser(young, {
        link: local(invites.youth),
        tool,
        perspective: "youth",
        first: 8,
        rest: 6,
        shots: "42-jongere",
        viewport,
      });
      for (const [index, theme] of tool.themes.entries()) {
        expect(youthTexts[index], `youth theme ${theme.id}`).toContain(theme.youthTitle ?? "missing youth title");
        expect(youthTexts[index], `youth theme ${theme.id}`).not.toContain(theme.title);
      }
      const scores = young.getByRole("table", { name: "Jouw gemiddelde cijfer per onderdeel" });
      await expect.poll(() => scores.getByRole("row").count()).toBe(tool.themes.length + 1);
      const firstRow = scores.getByRole("row").nth(1);
      const themeOneSize = tool.themes[0]?.items.length ?? 1;
      const themeOneMean = formatScore((8 + 6 * (themeOneSize - 1)) / themeOneSize);
      await expect.poll(() => firstRow.textContent()).toBe(`${tool.themes[0]?.youthTitle}${themeOneMean}`);
      expect(await young.getByRole("link", { name: /tips|cijfers en tips/i }).count()).toBe(0);

      // Two more of each group through the API, so every group's figures are released.
      for (const value of [5, 7]) {
        await respond(api, invites.employer, { "1.1": "weetniet", "1.2": value });
        await respond(api, invites.ketenpartner, { "1.1": value });
        await respond(api, invites.youth, { "1.1": value });
      }

      // The coordinator sees the three groups the round asks, and the employers' "weet ik niet" counted apart.
      const coordinator = await newPage(viewport);
      await signedIn(coordinator, server.url, cookie);
      const roundUrl = `${server.url}/teams/${teamId}/metingen/${roundId}`;
      await coordinator.goto(`${roundUrl}/spiegel`);
      await coordinator.getByRole("heading", { level: 1, name: "Spiegel: Met de keten" }).waitFor();
      const mirror = coordinator.getByRole("table", { name: "Gemiddelde per thema per groep, en het grootste verschil" });
      await expect
        .poll(async () => (await mirror.getByRole("columnheader").allTextContents()).join(" | "))
        .toMatch(/Jongeren.*Werkgevers.*Ketenpartners/);
      expect((await mirror.getByRole("columnheader").allTextContents()).join(" | ")).not.toMatch(/Professionals/);
      await expectAccessible(coordinator);
      await screenshot(coordinator, "43-spiegel-keten", viewport);
      await coordinator.goto(`${roundUrl}/resultaten`);
      await coordinator.getByRole("heading", { level: 1, name: "Resultaten: Met de keten" }).waitFor();
      await coordinator.locator("nav.perspective-switch").getByRole("link", { name: "Werkgevers" }).click();
      const row11 = coordinator
        .getByRole("row")
        .filter({ hasText: item11?.text.slice(0, 40) ?? "1.1" })
        .first();
      // Three employers chose "weet ik niet" on 1.1: counted apart, no mean.
      await expect.poll(() => row11.textContent()).toMatch(/te weinig antwoorden/);
      await expect.poll(() => row11.getByRole("cell").allTextContents()).toContain("3");
      await expectAccessible(coordinator);
      await screenshot(coordinator, "44-resultaten-werkgevers", viewport);

      // Close the round and publish a message to the young people.
      await coordinator.goto(roundUrl);
      await coordinator.getByRole("button", { name: "Sluit de meting" }).click();
      await coordinator.getByRole("status").filter({ hasText: "De meting is gesloten." }).first().waitFor();
      const message = "We gaan vaker vragen wat jij wilt. Je begeleider maakt vanaf nu elke maand tijd voor een gesprek.";
      await coordinator.getByLabel("Wat willen jullie de jongeren laten weten?").fill(message);
      await coordinator.getByRole("button", { name: "Bericht plaatsen" }).click();
      await coordinator.getByRole("status").filter({ hasText: "Het bericht staat nu bij de link voor jongeren." }).waitFor();
      await expectAccessible(coordinator);
      await screenshot(coordinator, "45-bericht-aan-jongeren", viewport);

      // The youth link now shows the message; the young person who answered sees it on their done page too.
      const later = await newPage(viewport);
      await later.goto(local(invites.youth));
      await later.getByRole("heading", { level: 1, name: "De vragenlijst is dicht" }).waitFor();
      await later.getByRole("heading", { level: 2, name: "Wat het team met jullie antwoorden doet" }).waitFor();
      await later.getByText(message).waitFor();
      await expectRespondentPage(later);
      await expectAccessible(later);
      await screenshot(later, "46-jongeren-bericht", viewport);
      await young.reload();
      await young.getByText(message).waitFor();
      // The employers' link says it is closed and shows no message meant for young people.
      const employerLater = await newPage(viewport);
      await employerLater.goto(local(invites.employer));
      await employerLater.getByRole("heading", { level: 1 }).waitFor();
      expect(await employerLater.getByText(message).count()).toBe(0);
    },
  );
});
