import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markEmailVerified } from "../account/service.ts";
import { OIDC_PROVIDER_ID } from "../config.ts";
import { TEST_MODERATOR } from "../test/app.ts";
import { type DatabaseTarget, databaseTargets } from "../test/databases.ts";
import { uniqueEmail } from "../test/factories.ts";
import { freePort, type ProviderPerson, startOidcProvider, TestBrowser, type TestOidcProvider } from "../test/oidc-provider.ts";
import { useTestApp } from "../test/use-app.ts";

/**
 * Sign-in with the organisation's account, end to end over HTTP: the app listens on a local port and is configured
 * against a real OpenID Connect provider (oidc-provider) on another; a TestBrowser starts the sign-in at the app,
 * fills in the provider's sign-in and consent forms, and follows the redirects back to the app's callback.
 */
function useOidcApp(target: DatabaseTarget, trustedForEmail: boolean) {
  const dataDir = mkdtempSync(join(tmpdir(), "verbetertool-oidc-"));
  const env = { origin: "", provider: undefined as TestOidcProvider | undefined };
  const ctx = useTestApp(target, async () => {
    env.origin = `http://127.0.0.1:${await freePort()}`;
    env.provider = await startOidcProvider(`${env.origin}/api/auth/callback/${OIDC_PROVIDER_ID}`);
    const { issuer, clientId, clientSecret } = env.provider;
    return { dataDir, publicUrl: env.origin, oidc: { issuer, clientId, clientSecret, name: "Gemeente Test", trustedForEmail } };
  });
  beforeAll(async () => {
    await ctx.app.listen({ port: Number(new URL(env.origin).port), host: "127.0.0.1" });
  });
  afterAll(async () => env.provider?.close());

  /** A new person at the provider (a fresh login name each time). */
  const person = (fields: Partial<ProviderPerson> = {}): ProviderPerson => {
    const sub = `medewerker-${Math.random().toString(36).slice(2, 10)}`;
    const made = { sub, email: `${sub}@gemeente.test`, emailVerified: true, name: "Mia Medewerker", ...fields };
    env.provider?.add(made);
    return made;
  };

  /**
   * Signs `who` in the way a browser does: start at the app, sign in at the provider's form (and consent), back through
   * the app's callback. Returns where the app sends the browser at the end (a page of the web app).
   */
  async function signInThroughProvider(browser: TestBrowser, who: ProviderPerson): Promise<URL> {
    const provider = new URL(env.provider?.issuer ?? "").origin;
    const start = await browser.request(`${env.origin}/api/auth/sign-in/social`, {
      method: "POST",
      body: JSON.stringify({ provider: OIDC_PROVIDER_ID, callbackURL: "/account", errorCallbackURL: "/account/inloggen" }),
      headers: { origin: env.origin, "content-type": "application/json" },
    });
    expect(start.status).toBe(200);
    const { url } = (await start.json()) as { url: string };
    expect(new URL(url).origin).toBe(provider);
    // The provider's pages and the app's API are part of the walk; a page of the web app ends it.
    const inFlow = (next: URL) => next.origin === provider || (next.origin === env.origin && next.pathname.startsWith("/api/"));
    let step = await browser.follow(url, inFlow);
    const forms: string[] = [];
    while (!step.location) {
      const html = await step.response.text();
      expect(step.response.status, html).toBe(200);
      const login = html.includes('name="login"');
      forms.push(login ? "login" : "consent");
      expect(forms.length).toBeLessThan(4);
      const answer = await browser.submitForm(step.url, html, login ? { login: who.sub, password: "wat-dan-ook" } : {});
      const next = new URL(answer.headers.get("location") ?? "", step.url);
      step = inFlow(next) ? await browser.follow(next.href, inFlow) : { url: step.url, response: answer, location: next };
    }
    expect(forms[0]).toBe("login");
    expect(step.location.origin).toBe(env.origin);
    return step.location;
  }

  /** GET on the app with the browser's cookies. */
  const get = async (browser: TestBrowser, path: string) => browser.request(`${env.origin}${path}`);
  const me = async (browser: TestBrowser) => (await get(browser, "/api/me")).json();
  /** The account's id and its logins, from the account download. */
  const exported = async (browser: TestBrowser) => {
    const res = await get(browser, "/api/account/export");
    expect(res.status).toBe(200);
    const data = (await res.json()) as { account: { id: string; emailVerified: boolean }; logins: { providerId: string }[] };
    return { id: data.account.id, emailVerified: data.account.emailVerified, logins: data.logins.map((l) => l.providerId).sort() };
  };

  /** Signs up with e-mail and password over HTTP; the browser is signed in to the new account. */
  async function passwordAccount(email: string, password: string, name: string): Promise<TestBrowser> {
    const browser = new TestBrowser();
    const res = await browser.request(`${env.origin}/api/auth/sign-up/email`, {
      method: "POST",
      body: JSON.stringify({ email, password, name }),
      headers: { origin: env.origin, "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    return browser;
  }

  return { ctx, env, dataDir, person, signInThroughProvider, get, me, exported, passwordAccount };
}

describe.each(databaseTargets())("sign-in with the organisation's account (not trusted for e-mail) on $name", (target) => {
  const t = useOidcApp(target, false);

  it("tells the web the button's label, never the client's id or secret", async () => {
    const res = await t.ctx.app.inject({ method: "GET", url: "/api/auth-options" });
    expect(res.json()).toEqual({ oidc: { providerId: OIDC_PROVIDER_ID, name: "Gemeente Test" } });
    expect(res.body).not.toContain(t.env.provider?.clientSecret);
  });

  it("signs in through the provider, creates the account, and signs in again to the same account", async () => {
    const who = t.person({ name: "Anna Ambtenaar" });
    const first = new TestBrowser();
    const landing = await t.signInThroughProvider(first, who);
    expect(landing.pathname).toBe("/account");
    expect(await t.me(first)).toEqual({ user: { email: who.email, name: "Anna Ambtenaar", emailVerified: false }, moderator: false });
    const created = await t.exported(first);
    expect(created.logins).toEqual([OIDC_PROVIDER_ID]);

    // Another browser (no cookies at the app nor at the provider): the whole walk again.
    const second = new TestBrowser();
    expect((await t.me(second)).user).toBeNull();
    expect((await t.signInThroughProvider(second, who)).pathname).toBe("/account");
    expect((await t.me(second)).user).toMatchObject({ email: who.email });
    expect(await t.exported(second)).toEqual(created);
  });

  it("does not let a provider that is not trusted for e-mail take over a password account with the same address", async () => {
    const email = uniqueEmail();
    await t.passwordAccount(email, "eigen-wachtwoord-1", "Eigenaar");
    // Even an address verified here does not link: the provider is not trusted to say whose address it is.
    await markEmailVerified(t.ctx.database.db, email);
    const browser = new TestBrowser();
    const landing = await t.signInThroughProvider(browser, t.person({ email, emailVerified: true }));
    expect(landing.pathname).toBe("/account/inloggen");
    expect(landing.searchParams.get("error")).toBe("account_not_linked");
    expect((await t.me(browser)).user).toBeNull();

    const owner = new TestBrowser();
    const signIn = await owner.request(`${t.env.origin}/api/auth/sign-in/email`, {
      method: "POST",
      body: JSON.stringify({ email, password: "eigen-wachtwoord-1" }),
      headers: { origin: t.env.origin, "content-type": "application/json" },
    });
    expect(signIn.status).toBe(200);
    expect((await t.exported(owner)).logins).toEqual(["credential"]);
  });

  it("gives no moderator rights for a listed address on the provider's email_verified claim; the app's own mail does", async () => {
    const browser = new TestBrowser();
    await t.signInThroughProvider(browser, t.person({ email: TEST_MODERATOR.email, emailVerified: true }));
    expect(await t.me(browser)).toMatchObject({ user: { email: TEST_MODERATOR.email, emailVerified: false }, moderator: false });
    expect((await t.get(browser, "/api/kennisbank/submissions")).status).toBe(403);

    // The verification mail the app sent when the account was made; its link verifies the address.
    const mails = readdirSync(join(t.dataDir, "mail")).filter((f) => f.includes(TEST_MODERATOR.email));
    expect(mails).toHaveLength(1);
    const link = readFileSync(join(t.dataDir, "mail", mails[0] ?? ""), "utf8").match(/https?:\/\/\S+\/api\/auth\/verify-email\?\S+/)?.[0];
    expect(link).toBeDefined();
    expect((await browser.request(link ?? "")).status).toBe(302);
    expect(await t.me(browser)).toMatchObject({ user: { emailVerified: true }, moderator: true });
    expect((await t.get(browser, "/api/kennisbank/submissions")).status).toBe(200);
  });

  it("lets an account made through the provider choose a password by mail, and so delete itself (AVG art. 17)", async () => {
    const who = t.person();
    const browser = new TestBrowser();
    await t.signInThroughProvider(browser, who);
    const { id } = await t.exported(browser);
    const json = { origin: t.env.origin, "content-type": "application/json" };
    const post = (path: string, body: unknown, method = "POST") =>
      browser.request(`${t.env.origin}${path}`, { method, body: JSON.stringify(body), headers: json });

    expect((await post("/api/auth/request-password-reset", { email: who.email })).status).toBe(200);
    const mail = readdirSync(join(t.dataDir, "mail"))
      .filter((f) => f.includes(who.email))
      .map((f) => readFileSync(join(t.dataDir, "mail", f), "utf8"))
      .find((text) => text.includes("wachtwoord-herstellen?token="));
    const token = decodeURIComponent(mail?.match(/wachtwoord-herstellen\?token=([^\s]+)/)?.[1] ?? "");
    expect((await post("/api/auth/reset-password", { token, newPassword: "gekozen-wachtwoord-1" })).status).toBe(200);
    expect((await post("/api/auth/sign-in/email", { email: who.email, password: "gekozen-wachtwoord-1" })).status).toBe(200);
    expect(await t.exported(browser)).toMatchObject({ id, logins: ["credential", OIDC_PROVIDER_ID].sort() });

    const deleted = await post("/api/account", { password: "gekozen-wachtwoord-1" }, "DELETE");
    expect(deleted.status, await deleted.clone().text()).toBe(200);
    // Gone with its logins: the next sign-in through the provider makes a new account.
    const again = new TestBrowser();
    await t.signInThroughProvider(again, who);
    expect((await t.exported(again)).id).not.toBe(id);
  });
});

describe.each(databaseTargets())("sign-in with the organisation's account (trusted for e-mail) on $name", (target) => {
  const t = useOidcApp(target, true);

  it("links to the existing account with that address once the address was verified here", async () => {
    const email = uniqueEmail();
    const byPassword = await t.passwordAccount(email, "eigen-wachtwoord-1", "Eigenaar");
    await markEmailVerified(t.ctx.database.db, email);
    const before = await t.exported(byPassword);

    const browser = new TestBrowser();
    expect((await t.signInThroughProvider(browser, t.person({ email: email.toUpperCase() }))).pathname).toBe("/account");
    expect(await t.exported(browser)).toEqual({ id: before.id, emailVerified: true, logins: ["credential", OIDC_PROVIDER_ID].sort() });
  });

  it("does not link to an account whose address was never verified (someone may have signed up with another's address)", async () => {
    const email = uniqueEmail();
    await t.passwordAccount(email, "eigen-wachtwoord-1", "Iemand Anders");
    const browser = new TestBrowser();
    const landing = await t.signInThroughProvider(browser, t.person({ email }));
    expect(landing.searchParams.get("error")).toBe("account_not_linked");
    expect((await t.me(browser)).user).toBeNull();
  });

  it("still gives no moderator rights on the provider's claim", async () => {
    const browser = new TestBrowser();
    await t.signInThroughProvider(browser, t.person({ email: TEST_MODERATOR.email, emailVerified: true }));
    expect(await t.me(browser)).toMatchObject({ user: { emailVerified: false }, moderator: false });
  });
});
