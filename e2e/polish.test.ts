import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import type { AnswerValue } from "../src/domain/checks/answers.ts";
import { createCheck, createRound, createTeam, respond, saveAnswers, signUp } from "../src/server/test/factories.ts";
import { test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, signedIn, VIEWPORTS, type ViewportName } from "./support.ts";

/**
 * Issue 16, polish a new user sees: the tips page leads with the aandachtspunten and the way to the plan (the other
 * tips folded), the team trend fits at every width, and a personal check can be found again on the same device or
 * opened by pasting its link.
 */

const viewports = Object.keys(VIEWPORTS) as ViewportName[];

/** Typical answers: most factors 6–9, three aandachtspunten, two n.v.t., one left open. */
function typicalAnswers(factorIds: string[]): Record<string, AnswerValue | null> {
  const answers: Record<string, AnswerValue | null> = {};
  factorIds.forEach((id, index) => {
    answers[id] = 6 + (index % 4);
  });
  Object.assign(answers, { "1.1": 4, "2.8": 5, "4.17": 3, "3.12": "nvt", "3.13": "nvt" });
  delete answers["1.2"];
  return answers;
}

/** Whether the page scrolls sideways as a whole (a region of its own may). */
const pageOverflow = (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));

/** Presses Tab until the focused element matches (at most `max` times); fails when it never does. */
async function tabTo(page: Page, matches: (active: { tag: string; text: string }) => boolean, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const active = await page.evaluate(() => ({
      tag: document.activeElement?.tagName ?? "",
      text: document.activeElement?.textContent ?? "",
    }));
    if (matches(active)) return;
  }
  throw new Error("focus never reached the element by Tab");
}

