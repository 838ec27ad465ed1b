import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { databaseTargets } from "../test/databases.ts";
import { APP_ORIGIN, createCheck, saveAnswers, signUp } from "../test/factories.ts";
import { promiseTrackingOn } from "../test/promise-tracking.ts";
import { useTestApp } from "../test/use-app.ts";

describe.each(databaseTargets())("accounts on $name", (target) => {
  const dataDir = mkdtempSync(join(tmpdir(), "verbetertool-mail-"));
  const email = `herstel-${Math.random().toString(36).slice(2, 8)}@example.nl`;
  const origin = { origin: APP_ORIGIN };

  const ctx = useTestApp(target, { dataDir });

  it("signs up, reports the session, and signs out", async () => {
    const cookie = await signUp(ctx.api, email, "eerste-wachtwoord-1", "Herstel Test");
    expect((await ctx.app.inject({ method: "GET", url: "/api/me", headers: { cookie } })).json()).toEqual({
      user: { email, name: "Herstel Test", emailVerified: false },
      moderator: false,
    });
    await ctx.app.inject({ method: "POST", url: "/api/auth/sign-out", payload: {}, headers: { cookie, ...origin } });
    expect((await ctx.app.inject({ method: "GET", url: "/api/me", headers: { cookie } })).json().user).toBeNull();
  });

  it("leaves Node's promise tracking off once better-auth's work is done, so other requests do not pay for it", async () => {
    const cookie = await signUp(ctx.api, `spoor-${Math.random().toString(36).slice(2, 8)}@example.nl`, "een-wachtwoord-3", "Spoor Test");
    expect((await ctx.app.inject({ method: "GET", url: "/api/me", headers: { cookie } })).json().user).not.toBeNull();
    // A sign-up and a session lookup ran better-auth (and its AsyncLocalStorages); nothing of it is in flight now.
    expect(await promiseTrackingOn()).toBe(false);
    const checkId = await createCheck(ctx.api);
    await saveAnswers(ctx.api, checkId, { "1.1": 8 });
    expect((await ctx.app.inject({ method: "GET", url: `/api/checks/${checkId}/results` })).statusCode).toBe(200);
    expect(await promiseTrackingOn()).toBe(false);
  });

  it("resets a password through a link mailed by the development transport", async () => {
    const request = await ctx.app.inject({ method: "POST", url: "/api/auth/request-password-reset", payload: { email }, headers: origin });
    expect(request.statusCode, request.body).toBe(200);
    // Besides the verification mail sent at sign-up: the reset mail.
    const mails = readdirSync(join(dataDir, "mail"))
      .filter((f) => f.includes(email))
      .filter((f) => readFileSync(join(dataDir, "mail", f), "utf8").includes("wachtwoord-herstellen?token="));
    expect(mails).toHaveLength(1);
    const mail = readFileSync(join(dataDir, "mail", mails[0] ?? ""), "utf8");
    expect(mail).toContain(`Aan: ${email}`);
    const token = decodeURIComponent(mail.match(/wachtwoord-herstellen\?token=([^\s]+)/)?.[1] ?? "");
    expect(token.length).toBeGreaterThan(10);
    const reset = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      payload: { token, newPassword: "tweede-wachtwoord-2" },
      headers: origin,
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const oldPassword = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email, password: "eerste-wachtwoord-1" },
      headers: origin,
    });
    expect(oldPassword.statusCode).toBe(401);
    const newPassword = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email, password: "tweede-wachtwoord-2" },
      headers: origin,
    });
    expect(newPassword.statusCode).toBe(200);
  });

  it("offers no sign-in with the organisation's account when OIDC_* is not configured", async () => {
    const options = await ctx.app.inject({ method: "GET", url: "/api/auth-options" });
    expect(options.json()).toEqual({ oidc: null });
    const start = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/social",
      payload: { provider: "oidc", callbackURL: "/account" },
      headers: origin,
    });
    expect(start.statusCode).toBeGreaterThanOrEqual(400);
  });

  it("does not reveal whether an address has an account", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      payload: { email: "niemand@example.nl" },
      headers: origin,
    });
    expect(res.statusCode).toBe(200);
  });
});
