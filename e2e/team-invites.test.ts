import { describe, expect } from "vitest";
import { createTeam, signUp, uniqueEmail } from "../src/server/test/factories.ts";
import { test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot, signedIn } from "./support.ts";

describe.skipIf(!browserAvailable)("team invite links in Chromium", () => {
  test("a coordinator makes a link, sees until when it works, and revokes it; a member sees no addresses", async ({
    server,
    api,
    newPage,
  }) => {
    const coordinatorEmail = uniqueEmail("coordinator");
    const coordinator = await signUp(api, coordinatorEmail, undefined, "Coördinator Test");
    const teamId = await createTeam(api, coordinator, { name: "Team Uitnodigingen" });

    const page = await newPage("desktop");
    await signedIn(page, server.url, coordinator);
    await page.goto(`${server.url}/teams/${teamId}`);
    await page.getByRole("heading", { level: 3, name: "Collega's uitnodigen" }).waitFor();
    await page.getByRole("button", { name: "Maak een link voor een teamlid" }).click();

    const field = page.getByRole("textbox", { name: /^Link voor een teamlid, werkt tot \d+ \w+ \d{4}$/ });
    await field.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? "")).toMatch(/^uitnodiging-/);
    const url = await field.inputValue();
    const token = url.split("/").at(-1) ?? "";
    expect((await api("GET", `/api/team-invites/${token}`)).statusCode).toBe(200);
    await expectAccessible(page);
    await screenshot(page, "team-invites", "desktop");

    // A member joins through a second link and sees names only.
    await page.getByRole("button", { name: "Maak een link voor een teamlid" }).click();
    await expect.poll(() => page.getByRole("textbox", { name: /^Link voor een teamlid/ }).count()).toBe(2);
    const memberToken =
      (
        await page
          .getByRole("textbox", { name: /^Link voor een teamlid/ })
          .nth(1)
          .inputValue()
      )
        .split("/")
        .at(-1) ?? "";
    const member = await signUp(api, uniqueEmail("lid"), undefined, "Lid Test");
    expect((await api("POST", `/api/team-invites/${memberToken}/accept`, { cookie: member })).statusCode).toBe(200);

    await page
      .getByRole("button", { name: /^Link intrekken \(voor een teamlid, werkt tot / })
      .first()
      .click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "ingetrokken" }).textContent())
      .toBe("De link voor een teamlid is ingetrokken en werkt niet meer.");
    await expect.poll(() => page.getByRole("textbox", { name: /^Link voor een teamlid/ }).count()).toBe(1);
    expect((await api("GET", `/api/team-invites/${token}`)).statusCode).toBe(404);
    await expectAccessible(page);

    await page.reload();
    await page.getByRole("heading", { level: 3, name: "Collega's uitnodigen" }).waitFor();
    await expect.poll(() => page.getByRole("textbox", { name: /^Link voor een teamlid/ }).count()).toBe(1);
    await expect.poll(() => page.getByText(coordinatorEmail).count()).toBe(1);

    const memberPage = await newPage("desktop");
    await signedIn(memberPage, server.url, member);
    await memberPage.goto(`${server.url}/teams/${teamId}`);
    await memberPage.getByText("Coördinator Test").waitFor();
    expect(await memberPage.getByText("@example.nl").count()).toBe(0);
    expect(await memberPage.getByRole("heading", { name: "Collega's uitnodigen" }).count()).toBe(0);
  });
});
