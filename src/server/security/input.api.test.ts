import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { databaseTargets } from "../test/databases.ts";
import { APP_ORIGIN, createCheck, createTeam, signUp, TOOL_ID } from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";

// Issue 12, point 5: no input gives a 5xx, and every refusal is `{ error, field }` in Dutch — NUL bytes and broken
// Unicode anywhere, and the errors of Fastify's router and of Node's HTTP parser. The fuzz test (../fuzz.api.test.ts)
// covers every operation at random; these are the cases by name.

/** Sends raw bytes to the server and returns the status and the body of what comes back before the connection ends. */
function rawRequest(port: number, request: string | Buffer): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error) => (chunks.length > 0 ? undefined : reject(error)));
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [head = "", body = ""] = text.split("\r\n\r\n", 2);
      resolve({ status: Number(head.split(" ")[1]), headers: head, body });
    });
    socket.write(request);
  });
}

describe.each(databaseTargets())("input that cannot be stored, and framework errors, on $name", (target) => {
  const ctx = useTestApp(target);
  const origin = { origin: APP_ORIGIN };

  it("a NUL byte in a path parameter is 400 naming it, bytes that are no UTF-8 are 400 for the URL; never 500", async () => {
    for (const [id, field] of [
      ["a%00b", "id"],
      ["%00", "id"],
      ["%ED%A0%80", "url"],
      ["abc%C0%AF", "url"],
      ["%FF", "url"],
    ]) {
      for (const [method, url] of [
        ["GET", `/api/checks/${id}`],
        ["GET", `/api/teams/${id}`],
        ["GET", `/api/rounds/${id}/report.pdf`],
        ["POST", `/api/rounds/${id}/close`],
      ] as const) {
        const res = await ctx.api(method, url, { headers: origin });
        expect(res.statusCode, `${method} ${url}`).toBe(400);
        expect(res.json(), `${method} ${url}`).toEqual({
          error:
            field === "id"
              ? 'Ongeldige waarde voor "id": mag geen NUL-teken (\\u0000) bevatten.'
              : "Het adres (URL) van het verzoek is ongeldig.",
          field,
        });
      }
    }
  });

  it("a NUL byte or broken Unicode in a text field, a key or a search term is 400 naming the field; nothing is saved", async () => {
    const checkId = await createCheck(ctx.api);
    const text = await ctx.api("PUT", `/api/checks/${checkId}/plan/themes/1`, { payload: { text: "plan\u0000" }, headers: origin });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toEqual({ error: 'Ongeldige waarde voor "text": mag geen NUL-teken (\\u0000) bevatten.', field: "text" });

    const action = await ctx.api("POST", `/api/checks/${checkId}/plan/actions`, {
      payload: { themeId: "1", what: "doen \uD800" },
      headers: origin,
    });
    expect(action.statusCode).toBe(400);
    expect(action.json()).toEqual({
      error: 'Ongeldige waarde voor "what": bevat een ongeldig teken (geen geldige Unicode).',
      field: "what",
    });

    const key = await ctx.api("PATCH", `/api/checks/${checkId}/answers`, { payload: { answers: { "1.1\u0000": 5 } }, headers: origin });
    expect(key.statusCode).toBe(400);
    expect(key.json().field).toBe("answers.1.1\uFFFD");

    const nested = await ctx.api("POST", "/api/kennisbank/submissions", {
      payload: { type: "methode", title: "t", summary: "s", body: "b", organisation: "o", region: "r", results: ["ok", "x\u0000"] },
      headers: origin,
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().field).toBe("results.1");

    const check = (await ctx.api("GET", `/api/checks/${checkId}`)).json();
    expect(check.plan).toEqual({ themes: {}, actions: [] });
    expect(check.answers).toEqual({});

    // (Bytes in the query string that are no UTF-8 stay as they were written, "%ED%A0%80": text like any other.)
    for (const [query, field] of [
      ["q=werk%00", "q"],
      ["region=a%00", "region"],
      ["a%00=1", "a\uFFFD"],
    ]) {
      const search = await ctx.api("GET", `/api/kennisbank?${query}`);
      expect(search.statusCode, query).toBe(400);
      expect(search.json().field).toBe(field);
    }
  });

  it("JSON written with \\u0000 or a lone surrogate escape, or nested very deep, is refused with 400 too", async () => {
    const checkId = await createCheck(ctx.api);
    for (const [payload, field] of [
      ['{"text":"a\\u0000b"}', "text"],
      ['{"text":"\\udc00"}', "text"],
      [`{"text":${"[".repeat(40)}${"]".repeat(40)}}`, "text.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0"],
    ]) {
      const res = await ctx.app.inject({
        method: "PUT",
        url: `/api/checks/${checkId}/plan/themes/1`,
        headers: { "content-type": "application/json", ...origin },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe(field);
    }
  });

  it("sign-in with a NUL byte in the e-mail address is 400, not a database error", async () => {
    const res = await ctx.api("POST", "/api/auth/sign-in/email", {
      payload: { email: "a\u0000@example.nl", password: "wachtwoord-123" },
      headers: origin,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("email");
  });

  it("PATCH of a plan action with {} changes nothing and answers the action as it is", async () => {
    const checkId = await createCheck(ctx.api);
    const created = await ctx.api("POST", `/api/checks/${checkId}/plan/actions`, {
      payload: { themeId: "2", what: "Bellen" },
      headers: origin,
    });
    expect(created.statusCode).toBe(201);
    const res = await ctx.api("PATCH", `/api/checks/${checkId}/plan/actions/${created.json().id}`, { payload: {}, headers: origin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created.json());
  });

  it("actions added while their team is deleted at the same moment answer 201, 404 or 409, never 500 (found by the fuzz test)", async () => {
    const cookie = await signUp(ctx.api);
    const statuses = new Set<number>();
    for (let round = 0; round < 5; round++) {
      const teamId = await createTeam(ctx.api, cookie);
      const add = () =>
        ctx.api("POST", `/api/teams/${teamId}/plan/actions`, { cookie, headers: origin, payload: { themeId: "3", what: "Bellen" } });
      const responses = await Promise.all([
        add(),
        add(),
        ctx.api("DELETE", `/api/teams/${teamId}`, { cookie, headers: origin }),
        add(),
        add(),
      ]);
      for (const res of responses) {
        statuses.add(res.statusCode);
        if (res.statusCode >= 400) expect(res.json()).toEqual({ error: expect.any(String), field: null });
      }
    }
    expect(
      [...statuses].every((status) => [201, 204, 404, 409].includes(status)),
      [...statuses].join(", "),
    ).toBe(true);
  });

  it("errors of the framework answer in Dutch as { error, field }", async () => {
    const cookie = await signUp(ctx.api);
    const cases: { method: "GET" | "POST" | "PUT"; url: string; payload?: string; type?: string; status: number; field: string | null }[] =
      [
        { method: "GET", url: "/api/checks/%zz", status: 400, field: "url" },
        { method: "GET", url: "/api/checks/abc%", status: 400, field: "url" },
        { method: "GET", url: `/api/checks/${"a".repeat(101)}`, status: 414, field: "url" },
        { method: "POST", url: "/api/checks", payload: "{", type: "application/json", status: 400, field: "body" },
        { method: "POST", url: "/api/checks", payload: "", type: "application/json", status: 400, field: "body" },
        { method: "POST", url: "/api/checks", payload: `{"toolId":"${TOOL_ID}"}`, type: "text/plain", status: 415, field: "Content-Type" },
        { method: "POST", url: "/api/teams", payload: '{"name":"x"}', type: "application/xml", status: 415, field: "Content-Type" },
        { method: "POST", url: "/api/checks", payload: '{"__proto__":{"x":1}}', type: "application/json", status: 400, field: "body" },
        { method: "PUT", url: "/api/tools", status: 404, field: null },
      ];
    for (const c of cases) {
      const res = await ctx.app.inject({
        method: c.method,
        url: c.url,
        payload: c.payload,
        headers: { ...origin, cookie, ...(c.type ? { "content-type": c.type } : {}) },
      });
      expect(res.statusCode, `${c.method} ${c.url}`).toBe(c.status);
      expect(res.json(), `${c.method} ${c.url}`).toEqual({ error: expect.any(String), field: c.field });
      expect(res.json().error).not.toMatch(/Bad Request|Not Found|Unsupported|valid url|exceed/i);
    }
    const big = await ctx.api("POST", "/api/teams", { cookie, payload: { name: "x".repeat(70_000) }, headers: origin });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({ error: "Het verzoek is te groot.", field: "body" });
  });

  it("what Node's HTTP parser refuses (too long a URL or header, a malformed request line or header) gets Dutch JSON too", async () => {
    const address = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    const port = Number(new URL(address).port);
    const cases: { request: string | Buffer; status: number; error: RegExp }[] = [
      { request: `GET /api/checks/${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, status: 431, error: /te lang/ },
      { request: `GET /api/tools HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`, status: 431, error: /te lang/ },
      { request: "DIT IS GEEN HTTP\r\n\r\n", status: 400, error: /geen correct HTTP-verzoek/ },
      { request: "GET /api/tools HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n\r\n", status: 400, error: /header/ },
      { request: "GET /api/tools HTTP/1.1\r\nHost: x\r\nGeen header\r\n\r\n", status: 400, error: /header|HTTP/ },
      { request: "GET /api/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", status: 400, error: /adres \(URL\)/ },
      {
        request: "GET /api/checks/%C0%AF%zz/results HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        status: 400,
        error: /adres \(URL\)/,
      },
      { request: "GET /api/checks/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", status: 400, error: /NUL-teken/ },
    ];
    for (const c of cases) {
      const res = await rawRequest(port, c.request);
      const shown = String(c.request).slice(0, 60);
      expect(res.status, shown).toBe(c.status);
      expect(res.headers, shown).toMatch(/content-type: application\/json/i);
      const body = JSON.parse(res.body) as { error: string; field: string | null };
      expect(body.error, shown).toMatch(c.error);
      expect(Object.keys(body).sort(), shown).toEqual(["error", "field"]);
    }
    // The server still answers afterwards.
    const after = await rawRequest(port, "GET /api/health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(after.status).toBe(200);
  });
});
