import { describe, expect } from "vitest";
import { createTeam, signUp } from "../src/server/test/factories.ts";
import { test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, signedIn, VIEWPORTS, type ViewportName } from "./support.ts";

/** The consultant's self-scan: a second tool that exists only as content (content/tools/zelfscan-werkwijze/). */
const SELF_SCAN = "zelfscan-werkwijze";

type Tool = { title: string; themes: { id: string; title: string; items: { id: string; text: string }[] }[] };

describe.skipIf(!browserAvailable)("the consultant's self-scan as a solo check in Chromium", () => {
  test.for(Object.keys(VIEWPORTS) as ViewportName[])(
    "starts from the landing page, answers a phase and shows scores at %s width",
    async (viewport, { server, api, newPage }) => {
      const scan: Tool = (await api("GET", `/api/tools/${SELF_SCAN}`)).json();
      const page = await newPage(viewport);
      await page.goto(server.url);
      const start = page.getByRole("button", { name: `Start de ${scan.title}` });
      await start.waitFor();
      await start.scrollIntoViewIfNeeded();
      await expectAccessible(page);
      await screenshot(page, "zelfscan-01-start", viewport);
      await start.click();

      const theme = scan.themes[0];
      if (!theme) throw new Error("the self-scan has no phases");
      await page.getByRole("heading", { level: 1, name: `Stap 1 van ${scan.themes.length}: ${theme.title}` }).waitFor();
      for (const [index, item] of theme.items.entries()) {
        await page
          .getByRole("group", { name: `${item.id} ${item.text}` })
          .getByRole("radio", { name: String(index + 5), exact: true })
          .check();
      }
      const checkId = new URL(page.url()).pathname.split("/")[2] ?? "";
      await expect
        .poll(async () => Object.keys((await api("GET", `/api/checks/${checkId}`)).json().answers).length)
        .toBe(theme.items.length);
      await expectAccessible(page);
      await screenshot(page, "zelfscan-02-fase", viewport);

      await page.goto(`${server.url}/check/${checkId}/resultaten`);
      await page.getByRole("heading", { level: 1, name: "Jouw scores" }).waitFor();
      const table = page.getByRole("table", { name: "Score per thema in cijfers" });
      await expect.poll(() => table.getByRole("row").filter({ hasText: theme.title }).textContent()).toContain("7");
      await expectAccessible(page);
      await screenshot(page, "zelfscan-03-scores", viewport);

      // The tips of the self-scan link to the werkwijze and its toolbox, and those links lead there.
      await page.goto(`${server.url}/check/${checkId}/tips`);
      const werkwijzeLinks = page.locator('main a[href^="/werkwijze#"]');
      await expect.poll(() => werkwijzeLinks.count()).toBeGreaterThan(0);
      // Kennisbank examples are about the main tool's factors: a self-scan's factor 1.1 is another factor.
      expect(await page.getByText("Zo doen anderen het").count()).toBe(0);
      await expectAccessible(page);
      await screenshot(page, "zelfscan-04-tips", viewport);
      const href = (await werkwijzeLinks.first().getAttribute("href")) ?? "";
      await werkwijzeLinks.first().click();
      await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).hash).toBe(href);
      await expect.poll(() => page.locator(`[id="${href.split("#")[1]}"]`).count()).toBe(1);
    },
  );
  test("a coordinator starts a round of the self-scan, which asks professionals only", async ({ server, api, newPage }) => {
    const scan: Tool = (await api("GET", `/api/tools/${SELF_SCAN}`)).json();
    const cookie = await signUp(api);
    const teamId = await createTeam(api, cookie, { name: "Consulententeam" });
    const page = await newPage("desktop");
    await signedIn(page, server.url, cookie);
    await page.goto(`${server.url}/teams/${teamId}`);
    await page.getByLabel("Naam van de meting").fill("Zelfscan najaar");
    await page.getByLabel("Verbetertool").selectOption({ label: scan.title });
    const groups = page.getByRole("group", { name: "Welke groepen vraag je?" });
    await expect.poll(() => groups.getByRole("checkbox").count()).toBe(1);
    await expect.poll(() => groups.getByRole("checkbox", { name: /Professionals/ }).isChecked()).toBe(true);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Start de meting" }).click();
    await page.getByRole("heading", { level: 1, name: "Meting: Zelfscan najaar" }).waitFor();
    await page.getByRole("textbox", { name: "Link voor professionals" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Link voor jongeren" }).count()).toBe(0);
  });
});
