import { describe, expect } from "vitest";
import { createRound, createTeam, respond, signUp, uniqueEmail } from "../src/server/test/factories.ts";
import { test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, signedIn } from "./support.ts";

describe.skipIf(!browserAvailable)("management links in Chromium", () => {
  test("a coordinator shares the round with management; the link shows the released figures only", async ({ server, api, newPage }) => {
    const coordinator = await signUp(api, uniqueEmail("coordinator-management"), undefined, "Coördinator Management");
    const teamId = await createTeam(api, coordinator, { name: "Team Management" });
    const round = await createRound(api, coordinator, teamId, { name: "Voorjaar 2026", perspectives: ["professional", "youth"] });
    // Three professionals (the threshold) and one young person: the youth figures stay hidden.
    for (const score of [6, 7, 9]) await respond(api, round.invites.professional, { "1.1": score, "1.2": score - 1, "2.8": score });
    await respond(api, round.invites.youth, { "1.1": 3 });

    const page = await newPage("desktop");
    await signedIn(page, server.url, coordinator);
    await page.goto(`${server.url}/teams/${teamId}/metingen/${round.id}`);
    await page.getByRole("heading", { level: 2, name: "Delen met management" }).waitFor();

    // A day in the past is refused with the field named; a valid day makes a link.
    const date = page.getByLabel("Geldig tot en met");
    await date.fill("2020-01-01");
    await page.getByRole("button", { name: "Link maken" }).click();
    await page.getByText("‘Geldig tot en met’ mag niet in het verleden liggen.").waitFor();
    await expectAccessible(page);
    const inTwoMonths = new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await date.fill(inTwoMonths);
    await page.getByRole("button", { name: "Link maken" }).click();
    const field = page.getByRole("textbox", { name: /^Link, geldig tot en met / });
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\/management\/[A-Za-z0-9_-]{20,}$/);
    // The test server's PUBLIC_URL is not where it listens: open the link's path on it.
    const opened = `${server.url}${new URL(url).pathname}`;
    await expectAccessible(page);
    await screenshot(page, "management-links", "desktop");

    // A manager opens it in a browser of their own, without an account.
    for (const viewport of ["phone", "desktop"] as const) {
      const manager = await newPage(viewport);
      await manager.goto(opened);
      await manager.getByRole("heading", { level: 1, name: "Samenvatting voor management: Voorjaar 2026" }).waitFor();
      const groups = manager.getByRole("table", { name: "Aantal reacties en gemiddelde over alle factoren, per groep" });
      await expect.poll(() => groups.getByRole("row", { name: /Professionals/ }).textContent()).toContain("3");
      await expect.poll(() => groups.getByRole("row", { name: /Jongeren/ }).textContent()).toContain("te weinig antwoorden");
      const themes = manager.getByRole("table", { name: "Gemiddelde score per thema en per groep" });
      await expect.poll(() => themes.getByRole("row").count()).toBeGreaterThan(2);
      const body = (await manager.locator("main").textContent()) ?? "";
      expect(body).not.toContain("Team Management");
      expect(body).not.toContain("Coördinator Management");
      await manager.getByText(/^Thema 1:/).click();
      await manager.getByRole("table", { name: "Gemiddelde score per factor van thema 1, per groep" }).waitFor();
      await expectAccessible(manager);
      await screenshot(manager, "management-summary", viewport);
    }

    // Revoked: the same link now says it does not work.
    await page.getByRole("button", { name: /^Intrekken/ }).click();
    await page.getByText("De link is ingetrokken en werkt niet meer.").waitFor();
    await expect.poll(() => page.getByRole("textbox", { name: /^Link, geldig tot en met / }).count()).toBe(0);
    const late = await newPage("phone");
    await late.goto(opened);
    await late.getByRole("heading", { level: 1, name: "Deze link werkt niet" }).waitFor();
    await expectAccessible(late);
  });
});
