import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { type Api, createTeam, DEFAULT_PASSWORD, signUp, uniqueEmail } from "../src/server/test/factories.ts";
import { type TestServer, test } from "./fixtures.ts";
import { mailedVerificationPath } from "./mail.ts";
import { browserAvailable, expectAccessible, screenshot, VIEWPORTS, type ViewportName } from "./support.ts";

/** Puts the session of `cookie` ("name=value; …" as the factories return it) into the page's browser context. */
async function signInPage(page: Page, server: TestServer, cookie: string) {
  const cookies = cookie.split("; ").map((pair) => {
    const eq = pair.indexOf("=");
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: server.url };
  });
  await page.context().addCookies(cookies);
}

/** A coordinator with a team of two (a colleague in it) and a team of their own. */
async function coordinatorWithTeams(api: Api, viewport: ViewportName) {
  const email = uniqueEmail(`account-${viewport}`);
  const cookie = await signUp(api, email, DEFAULT_PASSWORD, "Fatima de Vries");
  const colleague = await signUp(api, uniqueEmail("collega"), DEFAULT_PASSWORD, "Gerrit Jansen");
  const shared = await createTeam(api, cookie, { name: `Jongerenloket ${viewport}` });
  await createTeam(api, cookie, { name: `Eigen proefteam ${viewport}` });
  const invite = (await api("POST", `/api/teams/${shared}/invites`, { cookie, payload: { role: "member" } })).json();
  await api("POST", `/api/team-invites/${invite.token}/accept`, { cookie: colleague });
  return { email, cookie, shared };
}

describe.skipIf(!browserAvailable)("the account page in Chromium: verify, download, hand over or delete along, delete", () => {
  test("shows the data, verifies the address, downloads the JSON and deletes the account", async ({ server, api, newPage }) => {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const { email, cookie } = await coordinatorWithTeams(api, viewport);
      const page = await newPage(viewport);
      await signInPage(page, server, cookie);

      await page.goto(`${server.url}/account`);
      await page.getByRole("heading", { level: 1, name: "Mijn account" }).waitFor();
      await page.getByText(email, { exact: true }).waitFor();
      await page.getByText("Jij bent de enige coördinator, en er zitten nog anderen in dit team.", { exact: false }).waitFor();
      await expectAccessible(page);
      await screenshot(page, "50-mijn-account", viewport);

      // Not verified yet: a new mail, and its link lands on the Dutch page.
      await page.getByRole("button", { name: "Stuur de bevestigingsmail opnieuw" }).click();
      await page.getByText(`We hebben een nieuwe mail gestuurd naar ${email}.`, { exact: false }).waitFor();
      await expect.poll(() => mailedVerificationPath(server.mailDir, email), { timeout: 15_000 }).toBeDefined();
      await page.goto(`${server.url}${mailedVerificationPath(server.mailDir, email)}`);
      await page.getByRole("heading", { level: 1, name: "Je e-mailadres is bevestigd" }).waitFor();
      await expectAccessible(page);
      await screenshot(page, "51-adres-bevestigd", viewport);
      await page.getByRole("link", { name: "Naar mijn account" }).click();
      await page.getByRole("heading", { level: 1, name: "Mijn account" }).waitFor();
      await expect.poll(() => page.getByRole("button", { name: "Stuur de bevestigingsmail opnieuw" }).count()).toBe(0);

      // The download: a JSON file with the account's own data.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download mijn gegevens (JSON)" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^mijn-gegevens-verbetertool-\d{4}-\d{2}-\d{2}\.json$/);
      const data = JSON.parse(readFileSync(String(await download.path()), "utf8"));
      expect(data.account).toMatchObject({ email, name: "Fatima de Vries", emailVerified: true });
      expect(data.teams).toHaveLength(2);
      expect(JSON.stringify(data)).not.toContain("Gerrit");

      if (viewport === "desktop") {
        // Hand over: the colleague becomes coordinator, the team stays.
        const handOver = page.getByRole("form", { name: `Coördinator maken van Jongerenloket ${viewport}` });
        await handOver.getByRole("combobox", { name: "Wie wordt coördinator?" }).selectOption({ label: "Gerrit Jansen" });
        await handOver.getByRole("button", { name: "Maak coördinator" }).click();
        await expect.poll(() => page.getByRole("form", { name: `Coördinator maken van Jongerenloket ${viewport}` }).count()).toBe(0);
        await page.getByText("Verwijder je je account, dan verlaat je dit team.", { exact: false }).waitFor();
      }

      await page.getByRole("button", { name: "Account verwijderen" }).click();
      await page.getByRole("heading", { level: 3, name: "Weet je zeker dat je je account wilt verwijderen?" }).waitFor();
      if (viewport === "phone") {
        // The only coordinator must choose: submitting without a choice names the team.
        await page.getByLabel("Je wachtwoord, ter bevestiging").fill(DEFAULT_PASSWORD);
        await page.getByRole("button", { name: "Account definitief verwijderen" }).click();
        await page.getByText(`Maak eerst iemand anders coördinator van Jongerenloket ${viewport}`, { exact: false }).waitFor();
        // Focus moves to the first invalid field: the team still to decide on.
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/^verwijder-team-/);
        await page.getByRole("checkbox", { name: `Verwijder team ‘Jongerenloket ${viewport}’`, exact: false }).check();
      }
      await page.getByLabel("Je wachtwoord, ter bevestiging").fill("niet-mijn-wachtwoord");
      await page.getByRole("button", { name: "Account definitief verwijderen" }).click();
      await page.getByText("Dit wachtwoord klopt niet.").waitFor();
      // The API's refusal goes next to the password field, and focus with it.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("verwijder-wachtwoord");
      await expectAccessible(page);
      await screenshot(page, "52-account-verwijderen", viewport);

      await page.getByLabel("Je wachtwoord, ter bevestiging").fill(DEFAULT_PASSWORD);
      await page.getByRole("button", { name: "Account definitief verwijderen" }).click();
      await page.getByRole("heading", { level: 1, name: "Je account is verwijderd" }).waitFor();
      await page.getByText(`Eigen proefteam ${viewport}`, { exact: false }).waitFor();
      await expectAccessible(page);
      await screenshot(page, "53-account-verwijderd", viewport);

      // Gone: the old session no longer works and the password no longer signs in.
      expect((await api("GET", "/api/account", { cookie })).statusCode).toBe(401);
      const signIn = await api("POST", "/api/auth/sign-in/email", {
        payload: { email, password: DEFAULT_PASSWORD },
        headers: { origin: server.url },
      });
      expect(signIn.statusCode).toBe(401);
    }
  });
});
