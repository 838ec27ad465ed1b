import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../test/databases.ts";
import { APP_ORIGIN, type Api, createCheck, createRound, createTeam, saveAnswers, signUp, uniqueEmail } from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";
import { API_HEADERS, CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from "./headers.ts";
import { FOREIGN_ORIGIN_MESSAGE } from "./origin.ts";

const refused = { error: FOREIGN_ORIGIN_MESSAGE, field: "Origin" };
const EVIL = "https://evil.example";

describe.each(databaseTargets())("Origin check of state-changing requests on $name", (target) => {
  // PUBLIC_URL is APP_ORIGIN (http://localhost:3000) in the test configuration.
  const ctx = useTestApp(target);
  let owner = "";
  let roundId = "";
  let checkId = "";

  beforeAll(async () => {
    owner = await signUp(ctx.api);
    roundId = (await createRound(ctx.api, owner, await createTeam(ctx.api, owner))).id;
    checkId = await createCheck(ctx.api);
    await saveAnswers(ctx.api, checkId, { "1.1": 5 });
  });

  const withHeaders =
    (headers: Record<string, string>): Api =>
    (method, url, request = {}) =>
      ctx.api(method, url, { ...request, headers: { ...request.headers, ...headers } });
  const roundStatus = async () => (await ctx.api("GET", `/api/rounds/${roundId}`, { cookie: owner })).json().status;
  const answers = async () => (await ctx.api("GET", `/api/checks/${checkId}`)).json().answers;

  it("refuses a body-less POST from a foreign Origin and changes nothing", async () => {
    const res = await withHeaders({ origin: EVIL })("POST", `/api/rounds/${roundId}/close`, { cookie: owner });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual(refused);
    expect(await roundStatus()).toBe("open");
  });

  it("refuses a JSON PATCH from a foreign Origin and changes nothing", async () => {
    const res = await withHeaders({ origin: EVIL })("PATCH", `/api/checks/${checkId}/answers`, { payload: { answers: { "1.1": 9 } } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual(refused);
    expect(await answers()).toEqual({ "1.1": 5 });
  });

  it("refuses a foreign Referer without Origin, `Origin: null`, and Sec-Fetch-Site: cross-site", async () => {
    const patch = { payload: { answers: { "1.1": 9 } } };
    const attempts: Record<string, string>[] = [
      { referer: `${EVIL}/pagina` },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "cross-site", origin: APP_ORIGIN },
      { origin: "http://localhost:3000.evil.example" },
      { origin: "niet-een-adres" },
    ];
    for (const headers of attempts) {
      const res = await withHeaders(headers)("PATCH", `/api/checks/${checkId}/answers`, patch);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json()).toEqual(refused);
    }
    expect(await answers()).toEqual({ "1.1": 5 });
  });

  it("refuses better-auth's endpoints from a foreign Origin too", async () => {
    const email = uniqueEmail("vreemd");
    const res = await withHeaders({ origin: EVIL })("POST", "/api/auth/sign-up/email", {
      payload: { email, password: "een-goed-wachtwoord-1", name: "X" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual(refused);
    const signOut = await withHeaders({ origin: EVIL })("POST", "/api/auth/sign-out", { cookie: owner, payload: {} });
    expect(signOut.statusCode).toBe(403);
    expect((await ctx.api("GET", "/api/me", { cookie: owner })).json().user).not.toBeNull();
  });

  it("lets same-origin requests through: PUBLIC_URL's origin, or the origin the request came in on", async () => {
    const patch = (n: number) => ({ payload: { answers: { "1.1": n } } });
    expect((await withHeaders({ origin: APP_ORIGIN })("PATCH", `/api/checks/${checkId}/answers`, patch(6))).statusCode).toBe(200);
    expect(
      (await withHeaders({ referer: `${APP_ORIGIN}/check/x/1` })("PATCH", `/api/checks/${checkId}/answers`, patch(7))).statusCode,
    ).toBe(200);
    const ownHost = withHeaders({
      host: "verbetertool.test:8080",
      origin: "http://verbetertool.test:8080",
      "sec-fetch-site": "same-origin",
    });
    expect((await ownHost("PATCH", `/api/checks/${checkId}/answers`, patch(8))).statusCode).toBe(200);
    expect(await answers()).toEqual({ "1.1": 8 });
    const closed = await withHeaders({ origin: APP_ORIGIN })("POST", `/api/rounds/${roundId}/close`, { cookie: owner });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await roundStatus()).toBe("closed");
    const reopened = await withHeaders({ origin: APP_ORIGIN })("POST", `/api/rounds/${roundId}/reopen`, { cookie: owner });
    expect(reopened.statusCode, reopened.body).toBe(200);
  });

  it("lets requests without Origin or Referer through (command line, server to server)", async () => {
    expect((await ctx.api("PATCH", `/api/checks/${checkId}/answers`, { payload: { answers: { "1.1": 4 } } })).statusCode).toBe(200);
    expect(await answers()).toEqual({ "1.1": 4 });
  });

  it("does not check safe methods", async () => {
    expect((await withHeaders({ origin: EVIL, "sec-fetch-site": "cross-site" })("GET", `/api/checks/${checkId}`)).statusCode).toBe(200);
  });
});

describe.each(databaseTargets())("Origin check without PUBLIC_URL on $name", (target) => {
  const ctx = useTestApp(target, { publicUrl: undefined });

  it("takes the request's own protocol and host as the app's origin", async () => {
    const checkId = await createCheck(ctx.api);
    const onHost = (host: string, origin: string) =>
      ctx.api("PATCH", `/api/checks/${checkId}/answers`, { payload: { answers: { "1.1": 3 } }, headers: { host, origin } });
    expect((await onHost("gemeente.example", "http://gemeente.example")).statusCode).toBe(200);
    expect((await onHost("gemeente.example", "https://gemeente.example")).statusCode).toBe(403);
    expect((await onHost("gemeente.example", APP_ORIGIN)).statusCode).toBe(403);
  });
});

describe.each(databaseTargets())("Origin check behind a trusted proxy on $name", (target) => {
  // app.inject connects from 127.0.0.1: that is the proxy here.
  const ctx = useTestApp(target, { publicUrl: undefined, trustProxy: ["127.0.0.1"] });

  it("takes the forwarded protocol and host as the app's origin", async () => {
    const checkId = await createCheck(ctx.api);
    const forwarded = { host: "app:3000", "x-forwarded-proto": "https", "x-forwarded-host": "verbetertool.gemeente.nl" };
    const patch = (origin: string) =>
      ctx.api("PATCH", `/api/checks/${checkId}/answers`, { payload: { answers: { "1.1": 3 } }, headers: { ...forwarded, origin } });
    expect((await patch("https://verbetertool.gemeente.nl")).statusCode).toBe(200);
    expect((await patch("http://app:3000")).statusCode).toBe(403);
  });
});

describe.each(databaseTargets())("security headers on $name", (target) => {
  const direct = useTestApp(target);
  const proxied = useTestApp(target, { trustProxy: ["127.0.0.1"] });

  /** What helmet sends with its defaults, besides CSP and HSTS: documents need these. */
  const pageHeaders = {
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "origin-agent-cluster": "?1",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-dns-prefetch-control": "off",
    "x-download-options": "noopen",
    "x-frame-options": "SAMEORIGIN",
    "x-permitted-cross-domain-policies": "none",
    "x-xss-protection": "0",
  };
  const apiHeaders = Object.fromEntries(Object.entries(API_HEADERS).map(([name, value]) => [name.toLowerCase(), value]));
  /** Pages: the app's own, an unknown address (the app answers it) and better-auth's answers (its error page). */
  const pages = ["/", "/niet-bestaand", "/api/auth/ok"];

  it("pages get helmet's headers and the page CSP; over plain http no upgrade-insecure-requests and no HSTS", async () => {
    for (const url of pages) {
      const res = await direct.api("GET", url);
      expect(res.headers, url).toMatchObject(pageHeaders);
      expect(res.headers["content-security-policy"], url).toBe(CONTENT_SECURITY_POLICY.http);
      expect(res.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
      expect(res.headers["strict-transport-security"], url).toBeUndefined();
      expect(res.headers["x-powered-by"]).toBeUndefined();
    }
  });

  it("API answers — JSON, errors, unknown API addresses and files — get the API set and none of the page-only headers", async () => {
    const checkId = (await direct.api("POST", "/api/checks", { payload: { toolId: "jongeren-en-arbeid" } })).json().id;
    for (const [method, url, status] of [
      ["GET", "/api/health/live", 200],
      ["GET", "/api/tools/jongeren-en-arbeid", 200],
      ["GET", "/api/checks/AAAAAAAAAAAAAAAAAAAAAAAA", 404],
      ["PATCH", "/api/checks/AAAAAAAAAAAAAAAAAAAAAAAA/answers", 404],
      ["GET", "/api/niet-bestaand", 404],
      ["GET", `/api/checks/${checkId}/report.pdf`, 200],
    ] as const) {
      const res = await direct.api(method, url, method === "PATCH" ? { payload: { answers: { "1.1": 5 } } } : {});
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expect(res.headers, `${method} ${url}`).toMatchObject(apiHeaders);
      for (const name of Object.keys(pageHeaders).filter((name) => !(name in apiHeaders)))
        expect(res.headers[name], `${method} ${url}: ${name}`).toBeUndefined();
      expect(res.headers["strict-transport-security"]).toBeUndefined();
      expect(res.headers["x-powered-by"]).toBeUndefined();
    }
    // A request the Origin check refuses gets them too, and its request id.
    const refusedSave = await direct.api("PATCH", `/api/checks/${checkId}/answers`, {
      payload: { answers: { "1.1": 5 } },
      headers: { origin: "https://elders.example" },
    });
    expect(refusedSave.statusCode).toBe(403);
    expect(refusedSave.headers).toMatchObject(apiHeaders);
    expect(refusedSave.headers["x-request-id"]).toEqual(expect.any(String));
  });

  it("ignores X-Forwarded-Proto from a proxy that is not trusted", async () => {
    for (const url of ["/api/health/live", "/"]) {
      const res = await direct.api("GET", url, { headers: { "x-forwarded-proto": "https" } });
      expect(res.headers["strict-transport-security"], url).toBeUndefined();
      expect(res.headers["content-security-policy"], url).not.toContain("upgrade-insecure-requests");
    }
  });

  it("over https behind a trusted proxy: HSTS on pages and API answers, upgrade-insecure-requests on pages", async () => {
    const page = await proxied.api("GET", "/", { headers: { "x-forwarded-proto": "https" } });
    expect(page.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY.https);
    expect(page.headers["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(page.headers["strict-transport-security"]).toBe(STRICT_TRANSPORT_SECURITY);
    const api = await proxied.api("GET", "/api/health/live", { headers: { "x-forwarded-proto": "https" } });
    expect(api.headers["content-security-policy"]).toBe(API_HEADERS["content-security-policy"]);
    expect(api.headers["strict-transport-security"]).toBe(STRICT_TRANSPORT_SECURITY);
    for (const url of ["/", "/api/health/live"]) {
      const plain = await proxied.api("GET", url, { headers: { "x-forwarded-proto": "http" } });
      expect(plain.headers["strict-transport-security"], url).toBeUndefined();
    }
    expect((await proxied.api("GET", "/", { headers: { "x-forwarded-proto": "http" } })).headers["content-security-policy"]).toBe(
      CONTENT_SECURITY_POLICY.http,
    );
  });
});

describe.each(databaseTargets())("password reset on $name", (target) => {
  const dataDir = mkdtempSync(join(tmpdir(), "verbetertool-reset-"));
  const ctx = useTestApp(target, { dataDir });

  it("ends every session of the account", async () => {
    const email = uniqueEmail("sessies");
    const first = await signUp(ctx.api, email);
    const second = await signUp(ctx.api, email); // signs in again: a second session
    expect(second).not.toBe(first);
    const signedIn = async (cookie: string) => (await ctx.api("GET", "/api/teams", { cookie })).statusCode;
    expect(await signedIn(first)).toBe(200);
    expect(await signedIn(second)).toBe(200);

    const origin = { origin: APP_ORIGIN };
    expect((await ctx.api("POST", "/api/auth/request-password-reset", { payload: { email }, headers: origin })).statusCode).toBe(200);
    // The reset mail (a sign-up may also have mailed a confirmation link).
    const mail =
      readdirSync(join(dataDir, "mail"))
        .filter((f) => f.includes(email))
        .map((f) => readFileSync(join(dataDir, "mail", f), "utf8"))
        .find((text) => text.includes("wachtwoord-herstellen")) ?? "";
    const token = decodeURIComponent(mail.match(/wachtwoord-herstellen\?token=(\S+)/)?.[1] ?? "");
    const reset = await ctx.api("POST", "/api/auth/reset-password", {
      payload: { token, newPassword: "nieuw-wachtwoord-3" },
      headers: origin,
    });
    expect(reset.statusCode, reset.body).toBe(200);

    expect(await signedIn(first)).toBe(401);
    expect(await signedIn(second)).toBe(401);
    expect((await ctx.api("GET", "/api/me", { cookie: first })).json().user).toBeNull();
    const fresh = await signUp(ctx.api, email, "nieuw-wachtwoord-3");
    expect(await signedIn(fresh)).toBe(200);
  });
});
