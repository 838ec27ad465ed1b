import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { databaseTargets } from "./test/databases.ts";
import { type Api, createTeam, signUp, uniqueEmail } from "./test/factories.ts";
import { type TestApp, useTestApp } from "./test/use-app.ts";

// Links handed out in answers and mails (team invites, respondent links and their QR codes, password reset) start with
// PUBLIC_URL when it is set; without it (development) with the address the request came in on, never localhost.

/** The app as a browser on `host` sees it: that Host header and that origin on every request. */
const onHost =
  (ctx: TestApp, host: string, headers: Record<string, string> = {}): Api =>
  (method, url, request = {}) =>
    ctx.api(method, url, { ...request, headers: { ...request.headers, host, origin: `http://${host}`, ...headers } });

async function coordinatorWithRound(api: Api) {
  const cookie = await signUp(api);
  const teamId = await createTeam(api, cookie);
  const round = await api("POST", `/api/teams/${teamId}/rounds`, {
    cookie,
    payload: { name: "Najaar", perspectives: ["professional", "youth"] },
  });
  expect(round.statusCode, round.body).toBe(201);
  return { cookie, teamId, roundId: round.json().id as string, invites: round.json().invites as Record<string, string> };
}

describe.each(databaseTargets())("links without PUBLIC_URL on $name", (target) => {
  const dataDir = mkdtempSync(join(tmpdir(), "verbetertool-links-"));
  const ctx = useTestApp(target, { publicUrl: undefined, dataDir });

  it("team invites, respondent links and QR codes are on the host the request came in on", async () => {
    const api = onHost(ctx, "gemeente.example");
    const { cookie, teamId, roundId, invites } = await coordinatorWithRound(api);
    expect(Object.values(invites)).toHaveLength(2);
    for (const url of Object.values(invites)) expect(url).toMatch(/^http:\/\/gemeente\.example\/meedoen\/[A-Za-z0-9_-]+$/);

    const invite = await api("POST", `/api/teams/${teamId}/invites`, { cookie, payload: { role: "member" } });
    expect(invite.statusCode, invite.body).toBe(201);
    expect(invite.json().url).toMatch(/^http:\/\/gemeente\.example\/teams\/uitnodiging\//);

    // The same round read through another address gets links (and QR codes of them) on that address.
    const elsewhere = await onHost(ctx, "10.1.2.3:8080")("GET", `/api/rounds/${roundId}`, { cookie });
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
    const youth = elsewhere.json().invites.youth as { url: string; qrSvg: string };
    expect(youth.url).toBe(invites.youth?.replace("http://gemeente.example", "http://10.1.2.3:8080"));
    expect(youth.qrSvg).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it("the password reset mail links to the host the request came in on", async () => {
    const api = onHost(ctx, "gemeente.example");
    const email = uniqueEmail("herstel");
    await signUp(api, email);
    const res = await api("POST", "/api/auth/request-password-reset", { payload: { email } });
    expect(res.statusCode, res.body).toBe(200);
    // Sign-up sent a verification mail too: take the reset mail.
    const mails = readdirSync(join(dataDir, "mail"))
      .filter((f) => f.includes(email))
      .map((f) => readFileSync(join(dataDir, "mail", f), "utf8"));
    const mail = mails.find((m) => m.includes("wachtwoord-herstellen")) ?? mails.join("\n");
    expect(mail).toMatch(/http:\/\/gemeente\.example\/wachtwoord-herstellen\?token=\S+/);
    expect(mail).not.toMatch(/https?:\/\/localhost/);
  });

  it("ignores X-Forwarded-* headers when TRUST_PROXY is not set", async () => {
    const api = onHost(ctx, "gemeente.example", { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" });
    const { invites } = await coordinatorWithRound(api);
    expect(invites.professional).toMatch(/^http:\/\/gemeente\.example\/meedoen\//);
  });

  it("refuses a Host header that is not a host name, before anything is stored", async () => {
    const api = onHost(ctx, "gemeente.example");
    const cookie = await signUp(api);
    const teamId = await createTeam(api, cookie);
    const res = await onHost(ctx, "gemeente.example/pad")("POST", `/api/teams/${teamId}/rounds`, { cookie, payload: { name: "X" } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toEqual({ error: "Het adres waarop dit verzoek binnenkwam (Host) is ongeldig.", field: "Host" });
    expect((await api("GET", `/api/teams/${teamId}`, { cookie })).json().rounds).toEqual([]);
  });
});

describe.each(databaseTargets())("links behind a trusted proxy on $name", (target) => {
  // app.inject connects from 127.0.0.1: that is the proxy here.
  const ctx = useTestApp(target, { publicUrl: undefined, trustProxy: ["127.0.0.1"] });

  it("follow the protocol and host the proxy forwards", async () => {
    const api = onHost(ctx, "app:3000", {
      "x-forwarded-proto": "https",
      "x-forwarded-host": "verbetertool.gemeente.nl",
      origin: "https://verbetertool.gemeente.nl",
    });
    const { invites } = await coordinatorWithRound(api);
    expect(invites.professional).toMatch(/^https:\/\/verbetertool\.gemeente\.nl\/meedoen\//);
  });
});

describe.each(databaseTargets())("links with PUBLIC_URL on $name", (target) => {
  const ctx = useTestApp(target, { publicUrl: "https://verbetertool.gemeente.nl" });

  it("always start with PUBLIC_URL, whatever Host the request has", async () => {
    const api = onHost(ctx, "gemeente.example", { origin: "https://verbetertool.gemeente.nl" });
    const { invites } = await coordinatorWithRound(api);
    expect(invites.professional).toMatch(/^https:\/\/verbetertool\.gemeente\.nl\/meedoen\//);
  });
});
