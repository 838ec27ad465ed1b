import { describe, expect } from "vitest";
import type { Api } from "../src/server/test/factories.ts";
import { createRound, createTeam, httpApi, respond, signUp, uniqueEmail } from "../src/server/test/factories.ts";
import { startServer, type TestServer, test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, signedIn } from "./support.ts";

/** A team with a closed round of three professionals; `share`: it counts in comparisons. */
async function teamWithRound(
  api: Api,
  cookie: string,
  name: string,
  organisation: string,
  municipality: string,
  score: number,
  share: boolean,
) {
  const teamId = await createTeam(api, cookie, { name, organisation });
  const fields = await api("PATCH", `/api/teams/${teamId}`, { cookie, payload: { municipality, organisationKind: "gemeente" } });
  expect(fields.statusCode, fields.body).toBe(200);
  const round = await createRound(api, cookie, teamId, { name: "Najaar", perspectives: ["professional"] });
  for (const delta of [0, 1, 2])
    await respond(api, round.invites.professional ?? "", { "1.1": score, "1.2": Math.min(10, score + delta - 1) });
  expect((await api("POST", `/api/rounds/${round.id}/close`, { cookie })).statusCode).toBe(200);
  if (share) expect((await api("PUT", `/api/teams/${teamId}/sharing`, { cookie, payload: { share: true } })).statusCode).toBe(200);
  return { teamId, roundId: round.id };
}

/** The app on a clock the test moves a week at a time (a Wednesday noon to start): the peer pool is frozen per week. */
let weeks = 0;
// biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this destructuring
const weekly = test.extend("weeklyServer", { scope: "file" }, async ({}, { onCleanup }): Promise<TestServer> => {
  const server = await startServer({ clock: () => new Date(Date.UTC(2030, 0, 2, 12) + weeks * 7 * 86_400_000) });
  onCleanup(() => server.close());
  return server;
});