describe.skipIf(!browserAvailable)("polish in Chromium (issue 16)", () => {
  test.for(viewports)(
    "the tips page leads with the aandachtspunten and the plan, the rest folded, at %s width",
    async (viewport, { server, api, tool, newPage }) => {
      const id = await createCheck(api);
      const factorIds = tool.themes.flatMap((theme) => theme.items.map((item) => item.id));
      await saveAnswers(api, id, typicalAnswers(factorIds));
      const page = await newPage(viewport);
      await page.goto(`${server.url}/check/${id}/tips`);
      await page.getByRole("heading", { level: 1, name: "Verbetertips" }).waitFor();
      // The examples of the aandachtspunten are in (they come after the tips).
      await page.getByRole("region", { name: "Zo doen anderen het (bij factor 4.17)" }).waitFor();

      // Order: aandachtspunten (open), the way to the plan, then the other groups, each folded.
      const h2s = await page.getByRole("heading", { level: 2 }).allTextContents();
      const at = (start: string) => h2s.findIndex((h) => h.startsWith(start));
      expect(at("Aandachtspunten (3)")).toBeGreaterThanOrEqual(0);
      expect(at("Aandachtspunten")).toBeLessThan(at("Aan de slag met je verbeterplan"));
      expect(at("Aan de slag met je verbeterplan")).toBeLessThan(at("Overige factoren"));
      expect(at("Overige factoren")).toBeLessThan(at("Nog niet ingevuld"));
      expect(at("Nog niet ingevuld")).toBeLessThan(at("Bewust niet toegepast"));
      for (const lowId of ["4.17", "1.1", "2.8"]) {
        await expect
          .poll(() => page.getByRole("heading", { level: 3, name: new RegExp(`^${lowId.replace(".", "\\.")} `) }).isVisible())
          .toBe(true);
      }
      // A factor scored 6 or higher: its tips are in the page, folded away.
      const folded = page.getByRole("heading", { level: 3, name: /^1\.3 /, includeHidden: true });
      expect(await folded.count()).toBe(1);
      expect(await folded.isVisible()).toBe(false);
      await page.getByRole("link", { name: "Naar je verbeterplan" }).first().waitFor();

      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      if (viewport === "desktop") expect(height).toBeLessThan(6000);
      const { scrollWidth, viewport: width } = await pageOverflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      await expectAccessible(page);
      await screenshot(page, "60-tips-aandachtspunten-eerst", viewport);

      // The folded tips are reachable by keyboard: Tab to the disclosure, Enter opens it, Tab reaches its content.
      await page.locator("body").focus();
      await tabTo(page, ({ tag, text }) => tag === "SUMMARY" && /^Toon de tips bij \d+ factoren$/.test(text));
      const summary = page.locator("summary:focus");
      expect(await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open)).toBe(false);
      await page.keyboard.press("Enter");
      expect(await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open)).toBe(true);
      await expect.poll(() => folded.isVisible()).toBe(true);
      await tabTo(page, ({ tag, text }) => tag === "A" && text.startsWith("Neem op in je verbeterplan"), 20);
      await expectAccessible(page);
      if (viewport === "desktop") await screenshot(page, "60-tips-uitgeklapt", viewport);
    },
  );

  test("the team trend fits at 1280 and 390 px: no page overflow, the table scrolls in its own region, axis labels whole", async ({
    server,
    api,
    newPage,
  }) => {
    const cookie = await signUp(api);
    const teamId = await createTeam(api, cookie, { name: "Jongerenloket Trend" });
    const names = ["Nulmeting voorjaar 2026 (jongerenloket en scholen)", "Tussenmeting najaar 2026", "Eindmeting voorjaar 2027"];
    for (const [index, name] of names.entries()) {
      const round = await createRound(api, cookie, teamId, { name });
      for (const [offset, perspective] of (["professional", "youth", "employer", "ketenpartner"] as const).entries()) {
        const score = Math.min(9, 3 + index * 2 + offset);
        for (let n = 0; n < 3; n++) await respond(api, round.invites[perspective], { "1.1": score, "2.8": 9 - offset });
      }
      const closed = await api("POST", `/api/rounds/${round.id}/close`, { cookie });
      expect(closed.statusCode).toBe(200);
    }
    for (const viewport of viewports) {
      const page = await newPage(viewport);
      await signedIn(page, server.url, cookie);
      await page.goto(`${server.url}/teams/${teamId}/trend`);
      await page.getByRole("heading", { level: 1, name: "Trend: Jongerenloket Trend" }).waitFor();
      await page.locator(".recharts-wrapper").first().waitFor();

      const { scrollWidth, viewport: width } = await pageOverflow(page);
      expect(scrollWidth, `page width at ${viewport}`).toBeLessThanOrEqual(width);

      // The table: a labelled region reachable by keyboard, that may scroll sideways itself.
      const region = page.getByRole("region", { name: "Thema 1: gemiddelde per meting en per groep" });
      expect(await region.getAttribute("tabindex")).toBe("0");
      expect(await region.evaluate((el) => getComputedStyle(el).overflowX)).toBe("auto");
      const table = page.getByRole("table", { name: "Thema 1: gemiddelde per meting en per groep" });
      expect(await table.getByRole("row").count()).toBe(4);
      // The region never reaches past the page's content column.
      const box = await region.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);

      // Every axis label of the first chart lies within the chart: none cut off at an edge.
      const chart = page.locator(".recharts-wrapper > svg").first();
      const bounds = await chart.boundingBox();
      const labels = await chart
        .locator(".recharts-cartesian-axis-tick-label text, .recharts-cartesian-axis-tick-labels text")
        .evaluateAll((texts) =>
          texts.map((text) => {
            const r = text.getBoundingClientRect();
            return { text: text.textContent ?? "", left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          }),
        );
      expect(labels.length).toBeGreaterThanOrEqual(names.length + 10);
      for (const label of labels) {
        expect(label.left, label.text).toBeGreaterThanOrEqual((bounds?.x ?? 0) - 0.5);
        expect(label.right, label.text).toBeLessThanOrEqual((bounds?.x ?? 0) + (bounds?.width ?? 0) + 0.5);
        expect(label.bottom, label.text).toBeLessThanOrEqual((bounds?.y ?? 0) + (bounds?.height ?? 0) + 0.5);
      }
      // Each round's name is there in full (wrapped over lines when needed).
      const xText = (await chart.locator(".recharts-xAxis-tick-labels text").allTextContents()).map((t) => t.replace(/\s+/g, " "));
      for (const name of names) expect(xText.some((text) => text.replace(/\s+/g, "") === name.replace(/\s+/g, ""))).toBe(true);

      await expectAccessible(page);
      await screenshot(page, "61-trend-past", viewport);
    }
  });

  test.for(viewports)(
    "a personal check is found again on this device, and opened by pasting its link, at %s width",
    async (viewport, { server, newPage }) => {
      const page = await newPage(viewport);
      await page.goto(server.url);
      await page.getByRole("button", { name: "Start de check" }).click();
      await page.getByRole("heading", { level: 1, name: /^Stap 1 van 7/ }).waitFor();
      const id = new URL(page.url()).pathname.split("/")[2] ?? "";
      await page.getByText("Deze browser onthoudt de link ook, alleen op dit apparaat").waitFor();
      // Only the id is kept in this browser.
      expect(await page.evaluate(() => ({ ...localStorage }))).toMatchObject({ "verbetertool:checks": JSON.stringify([id]) });

      // Leave, come back to the landing page in the same browser: the check is offered and opens.
      await page.goto("about:blank");
      await page.goto(server.url);
      const offered = page.getByRole("link", { name: /^Verder met je check van \d{1,2} \p{L}+ \d{4}$/u });
      await offered.waitFor();
      await expectAccessible(page);
      await screenshot(page, "62-verder-met-je-check", viewport);
      await offered.click();
      await page.getByRole("heading", { level: 1, name: /^Stap 1 van 7/ }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/check/${id}/thema/1`);

      // Forgetting it on this device: gone from the landing page, also after a reload; the link itself still works.
      await page.goto(server.url);
      await page.getByRole("button", { name: /^Vergeet op dit apparaat/ }).click();
      await page.getByRole("status").filter({ hasText: "Deze browser onthoudt die check niet meer." }).waitFor();
      expect(await offered.count()).toBe(0);
      await page.reload();
      await page.getByRole("button", { name: "Start de check" }).waitFor();
      expect(await offered.count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem("verbetertool:checks"))).toBeNull();

      // Another browser: a malformed link is refused with the field named, the real link opens the check.
      const fresh = await newPage(viewport);
      await fresh.goto(server.url);
      const field = fresh.getByLabel("Link naar je check");
      await field.fill(`${server.url}/check/oeps`);
      await fresh.getByRole("button", { name: "Open je check" }).click();
      await fresh.getByText("‘Link naar je check’ is geen link naar een check.").waitFor();
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(fresh);
      await screenshot(fresh, "62-check-link-plakken-fout", viewport);
      // A well-formed link to a check that does not exist: said at the field too.
      await field.fill(`${server.url}/check/${"x".repeat(24)}`);
      await fresh.getByRole("button", { name: "Open je check" }).click();
      await fresh.getByText("Bij deze link vinden we geen check.").waitFor();
      await field.fill(`  ${server.url}/check/${id}/tips  `);
      await fresh.getByRole("button", { name: "Open je check" }).click();
      await fresh.getByRole("heading", { level: 1, name: /^Stap 1 van 7/ }).waitFor();
      expect(new URL(fresh.url()).pathname).toBe(`/check/${id}/thema/1`);
    },
  );
});
