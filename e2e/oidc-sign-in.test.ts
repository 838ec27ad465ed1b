import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect } from "vitest";
import type { Database } from "../src/db/client.ts";
import { buildApp } from "../src/server/app.ts";
import { OIDC_PROVIDER_ID } from "../src/server/config.ts";
import { testAppConfig } from "../src/server/test/app.ts";
import { openPgliteCopy } from "../src/server/test/databases.ts";
import { freePort, startOidcProvider, type TestOidcProvider } from "../src/server/test/oidc-provider.ts";
import { test } from "./fixtures.ts";
import { browserAvailable, expectAccessible, screenshot } from "./support.ts";

const root = resolve(import.meta.dirname, "..");

/**
 * "Inloggen met <naam>" in Chromium: the built app configured against a real OpenID Connect provider (oidc-provider,
 * as in src/server/auth/oidc.api.test.ts); the browser clicks the button, signs in on the provider's form, consents,
 * and comes back signed in. The API test covers linking and roles; this one the button and the whole walk in a browser.
 */
describe.skipIf(!browserAvailable)("sign-in with the organisation's account in Chromium", () => {
  let provider: TestOidcProvider | undefined;
  let app: FastifyInstance | undefined;
  let database: Database | undefined;
  let url = "";
  const dataDir = mkdtempSync(join(tmpdir(), "verbetertool-e2e-oidc-"));

  beforeAll(async () => {
    url = `http://127.0.0.1:${await freePort()}`;
    provider = await startOidcProvider(`${url}/api/auth/callback/${OIDC_PROVIDER_ID}`);
    provider.add({ sub: "jan.jansen", email: "jan.jansen@gemeente.test", emailVerified: true, name: "Jan Jansen" });
    database = await openPgliteCopy();
    const { issuer, clientId, clientSecret } = provider;
    app = await buildApp({
      database,
      config: testAppConfig({
        webDir: join(root, "dist/web"),
        dataDir,
        publicUrl: url,
        oidc: { issuer, clientId, clientSecret, name: "Gemeente Test", trustedForEmail: false },
      }),
    });
    await app.listen({ port: Number(new URL(url).port), host: "127.0.0.1" });
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await provider?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("signs in through the provider and comes back signed in", async ({ newPage }) => {
    const page = await newPage("phone");
    await page.goto(`${url}/account/inloggen?next=%2Faccount`);
    const button = page.getByRole("button", { name: "Inloggen met Gemeente Test" });
    await button.waitFor();
    await expectAccessible(page);
    await screenshot(page, "54-inloggen-organisatie", "phone");

    // Keyboard: the button is reachable and works with Enter.
    await button.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((at) => at.origin === new URL(provider?.issuer ?? "").origin);
    await page.locator('input[name="login"]').fill("jan.jansen");
    await page.locator('input[name="password"]').fill("wat-dan-ook");
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click(); // the provider's consent page: "Continue"
    await page.waitForURL(`${url}/account`);
    await page.getByRole("heading", { level: 1, name: "Mijn account" }).waitFor();
    await page.getByText("jan.jansen@gemeente.test", { exact: true }).waitFor();
    expect(await page.getByText("Jan Jansen").count()).toBeGreaterThan(0);
  });

  test("explains in Dutch why a sign-in came back refused", async ({ newPage }) => {
    const page = await newPage("desktop");
    await page.goto(`${url}/account/inloggen?next=%2Faccount&error=account_not_linked`);
    await page.getByRole("alert").getByText("Er is al een account met dit e-mailadres.", { exact: false }).waitFor();
    await expectAccessible(page);
  });
});
