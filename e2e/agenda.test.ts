import { describe, expect } from "vitest";
import { createRound, createTeam, respond, signUp, uniqueEmail } from "../src/server/test/factories.ts";
import { test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, signedIn } from "./support.ts";

describe.skipIf(!browserAvailable)("intervisie agenda in Chromium", () => {
  test("a team member opens the agenda of a round, with the PDF to download", async ({ server, api, newPage }) => {
    const coordinator = await signUp(api, uniqueEmail("coordinator-agenda"), undefined, "Coördinator Agenda");
    const teamId = await createTeam(api, coordinator, { name: "Team Agenda" });
    const round = await createRound(api, coordinator, teamId, { name: "Najaar 2026", perspectives: ["professional"] });
    for (const score of [3, 4, 5]) await respond(api, round.invites.professional ?? "", { "1.1": score, "1.2": 8, "2.8": 6 });
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
    const added = await api("POST", `/api/teams/${teamId}/plan/actions`, {
      cookie: coordinator,
      payload: { themeId: "1", factorId: "1.1", what: "Intakegesprekken samen voorbereiden", when: yesterday },
    });
    expect(added.statusCode, added.body).toBe(201);

    for (const viewport of ["phone", "desktop"] as const) {
      const page = await newPage(viewport);
      await signedIn(page, server.url, coordinator);
      await page.goto(`${server.url}/teams/${teamId}/metingen/${round.id}/agenda`);
      await page.getByRole("heading", { level: 1, name: "Agenda intervisie: Najaar 2026" }).waitFor();
      const lowest = page.getByRole("region", { name: "1. Laagste scores" });
      await expect.poll(() => lowest.getByRole("listitem").first().textContent()).toContain("1.1");
      await expect.poll(() => lowest.textContent()).toContain("Professionals: 4,0");
      await page
        .getByRole("region", { name: "2. Grootste verschillen tussen groepen" })
        .getByText(/minstens twee groepen/)
        .waitFor();
      const actions = page.getByRole("region", { name: "3. Acties die (bijna) af moeten zijn" });
      await expect.poll(() => actions.textContent()).toContain("Intakegesprekken samen voorbereiden");
      await expect.poll(() => actions.textContent()).toContain("(verlopen)");
      await page.getByRole("button", { name: "Afdrukken" }).waitFor();
      const pdf = await page.getByRole("link", { name: "Download als PDF" }).getAttribute("href");
      expect(pdf).toBe(`/api/rounds/${round.id}/agenda.pdf`);
      await expectAccessible(page);
      await screenshot(page, "intervisie-agenda", viewport);
      if (viewport === "desktop") {
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download als PDF" }).click()]);
        expect(download.suggestedFilename()).toBe("agenda-najaar-2026.pdf");
      }
    }
  });
});
