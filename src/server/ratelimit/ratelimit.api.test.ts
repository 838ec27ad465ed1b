import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { rateLimitHits } from "../../db/schema.ts";
import { AUTH_LIMITS } from "../auth/plugin.ts";
import { buildTestApp } from "../test/app.ts";
import { databaseTargets } from "../test/databases.ts";
import { APP_ORIGIN, createCheck, DEFAULT_PASSWORD, injectApi, saveAnswers, signUp, uniqueEmail } from "../test/factories.ts";

/** A 429 in the API's Dutch shape, with a Retry-After the client can use. */
function expectRefused(res: LightMyRequestResponse, field: string | null = null) {
  expect(res.statusCode, res.body).toBe(429);
  const body = res.json();
  expect(Object.keys(body).sort()).toEqual(["error", "field"]);
  expect(body.field).toBe(field);
  expect(body.error).toMatch(/te veel .*probeer het .*opnieuw\.$/i);
  expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
}

let addressCount = 0;
/** A client address no other test in this file uses (TEST-NET-2). */
const newAddress = () => `198.51.100.${++addressCount}`;

const SIGN_IN_MAX = AUTH_LIMITS.signInAccount.max;

describe.each(databaseTargets())("rate limits shared through the database on $name", (target) => {
  let database: Database;
  /** Two instances of the app on one database, as in a cluster. */
  let first: FastifyInstance;
  let second: FastifyInstance;
  /** An instance behind a trusted proxy on 127.0.0.1 (where app.inject's requests come from). */
  let proxied: FastifyInstance;

  beforeAll(async () => {
    database = await target.open();
    const config = { createChecksPerMinute: 3 };
    first = await buildTestApp(database, config, { render: { downloadsPerMinute: 2 } });
    second = await buildTestApp(database, config, { render: { downloadsPerMinute: 2 } });
    proxied = await buildTestApp(database, { trustProxy: ["127.0.0.1"] });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await proxied?.close();
    await database?.close();
  });

  const signIn = (app: FastifyInstance, email: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email, password },
      headers: { origin: APP_ORIGIN, ...headers },
      remoteAddress,
    });
  const wrong = (i: number) => `fout-wachtwoord-${i}`;

  it(`locks an account and an address after ${SIGN_IN_MAX} wrong passwords, the right password included`, async () => {
    const victim = uniqueEmail("slachtoffer");
    const bystander = uniqueEmail("omstander");
    await signUp(injectApi(first), victim);
    await signUp(injectApi(first), bystander);
    const attacker = newAddress();
    const elsewhere = newAddress();

    for (let i = 0; i < SIGN_IN_MAX; i++) expect((await signIn(first, victim, wrong(i), attacker)).statusCode).toBe(401);

    const locked = await signIn(first, victim, DEFAULT_PASSWORD, attacker);
    expectRefused(locked, "email");
    expect(locked.json().error).toMatch(/Te veel mislukte inlogpogingen/);
    // The lockout lasts its full window from the last counted failure on (15 minutes).
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(14 * 60);
    expect(locked.headers["set-cookie"]).toBeUndefined();

    // The account is locked from any address, on any instance …
    expectRefused(await signIn(first, victim, DEFAULT_PASSWORD, elsewhere), "email");
    expectRefused(await signIn(second, victim, DEFAULT_PASSWORD, elsewhere), "email");
    // … and the address for any account.
    expectRefused(await signIn(second, bystander, DEFAULT_PASSWORD, attacker), "email");
    // Another account from another address is not affected.
    expect((await signIn(second, bystander, DEFAULT_PASSWORD, elsewhere)).statusCode).toBe(200);
  });

  it("counts only failed sign-ins: successful ones are given back", async () => {
    const email = uniqueEmail("gebruiker");
    await signUp(injectApi(first), email);
    const address = newAddress();
    for (let i = 0; i < SIGN_IN_MAX - 1; i++) expect((await signIn(first, email, wrong(i), address)).statusCode).toBe(401);
    for (let i = 0; i < 3; i++) expect((await signIn(first, email, DEFAULT_PASSWORD, address)).statusCode).toBe(200);
    // The twentieth failure is still answered (the successes in between did not count) …
    expect((await signIn(first, email, wrong(99), address)).statusCode).toBe(401);
    // … and after it, the right password is refused.
    expectRefused(await signIn(first, email, DEFAULT_PASSWORD, address), "email");
  });

  it("counts one limit across two instances, also for concurrent attempts", async () => {
    const email = uniqueEmail("cluster");
    await signUp(injectApi(first), email);
    const address = newAddress();
    // Half of the failures on each instance, all at once: the counter is one row, so exactly 20 get through.
    const attempts = await Promise.all(
      Array.from({ length: SIGN_IN_MAX + 4 }, (_, i) => signIn(i % 2 === 0 ? first : second, email, wrong(i), address)),
    );
    const statuses = attempts.map((res) => res.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_MAX);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    for (const app of [first, second]) expectRefused(await signIn(app, email, DEFAULT_PASSWORD, address), "email");

    // Check creation (3 a minute per address here): two on one instance, one on the other, then both refuse.
    const client = newAddress();
    const create = (app: FastifyInstance) =>
      app.inject({ method: "POST", url: "/api/checks", payload: { toolId: "jongeren-en-arbeid" }, remoteAddress: client });
    const created = await Promise.all([create(first), create(first), create(second), create(second), create(first)]);
    expect(created.map((res) => res.statusCode).sort()).toEqual([201, 201, 201, 429, 429]);
    for (const res of created.filter((r) => r.statusCode === 429)) expectRefused(res);

    // PDF/XLSX downloads (2 a minute per address here): counted before the check is looked up, across instances.
    const downloader = newAddress();
    const download = (app: FastifyInstance) =>
      app.inject({ method: "GET", url: `/api/checks/${"x".repeat(24)}/report.pdf`, remoteAddress: downloader });
    expect((await download(first)).statusCode).toBe(404);
    expect((await download(second)).statusCode).toBe(404);
    const refused = await download(first);
    expectRefused(refused);
    expect(refused.json().error).toMatch(/te veel rapporten of exports/);
  });

  it("behind a trusted proxy, limits each client address of X-Forwarded-For apart", async () => {
    const [one, other] = ["203.0.113.10", "203.0.113.20"];
    for (let i = 0; i < SIGN_IN_MAX; i++) {
      // A different (unknown) account each time: only the address limit is reached.
      const res = await signIn(proxied, uniqueEmail("onbekend"), wrong(i), "127.0.0.1", { "x-forwarded-for": one });
      expect(res.statusCode).toBe(401);
    }
    expectRefused(await signIn(proxied, uniqueEmail("onbekend"), wrong(0), "127.0.0.1", { "x-forwarded-for": one }), "email");
    expect((await signIn(proxied, uniqueEmail("onbekend"), wrong(0), "127.0.0.1", { "x-forwarded-for": other })).statusCode).toBe(401);
  });

  it("without a trusted proxy, a forged X-Forwarded-For does not escape the limit", async () => {
    const address = newAddress();
    for (let i = 0; i < SIGN_IN_MAX; i++) {
      const res = await signIn(first, uniqueEmail("onbekend"), wrong(i), address, { "x-forwarded-for": `192.0.2.${i + 1}` });
      expect(res.statusCode).toBe(401);
    }
    expectRefused(await signIn(first, uniqueEmail("onbekend"), wrong(0), address, { "x-forwarded-for": "192.0.2.200" }), "email");
  });

  it("limits sign-ups per address and reset mails per account and per address", async () => {
    const address = newAddress();
    const signUpAttempt = () =>
      first.inject({
        method: "POST",
        url: "/api/auth/sign-up/email",
        // Too short a password: refused by better-auth, but every attempt counts.
        payload: { email: uniqueEmail("nieuw"), password: "kort", name: "Nieuw" },
        headers: { origin: APP_ORIGIN },
        remoteAddress: address,
      });
    for (let i = 0; i < AUTH_LIMITS.signUpAddress.max; i++) expect((await signUpAttempt()).statusCode).toBe(400);
    expectRefused(await signUpAttempt());

    const reset = (email: string, remoteAddress: string) =>
      second.inject({
        method: "POST",
        url: "/api/auth/request-password-reset",
        payload: { email },
        headers: { origin: APP_ORIGIN },
        remoteAddress,
      });
    const target = uniqueEmail("herstel");
    const client = newAddress();
    // Upper and lower case count as the same account.
    for (let i = 0; i < AUTH_LIMITS.mailAccount.max; i++) {
      expect((await reset(i % 2 ? target : target.toUpperCase(), client)).statusCode).toBe(200);
    }
    expectRefused(await reset(target, newAddress()));
    expect((await reset(uniqueEmail("herstel"), client)).statusCode).toBe(200);
  });

  it("puts no database round trip on answer saves, keeps no address or e-mail in clear, and sweeps ended windows", async () => {
    const api = injectApi(proxied);
    const id = await createCheck(api);
    const before = await database.db.select().from(rateLimitHits);
    for (let i = 1; i <= 5; i++) await saveAnswers(api, id, { "1.1": i });
    const after = await database.db.select().from(rateLimitHits);
    expect(after).toHaveLength(before.length);

    for (const row of after) {
      expect(row.key).not.toMatch(/@|198\.51\.100|203\.0\.113|127\.0\.0\.1/);
      expect(row.key).toMatch(/^[a-z:/ A-Z-]+:[A-Za-z0-9_-]{32}$/);
    }

    // A window of 0 ms has ended by the next statement: the next hit starts a new window, a sweep deletes it.
    const store = first.rateLimits.store;
    const counter = { name: "test", key: "sweep", windowMs: 0 };
    expect((await store.hit([counter]))[0]?.hits).toBe(1);
    expect((await store.hit([counter]))[0]?.hits).toBe(1);
    expect(await store.sweep()).toBeGreaterThanOrEqual(1);
    expect(await store.read(counter)).toEqual({ hits: 0, ttlMs: 0 });
  });
});