describe.skipIf(!browserAvailable)("comparison with peers in Chromium", () => {
  weekly("a coordinator sets the team's fields, shares, and sees the round next to comparable teams", async ({ weeklyServer, newPage }) => {
    const server = weeklyServer;
    const api = httpApi(server.url);
    const coordinator = await signUp(api, uniqueEmail("coordinator-vergelijk"), undefined, "Coördinator Vergelijk");
    // Free text from before the structured fields: the region names Leeuwarden.
    const teamId = await createTeam(api, coordinator, {
      name: "Team Vergelijk",
      organisation: "Gemeente Leeuwarden",
      region: "Leeuwarden",
    });
    const round = await createRound(api, coordinator, teamId, { name: "Najaar 2026", perspectives: ["professional"] });
    for (const score of [5, 6, 7]) await respond(api, round.invites.professional ?? "", { "1.1": score, "1.2": score });
    expect((await api("POST", `/api/rounds/${round.id}/close`, { cookie: coordinator })).statusCode).toBe(200);
    const peers = await signUp(api, uniqueEmail("andere-teams"));
    const names: string[] = [];
    for (const [i, [organisation, municipality]] of [
      ["Gemeente Assen", "Assen"],
      ["Gemeente Emmen", "Emmen"],
      ["Gemeente Smallingerland", "Smallingerland"],
      ["Gemeente Zwolle", "Zwolle"],
      ["Gemeente Heerenveen", "Heerenveen"],
    ].entries()) {
      const name = `Ander team ${i + 1}`;
      names.push(name, (await teamWithRound(api, peers, name, organisation ?? "", municipality ?? "", 7 + (i % 2), true)).teamId);
    }
    // Someone asks for a comparison this week before we share: this week's pool is made without us.
    expect((await api("GET", `/api/rounds/${round.id}/comparison`, { cookie: coordinator })).statusCode).toBe(200);

    for (const viewport of ["desktop", "phone"] as const) {
      const page = await newPage(viewport);
      await signedIn(page, server.url, coordinator);
      await page.goto(`${server.url}/teams/${teamId}`);
      await page.getByRole("heading", { level: 2, name: "Instellingen van het team" }).waitFor();
      const municipality = page.getByLabel("Gemeente uit de lijst");
      // The free-text region is mapped onto the list.
      await expect.poll(() => municipality.inputValue()).toBe("Leeuwarden");
      if (viewport === "desktop") {
        await page.getByLabel("Soort organisatie").selectOption("gemeente");
        // The native select takes the keyboard: focus it and type to jump to a municipality.
        await municipality.focus();
        await municipality.selectOption("Leeuwarden");
        await page.getByRole("button", { name: "Instellingen opslaan" }).click();
        await page.getByText("✓ Opgeslagen").first().waitFor();
        await page.getByLabel("Deel onze cijfers anoniem met vergelijkbare teams").check();
        await page.getByText("Jullie team deelt zijn cijfers anoniem.").first().waitFor();
        await page.getByText("Dit telt mee vanaf maandag 7 januari 2030.").waitFor();
        await expectAccessible(page);
        await page.getByRole("heading", { level: 2, name: "Vergelijken met andere teams" }).scrollIntoViewIfNeeded();
        await screenshot(page, "75-team-vergelijken", viewport);
      }
      expect(await page.getByLabel("Soort organisatie").inputValue()).toBe("gemeente");
      if (viewport === "phone") await screenshot(page, "75-team-vergelijken", viewport);

      await page.getByRole("link", { name: "Vergelijk Najaar 2026" }).click();
      await page.getByRole("heading", { level: 1, name: "Vergelijking: Najaar 2026" }).waitFor();
      if (viewport === "desktop") {
        // Sharing counts from next Monday's pool: until then the page says so.
        await page.getByText("Vanaf maandag 7 januari 2030 zie je hier de vergelijking.").waitFor();
        await expectAccessible(page);
        weeks += 1;
        await page.reload();
      }
      const table = page.getByRole("table", { name: "Professionals: jullie team naast andere teams" });
      const row = table.getByRole("row", { name: /^1\.1 / });
      // Own 6,0; five organisations at 7, 8, 7, 8, 7 → 7,4 → shown in steps of a half: 7,5.
      await expect.poll(() => row.textContent()).toContain("6,0");
      await expect.poll(() => row.textContent()).toContain("7,5");
      await expect.poll(() => row.textContent()).toContain("5–9");
      const body = (await page.locator("main").textContent()) ?? "";
      for (const secret of names) expect(body).not.toContain(secret);
      await expectAccessible(page);
      await screenshot(page, "76-vergelijking", viewport);

      if (viewport === "desktop") {
        // Only two others are in Fryslân: the province filter leaves too few organisations and says so.
        await page.getByLabel("Gebied").selectOption("province");
        await page.getByRole("button", { name: "Toon vergelijking" }).click();
        await page.getByText("Met deze keuze doen te weinig organisaties mee").waitFor();
        await expectAccessible(page);
      }
    }

    // The cross-organisation spiegel: another team's coordinator accepts our code; then both sides are shown.
    const page = await newPage("desktop");
    await signedIn(page, server.url, coordinator);
    await page.goto(`${server.url}/teams/${teamId}`);
    await page.getByRole("button", { name: "Maak een uitnodigingscode" }).click();
    const code = await page.getByLabel("Geef deze code binnen 14 dagen door aan de coördinator van het andere team").inputValue();
    const otherTeam = names[1] ?? "";
    const accepted = await api("POST", `/api/teams/${otherTeam}/spiegels/accept`, { cookie: peers, payload: { code } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await page.reload();
    await page.getByRole("link", { name: "Bekijk spiegel met Ander team 1" }).click();
    await page.getByRole("heading", { level: 1, name: "Spiegel: Team Vergelijk en Ander team 1" }).waitFor();
    const themes = page.getByRole("table", { name: "Professionals: gemiddelde per thema" });
    await expect.poll(() => themes.getByRole("row").nth(1).textContent()).toContain("6,0");
    await expectAccessible(page);
    await screenshot(page, "77-spiegel-ander-team", "desktop");
    // Stopping it ends it for both.
    await page.goto(`${server.url}/teams/${teamId}`);
    await page.getByRole("button", { name: "Stop spiegel met Ander team 1" }).click();
    await page.getByText("✓ De spiegel is gestopt.").waitFor();
    const mirror = await api("GET", `/api/teams/${otherTeam}/spiegels`, { cookie: peers });
    expect(mirror.json()).toEqual([]);
  });
});
