import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { formatScore } from "../src/domain/checks/format.ts";
import { withTips } from "../src/domain/checks/scoring.ts";
import { type Api, createCheck, saveAnswers } from "../src/server/test/factories.ts";
import { test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, VIEWPORTS, type ViewportName } from "./support.ts";

/** What the walk answers: theme 3 entirely n.v.t., factor 1.2 left open, the rest a spread of scores. */
function plannedAnswer(themeId: string, itemId: string, index: number): number | "nvt" | null {
  if (themeId === "3") return "nvt";
  if (itemId === "1.2") return null;
  return ((index * 3) % 10) + 1;
}

describe.skipIf(!browserAvailable)("core loop in Chromium: check → scores → tips → plan → PDF", () => {
  const checkIdOf = (page: Page) => new URL(page.url()).pathname.split("/")[2] ?? "";
  const storedCheck = async (api: Api, id: string) => (await api("GET", `/api/checks/${id}`)).json();

  test.for(Object.keys(VIEWPORTS) as ViewportName[])(
    "walks the whole loop at %s width",
    async (viewport, { server, api, tool, newPage }) => {
      const page = await newPage(viewport);
      await page.goto(server.url);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Verbetertool Jongeren & Arbeid");
      // The heading shows while the tool loads; the rest of the page comes with it.
      await page.getByRole("button", { name: "Start de check" }).waitFor();
      await expectAccessible(page);
      await screenshot(page, "01-start", viewport);

      await page.getByRole("button", { name: "Start de check" }).click();
      const expected: Record<string, number | "nvt"> = {};
      let index = 0;
      for (const theme of tool.themes) {
        const heading = `Stap ${theme.id} van 7: ${theme.title}`;
        await page.getByRole("heading", { level: 1, name: heading }).waitFor();
        await expect.poll(() => page.title()).toBe(`${heading} — Verbetertool Jongeren & Arbeid`);
        await expect.poll(() => page.locator("[aria-current=step]").textContent()).toContain(theme.title);
        for (const item of theme.items) {
          const value = plannedAnswer(theme.id, item.id, index++);
          if (value === null) continue;
          const group = page.getByRole("group", { name: `${item.id} ${item.text}` });
          const name = value === "nvt" ? "n.v.t. (niet van toepassing)" : String(value);
          await group.getByRole("radio", { name, exact: true }).check();
          expected[item.id] = value;
        }
        if (theme.id === "1") {
          // Nothing is lost on refresh: wait until the server has the answers, reload, and see them checked.
          const id = checkIdOf(page);
          await expect.poll(async () => (await storedCheck(api, id)).answers).toEqual(expected);
          await page.reload();
          const first = theme.items[0];
          await page.getByRole("heading", { level: 1, name: heading }).waitFor();
          if (first) {
            await expect
              .poll(() =>
                page
                  .getByRole("group", { name: `${first.id} ${first.text}` })
                  .getByRole("radio", { name: String(expected[first.id]), exact: true })
                  .isChecked(),
              )
              .toBe(true);
          }
          await expect
            .poll(() =>
              page
                .getByRole("group", { name: /^1\.2 / })
                .getByRole("radio", { checked: true })
                .count(),
            )
            .toBe(0);
        }
        if (theme.id === "1" || theme.id === "5") {
          await expectAccessible(page);
          await screenshot(page, `02-thema-${theme.id}`, viewport);
        }
        await page.getByRole("link", { name: theme.id === "7" ? "Bekijk je scores" : "Volgende thema" }).click();
      }

      const id = checkIdOf(page);
      await expect.poll(async () => (await storedCheck(api, id)).answers).toEqual(expected);

      // Scores: the same numbers as the API, in Dutch notation; the all-n.v.t. theme has no score.
      await page.getByRole("heading", { level: 1, name: "Jouw scores" }).waitFor();
      const results = (await api("GET", `/api/checks/${id}/results`)).json();
      const table = page.getByRole("table", { name: "Score per thema in cijfers" });
      for (const theme of results.themes as { id: string; score: number | null }[]) {
        const title = tool.themes.find((t) => t.id === theme.id)?.title ?? "";
        await expect.poll(() => table.getByRole("row").filter({ hasText: title }).textContent()).toContain(formatScore(theme.score));
      }
      expect(results.themes.find((t: { id: string }) => t.id === "3").score).toBeNull();
      await expect.poll(() => page.getByText(formatScore(results.overall), { exact: true }).first().isVisible()).toBe(true);
      await page.getByRole("img", { name: /Staafdiagram/ }).waitFor();
      await expectAccessible(page);
      await screenshot(page, "03-scores", viewport);

      // Tips: lowest scores first as aandachtspunten; n.v.t. factors grouped apart.
      await page.getByRole("link", { name: "Bekijk je verbetertips" }).click();
      await page.getByRole("heading", { level: 1, name: "Verbetertips" }).waitFor();
      const groupNames = ["Aandachtspunten", "Overige factoren", "Nog niet ingevuld", "Bewust niet toegepast"];
      const h2s = page.getByRole("heading", { level: 2 });
      await expect
        .poll(() => h2s.allTextContents())
        .toEqual(expect.arrayContaining(groupNames.map((g) => expect.stringMatching(new RegExp(`^${g}`)))));
      const groups = await h2s.allTextContents();
      const order = groupNames.map((g) => groups.findIndex((h) => h.startsWith(g)));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      // The API sends the order of the tips; their texts come from the tool.
      const lowest = withTips(tool, results).tips[0];
      if (!lowest) throw new Error("the results have no tips");
      expect(lowest.group).toBe("aandachtspunt");
      await expectAccessible(page);
      await screenshot(page, "04-tips", viewport);

      // Plan: from the lowest factor's tips to its theme's plan; write a plan and an action; reload; still there.
      await page.getByRole("link", { name: `Neem op in je verbeterplan (factor ${lowest.itemId})` }).click();
      await page.getByRole("heading", { level: 1, name: /^Verbeterplan: / }).waitFor();
      await page.getByRole("textbox", { name: "Jouw plan voor dit thema" }).fill("We plannen elk kwartaal een gesprek met werkgevers.");
      const form = page.getByRole("form", { name: "Nieuwe actie" });
      await form.getByLabel("Wat").fill("Warme overdracht bij wisseling van begeleider");
      await form.getByLabel("Wie").fill("Teamleider");
      await form.getByLabel("Wanneer").fill("2027-03-01");
      await form.getByLabel("Status").selectOption("bezig");
      await form.getByRole("button", { name: "Actie toevoegen" }).click();
      await page.getByRole("group", { name: "Actie 1" }).waitFor();
      await expect
        .poll(async () => (await storedCheck(api, id)).plan)
        .toMatchObject({
          themes: { [lowest.themeId]: "We plannen elk kwartaal een gesprek met werkgevers." },
          actions: [
            {
              what: "Warme overdracht bij wisseling van begeleider",
              who: "Teamleider",
              when: "2027-03-01",
              status: "bezig",
              factorId: lowest.itemId,
            },
          ],
        });
      await page.reload();
      const action = page.getByRole("group", { name: "Actie 1" });
      await expect.poll(() => action.getByLabel("Wat").inputValue()).toBe("Warme overdracht bij wisseling van begeleider");
      await expect
        .poll(() => page.getByRole("textbox", { name: "Jouw plan voor dit thema" }).inputValue())
        .toBe("We plannen elk kwartaal een gesprek met werkgevers.");
      await expectAccessible(page);
      await screenshot(page, "05-plan", viewport);

      // PDF report.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download rapport (PDF)" }).click(),
      ]);
      const path = await download.path();
      expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");
    },
  );

  test("shows a clear page for an unknown check and keeps the resume link working", async ({ server, api, newPage }) => {
    const page = await newPage("desktop");
    await page.goto(`${server.url}/check/AAAAAAAAAAAAAAAAAAAAAAAA`);
    await page.getByRole("heading", { level: 1, name: "Deze check bestaat niet (meer)" }).waitFor();
    await expectAccessible(page);
    const id = await createCheck(api);
    await saveAnswers(api, id, { "1.1": 4 });
    await page.goto(`${server.url}/check/${id}`);
    await page.getByRole("heading", { level: 1, name: /^Stap 1 van 7/ }).waitFor();
    await expect.poll(() => page.getByRole("textbox", { name: "Link naar jouw check" }).inputValue()).toBe(`${server.url}/check/${id}`);
    await expect
      .poll(() =>
        page
          .getByRole("group", { name: /^1\.1 / })
          .getByRole("radio", { name: "4", exact: true })
          .isChecked(),
      )
      .toBe(true);
  });
});
