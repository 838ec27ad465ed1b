import { describe, expect } from "vitest";
import { createRound, createTeam, httpApi, signUp } from "../src/server/test/factories.ts";
import { inviteTokensIn, type MailCatcher, startMailCatcher } from "../src/server/test/mail.ts";
import { startServer, type TestServer, test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, signedIn } from "./support.ts";

/** The app with a real mail server (SMTP_URL) behind it, so personal invitations are available. */
const withMail = test
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this destructuring
  .extend("mail", { scope: "file" }, async ({}, { onCleanup }): Promise<MailCatcher> => {
    const mail = await startMailCatcher();
    onCleanup(() => mail.close());
    return mail;
  })
  .extend("mailServer", { scope: "file" }, async ({ mail }, { onCleanup }): Promise<TestServer> => {
    const server = await startServer({ smtpUrl: mail.smtpUrl });
    onCleanup(() => server.close());
    return server;
  });

describe.skipIf(!browserAvailable)("personal single-use invitations in Chromium", () => {
  withMail("are mailed, never shown, and work once", async ({ mail, mailServer, newPage }) => {
    const api = httpApi(mailServer.url);
    const cookie = await signUp(api);
    const teamId = await createTeam(api, cookie, { name: "Team uitnodigingen" });
    const { id: roundId, invites } = await createRound(api, cookie, teamId, { name: "Werkgevers najaar" });

    const page = await newPage("desktop");
    await signedIn(page, mailServer.url, cookie);
    await page.goto(`${mailServer.url}/teams/${teamId}/metingen/${roundId}`);
    await page.getByRole("heading", { level: 2, name: "Persoonlijke uitnodigingen" }).waitFor();
    // Employers answer through personal invitations only: their open link goes off.
    await page.getByRole("button", { name: "Open link uitzetten voor werkgevers" }).click();
    await page.getByText("Open link staat uit: alleen persoonlijke uitnodigingen tellen mee.").waitFor();
    await expect.poll(() => page.getByRole("textbox", { name: "Link voor werkgevers" }).count()).toBe(0);
    await page.getByLabel("Groep", { exact: true }).selectOption({ label: "Werkgevers" });
    await page.getByLabel("E-mailadressen").fill("planner@bedrijf.example\nhr@bedrijf.example, geen-adres");
    await page.getByRole("button", { name: "Verstuur uitnodigingen" }).click();
    await page.getByText(/Deze adressen kloppen niet: geen-adres/).waitFor();
    await page.getByLabel("E-mailadressen").fill("planner@bedrijf.example\nhr@bedrijf.example");
    await page.getByRole("button", { name: "Verstuur uitnodigingen" }).click();
    await page.getByRole("status").filter({ hasText: "2 uitnodigingen verstuurd." }).waitFor();
    await expect.poll(() => page.getByText("verstuurd: 2, gebruikt: 0").count()).toBe(1);
    // The addresses are gone from the form and the page shows no link.
    expect(await page.getByLabel("E-mailadressen").inputValue()).toBe("");
    await expectAccessible(page);
    await screenshot(page, "30-persoonlijke-uitnodigingen", "desktop");

    // The coordinator's sign-up sent a verification mail; the invitations are the rest.
    const invitations = mail.received.filter((m) => m.to.endsWith("@bedrijf.example"));
    expect(invitations.map((m) => m.to).sort()).toEqual(["hr@bedrijf.example", "planner@bedrijf.example"]);
    const [token = ""] = inviteTokensIn(invitations[0]?.text ?? "");
    expect(await page.content()).not.toContain(token);

    // The invited employer opens the link: it works once.
    const employer = await newPage("phone");
    await employer.goto(`${mailServer.url}/meedoen/${token}`);
    await employer.getByRole("button", { name: "Begin" }).waitFor();
    await expectAccessible(employer);
    await screenshot(employer, "31-persoonlijke-link", "phone");
    await employer.getByRole("button", { name: "Begin" }).click();
    await employer.getByRole("heading", { level: 1, name: /^Stap 1 van 7/ }).waitFor();
    const again = await newPage("phone");
    await again.goto(`${mailServer.url}/meedoen/${token}`);
    await again.getByRole("heading", { level: 1, name: "Deze persoonlijke link is al gebruikt" }).waitFor();
    await expect.poll(() => again.getByRole("button", { name: "Begin" }).count()).toBe(0);
    await expectAccessible(again);
    await screenshot(again, "31-persoonlijke-link-gebruikt", "phone");

    const openLink = await newPage("phone");
    await openLink.goto(`${mailServer.url}${new URL(invites.employer).pathname}`);
    await openLink.getByRole("heading", { level: 1, name: "Meedoen gaat met een persoonlijke uitnodiging" }).waitFor();
    await expectAccessible(openLink);

    await page.reload();
    await expect.poll(() => page.getByText("verstuurd: 2, gebruikt: 1").count()).toBe(1);
  });
});
