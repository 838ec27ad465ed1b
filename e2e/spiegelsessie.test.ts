import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { createRound, createTeam, respond, signUp, uniqueEmail } from "../src/server/test/factories.ts";
import { test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, signedIn } from "./support.ts";

/** The theme the session shows: its position line and the focused heading agree. */
async function expectTheme(page: Page, number: number) {
  await page
    .getByRole("status")
    .filter({ hasText: `Thema ${number} van 7` })
    .waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(new RegExp(`^Thema ${number}: `));
}

describe.skipIf(!browserAvailable)("spiegelsessie in Chromium", () => {
  test("a coordinator steps through all themes by keyboard and captures an action into the team plan", async ({
    server,
    api,
    tool,
    newPage,
  }) => {
    const coordinator = await signUp(api, uniqueEmail("coordinator-sessie"), undefined, "Coördinator Sessie");
    const teamId = await createTeam(api, coordinator, { name: "Team Sessie" });
    const round = await createRound(api, coordinator, teamId, {
      name: "Voorjaar 2026",
      perspectives: ["professional", "youth", "employer"],
    });
    // Factors employers are asked too, so the two groups can differ on them.
    const asked = tool.themes.flatMap((t) => t.items.filter((i) => !i.notAskedOf?.includes("employer")).map((i) => i.id));
    const answers = (base: number) => Object.fromEntries(asked.map((id, n) => [id, Math.min(10, Math.max(1, base + (n % 3)))]));
    for (let n = 0; n < 3; n++) await respond(api, round.invites.professional ?? "", answers(7));
    for (let n = 0; n < 3; n++) await respond(api, round.invites.employer ?? "", answers(3));
    // One young person: below the threshold, never shown.
    await respond(api, round.invites.youth ?? "", answers(1));

    const sessionUrl = `${server.url}/teams/${teamId}/metingen/${round.id}/sessie`;
    const page = await newPage("desktop");
    await signedIn(page, server.url, coordinator);
    await page.goto(sessionUrl);
    await page.getByRole("heading", { level: 1, name: "Spiegelsessie: Voorjaar 2026" }).waitFor();
    await page.getByRole("status").filter({ hasText: "Thema 1 van 7" }).waitFor();
    await page.getByRole("heading", { level: 3, name: "Gespreksvragen" }).waitFor();
    await page.getByText("Te weinig antwoorden om te tonen: jongeren.").first().waitFor();
    await expectAccessible(page);

    // Keyboard only: Page Down and the right arrow forward, through every theme.
    for (let number = 2; number <= 7; number++) {
      await page.keyboard.press(number % 2 === 0 ? "PageDown" : "ArrowRight");
      await expectTheme(page, number);
      if (number === 3) {
        // Typing in a field does not move the session; the action goes into the team plan.
        const form = page.getByRole("form", { name: "Nieuwe actie" });
        await form.getByLabel("Wat").focus();
        await page.keyboard.type("Werkbezoek bij een leerwerkplek plannen");
        await page.keyboard.press("ArrowLeft");
        await page.keyboard.press("PageUp");
        await page.getByRole("status").filter({ hasText: "Thema 3 van 7" }).waitFor();
        await form.getByRole("button", { name: "Actie toevoegen" }).focus();
        await page.keyboard.press("Enter");
        await page.getByRole("listitem").filter({ hasText: "Werkbezoek bij een leerwerkplek plannen" }).waitFor();
        await expectAccessible(page);
        await page.getByRole("heading", { level: 2, name: /^Thema 3: / }).focus();
      }
    }
    // The last theme offers the report; the arrow keys go back as well.
    await page.getByRole("link", { name: "Naar het sessieverslag" }).waitFor();
    await page.keyboard.press("ArrowRight");
    await page.getByRole("status").filter({ hasText: "Thema 7 van 7" }).waitFor();
    await page.keyboard.press("PageUp");
    await expectTheme(page, 6);
    await page.keyboard.press("ArrowLeft");
    await expectTheme(page, 5);
    await expectAccessible(page);

    // The action is in the team plan, under theme 3.
    await page.goto(`${server.url}/teams/${teamId}/plan/thema/3`);
    await page.getByRole("heading", { level: 1, name: /^Teamverbeterplan: / }).waitFor();
    await expect
      .poll(() => page.getByRole("group", { name: "Actie 1" }).getByLabel("Wat").inputValue())
      .toBe("Werkbezoek bij een leerwerkplek plannen");

    // The session report lists it under theme 3, with every theme's mirror and questions.
    await page.goto(`${sessionUrl}/verslag`);
    await page.getByRole("heading", { level: 1, name: "Sessieverslag: Voorjaar 2026" }).waitFor();
    const theme3 = page.getByRole("region", { name: /^Thema 3: / });
    await expect.poll(() => theme3.textContent()).toContain("Werkbezoek bij een leerwerkplek plannen");
    await expect.poll(() => page.getByRole("heading", { level: 2, name: /^Thema \d: / }).count()).toBe(7);
    await page.getByRole("button", { name: "Afdrukken" }).waitFor();
    await expectAccessible(page);
    await screenshot(page, "spiegelsessie-verslag", "desktop");
    // On paper: no buttons or navigation, every theme still there.
    await page.emulateMedia({ media: "print" });
    await expect.poll(() => page.getByRole("button", { name: "Afdrukken" }).isVisible()).toBe(false);
    await expect.poll(() => page.getByRole("heading", { level: 2, name: /^Thema 7: / }).isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });

    // Phone, desktop and a beamer (large type) at theme 1.
    await page.goto(sessionUrl);
    await page.getByRole("status").filter({ hasText: "Thema 1 van 7" }).waitFor();
    await screenshot(page, "spiegelsessie", "desktop");
    const phone = await newPage("phone");
    await signedIn(phone, server.url, coordinator);
    await phone.goto(sessionUrl);
    await phone.getByRole("status").filter({ hasText: "Thema 1 van 7" }).waitFor();
    await expectAccessible(phone);
    await screenshot(phone, "spiegelsessie", "phone");
    const beamer = await newPage("projector");
    await signedIn(beamer, server.url, coordinator);
    await beamer.goto(`${sessionUrl}?weergave=projector`);
    await beamer.getByRole("status").filter({ hasText: "Thema 1 van 7" }).waitFor();
    await expect.poll(() => beamer.getByRole("button", { name: "Groot op de beamer" }).getAttribute("aria-pressed")).toBe("true");
    const size = await beamer.locator(".session").evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    await expectAccessible(beamer);
    await screenshot(beamer, "spiegelsessie", "projector");
  });
});
