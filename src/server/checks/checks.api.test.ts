import { gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { checks, rounds } from "../../db/schema.ts";
import { computeResults, withTips } from "../../domain/checks/scoring.ts";
import { buildTestApp } from "../test/app.ts";
import { databaseTargets } from "../test/databases.ts";
import {
  allFactorIds,
  completeAnswers,
  createCheck,
  createRound,
  createTeam,
  inviteToken,
  saveAnswers,
  signUp,
} from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";

/** The text of each page of a PDF, in reading order (pdf.js, as a reader would extract it). */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  await doc.destroy();
  return pages;
}

/**
 * The hooks of every route ("METHOD /full/path" → Fastify's "(stage) [names]" lines), read from `printRoutes`: its
 * tree indents each path segment four columns deeper than its parent.
 */
function routeHooks(app: FastifyInstance): Map<string, string[]> {
  const byRoute = new Map<string, string[]>();
  const segments: string[] = [];
  let current: string[] = [];
  for (const line of app.printRoutes({ includeHooks: true, commonPrefix: false }).split("\n")) {
    const hook = /• (\(\w+\) \[.*\])$/.exec(line);
    if (hook) {
      current.push(hook[1] ?? "");
      continue;
    }
    const start = line.search(/[^│├└─\s]/);
    const route = /^(.*) \(([A-Z, ]+)\)$/.exec(line.slice(start));
    if (start < 0 || !route) continue;
    const depth = start / 4 - 1;
    segments.length = depth;
    segments.push(route[1] ?? "");
    current = [];
    for (const method of (route[2] ?? "").split(", ")) byRoute.set(`${method} ${segments.join("")}`, current);
  }
  return byRoute;
}

describe.each(databaseTargets())("checks API on $name", (target) => {
  const ctx = useTestApp(target);
  const newCheck = () => createCheck(ctx.api);
  const patch = (id: string, payload: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: "PATCH", url: `/api/checks/${id}/answers`, payload: payload as string, headers });
  const answersOf = async (id: string) => (await ctx.app.inject({ method: "GET", url: `/api/checks/${id}` })).json().answers;

  it("answers health and lists the tool in the contract shape", async () => {
    expect((await ctx.app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    const list = (await ctx.app.inject({ method: "GET", url: "/api/tools" })).json();
    expect(list.map((t: { id: string }) => t.id)).toContain("jongeren-en-arbeid");
    const tool = (await ctx.app.inject({ method: "GET", url: "/api/tools/jongeren-en-arbeid" })).json();
    expect(tool).toMatchObject({ id: "jongeren-en-arbeid", version: expect.any(String), title: expect.any(String) });
    expect(tool.themes).toHaveLength(7);
    expect(tool.themes[0]).toMatchObject({ id: "1", title: expect.any(String), scale: { min: "Heel weinig", max: "Heel veel" } });
    expect(tool.themes[0].items[0]).toMatchObject({ id: "1.1", text: expect.any(String), tips: expect.any(Array) });
    expect(tool.themes[0].items[0].tips[0]).toMatchObject({ title: "Eerste contact", text: expect.any(String) });
    expect((await ctx.app.inject({ method: "GET", url: "/api/tools/bestaat-niet" })).statusCode).toBe(404);
  });

  it("creates checks with long random ids", async () => {
    const ids = await Promise.all([newCheck(), newCheck(), newCheck()]);
    expect(new Set(ids).size).toBe(3);
    // base64url of 18 random bytes: 144 bits.
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const check = (await ctx.app.inject({ method: "GET", url: `/api/checks/${ids[0]}` })).json();
    expect(check).toMatchObject({ id: ids[0], toolId: "jongeren-en-arbeid", toolVersion: expect.any(String), answers: {} });
    expect(check.plan).toEqual({ themes: {}, actions: [] });
  });

  it("refuses an unknown tool for a new check", async () => {
    const res = await ctx.app.inject({ method: "POST", url: "/api/checks", payload: { toolId: "x" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("toolId");
  });

  it("stores, replaces and clears answers", async () => {
    const id = await newCheck();
    expect((await patch(id, { answers: { "1.1": 7, "1.2": "nvt", "7.31": 10 } })).statusCode).toBe(200);
    expect(await answersOf(id)).toEqual({ "1.1": 7, "1.2": "nvt", "7.31": 10 });
    expect((await patch(id, { answers: { "1.1": null, "1.2": 3 } })).statusCode).toBe(200);
    expect(await answersOf(id)).toEqual({ "1.2": 3, "7.31": 10 });
  });

  // Each hook stage costs the busiest routes time on every request (issue 13, decisions 0054 and 0055): only the app's
  // own request steps and the input guard run there — no cookie, metrics or compression hooks.
  it("runs only the app's request steps and input guard on saves and results reads", async () => {
    const own = ['(onRequest) ["requestSteps()"]', '(preValidation) ["inputGuard()"]'];
    // As in production, with a logger: without one the metrics count in a hook of their own (metrics.ts).
    const app = await buildTestApp(ctx.database, {}, { logger: { destination: { write: () => {} } } });
    try {
      // Fastify attaches hooks to its routes when it is ready.
      await app.ready();
      const hooks = routeHooks(app);
      expect(hooks.get("PATCH /api/checks/:id/answers")).toEqual(own);
      expect(hooks.get("GET /api/checks/:id/results")).toEqual(own);
    } finally {
      await app.close();
    }
  });

  it("answers a save with its id only, not all answers", async () => {
    const id = await newCheck();
    const res = await patch(id, { answers: { "1.1": 7, "1.2": "nvt" } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id, saved: true });
    // A check saved before through this app (its facts known) and one it has never seen (a fresh app) save alike.
    expect((await patch(id, { answers: { "1.1": null, "2.8": 4 } })).json()).toEqual({ id, saved: true });
    expect(await answersOf(id)).toEqual({ "1.2": "nvt", "2.8": 4 });
  });

  it("answers 404 for a check deleted after it was saved, on saving and on reading results", async () => {
    const id = await newCheck();
    await saveAnswers(ctx.api, id, { "1.1": 5 });
    expect((await ctx.app.inject({ method: "GET", url: `/api/checks/${id}/results` })).statusCode).toBe(200);
    await ctx.database.db.delete(checks).where(eq(checks.id, id));
    for (const payload of [{ answers: { "1.1": 6 } }, { answers: { "1.1": 11 } }]) {
      const res = await patch(id, payload);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatch(/niet gevonden/);
    }
    expect((await ctx.app.inject({ method: "GET", url: `/api/checks/${id}/results` })).statusCode).toBe(404);
  });

  describe("a respondent's check refuses changes once handed in or once its round stops taking answers", () => {
    const setUp = async () => {
      const owner = await signUp(ctx.api);
      const round = await createRound(ctx.api, owner, await createTeam(ctx.api, owner));
      const start = async () => {
        const id = await createCheck(ctx.api, { invite: inviteToken(round.invites.professional) });
        await saveAnswers(ctx.api, id, await completeAnswers(ctx.api, { "1.1": 5 }));
        return id;
      };
      return { owner, round, start };
    };
    const expectRefused = async (id: string, message: RegExp) => {
      const before = await answersOf(id);
      // Valid and invalid input alike: the state of the check is answered first.
      for (const answers of [{ "1.1": 9 }, { "1.2": null }, { "1.1": 11 }, { "9.99": 1 }]) {
        const res = await patch(id, { answers });
        expect(res.statusCode, JSON.stringify(answers)).toBe(409);
        expect(res.json()).toEqual({ error: expect.stringMatching(message), field: null });
      }
      expect(await answersOf(id)).toEqual(before);
    };

    it("409 once handed in", async () => {
      const { start } = await setUp();
      const id = await start();
      expect((await ctx.api("POST", `/api/checks/${id}/submit`)).statusCode).toBe(200);
      await expectRefused(id, /al ingeleverd/);
    });

    it("409 once the round is closed, and saves again once it is reopened", async () => {
      const { owner, round, start } = await setUp();
      const id = await start();
      expect((await ctx.api("POST", `/api/rounds/${round.id}/close`, { cookie: owner })).statusCode).toBe(200);
      await expectRefused(id, /gesloten/);
      expect((await ctx.api("POST", `/api/rounds/${round.id}/reopen`, { cookie: owner })).statusCode).toBe(200);
      expect((await patch(id, { answers: { "1.1": 9 } })).json()).toEqual({ id, saved: true });
      expect((await answersOf(id))["1.1"]).toBe(9);
    });

    it("409 once the closing day is over, even before anything closed the round", async () => {
      const { round, start } = await setUp();
      const id = await start();
      // The closing day passed without the round being read or the retention job running: still open in the table.
      await ctx.database.db.update(rounds).set({ closesOn: "2020-01-31" }).where(eq(rounds.id, round.id));
      await expectRefused(id, /gesloten/);
    });
  });

  it("keeps concurrent answers to different factors", async () => {
    const id = await newCheck();
    const ids = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "2.8", "2.9", "2.10"];
    await Promise.all(ids.map((f, i) => patch(id, { answers: { [f]: i + 1 } })));
    expect(Object.keys(await answersOf(id)).sort()).toEqual([...ids].sort());
  });

  describe("bad input is refused with a Dutch error naming the field, and changes nothing", () => {
    const stored = { "1.1": 7, "1.2": "nvt" };
    const cases: [string, unknown, number, string, Record<string, string>?][] = [
      ["value above 10", { answers: { "1.3": 5, "1.1": 11 } }, 400, "answers.1.1"],
      ["value below 1", { answers: { "1.1": 0 } }, 400, "answers.1.1"],
      ["negative value", { answers: { "1.1": -3 } }, 400, "answers.1.1"],
      ["non-integer", { answers: { "1.3": 4, "1.1": 6.5 } }, 400, "answers.1.1"],
      ["numeric string", { answers: { "1.1": "7" } }, 400, "answers.1.1"],
      ["other string", { answers: { "1.1": "n.v.t." } }, 400, "answers.1.1"],
      ["boolean", { answers: { "1.1": true } }, 400, "answers.1.1"],
      ["object value", { answers: { "1.1": { v: 1 } } }, 400, "answers.1.1"],
      ["unknown factor id", { answers: { "1.3": 5, "8.32": 5 } }, 400, "answers.8.32"],
      ["factor id of the wrong shape", { answers: { __proto__x: 5 } }, 400, "answers.__proto__x"],
      ["answers missing", { "1.1": 5 }, 400, "answers"],
      ["answers not an object", { answers: [5] }, 400, "answers"],
      ["extra top-level field", { answers: { "1.3": 5 }, extra: 1 }, 400, "body"],
      ["malformed JSON", '{"answers": {"1.1": 5', 400, "body"],
      ["empty JSON body", "", 400, "body"],
      ["wrong content type", "answers=1", 415, "Content-Type", { "content-type": "application/x-www-form-urlencoded" }],
      ["text content type", '{"answers":{"1.3":5}}', 415, "Content-Type", { "content-type": "text/plain" }],
      // No browser compresses a request body; the save route does not unpack one (decision 0047).
      ["gzip-compressed body", gzipSync('{"answers":{"1.3":5}}'), 400, "body", { "content-encoding": "gzip" }],
      ["oversized JSON", JSON.stringify({ answers: { "1.3": 5 }, pad: "x".repeat(200_000) }), 413, "body"],
    ];

    it.each(cases)("%s", async (_name, payload, status, field, headers) => {
      const id = await newCheck();
      await patch(id, { answers: stored });
      const res = await patch(id, typeof payload === "string" || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload), {
        "content-type": "application/json",
        ...headers,
      });
      expect(res.statusCode).toBe(status);
      const body = res.json();
      expect(body.field).toBe(field);
      expect(body.error).toEqual(expect.any(String));
      expect(body.error.length).toBeGreaterThan(5);
      expect(await answersOf(id)).toEqual(stored);
    });
  });

  it("answers 404 for an unknown check on every endpoint", async () => {
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAAAA", "kort", "../../etc/passwd"]) {
      const url = `/api/checks/${encodeURIComponent(id)}`;
      expect((await ctx.app.inject({ method: "GET", url })).statusCode).toBe(404);
      expect((await ctx.app.inject({ method: "GET", url: `${url}/results` })).statusCode).toBe(404);
      expect((await ctx.app.inject({ method: "GET", url: `${url}/report.pdf` })).statusCode).toBe(404);
      expect((await patch(encodeURIComponent(id), { answers: { "1.1": 5 } })).statusCode).toBe(404);
      const res = await ctx.app.inject({ method: "POST", url: `${url}/plan/actions`, payload: { themeId: "1", what: "x" } });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatch(/niet gevonden/);
    }
  });

  it("computes results in the contract shape, without the tips the tool already holds", async () => {
    const id = await newCheck();
    const answers = { "1.1": 7, "1.2": 8, "1.3": "nvt", "2.8": 3 } as const;
    await patch(id, { answers });
    const res = await ctx.app.inject({ method: "GET", url: `/api/checks/${id}/results` });
    const r = res.json();
    expect(Object.keys(r).sort()).toEqual(["answers", "overall", "themes", "tipOrder"]);
    expect(r.overall).toBe(6);
    expect(r.themes[0]).toEqual({ id: "1", score: 7.5, answered: 2, notApplicable: 1, unanswered: 4 });
    expect(r.themes[2]).toEqual({ id: "3", score: null, answered: 0, notApplicable: 0, unanswered: 3 });
    // The answered factors only; every factor in the order of its tips: 2.8 (3) first, n.v.t. (1.3) last.
    expect(r.answers).toEqual(answers);
    expect(r.tipOrder).toHaveLength(31);
    expect(r.tipOrder.slice(0, 3)).toEqual(["2.8", "1.1", "1.2"]);
    expect(r.tipOrder.at(-1)).toBe("1.3");
    // A few kB instead of ~46 kB; with the tool, the client has the full results again.
    expect(res.body.length).toBeLessThan(4_000);
    const tool = (await ctx.app.inject({ method: "GET", url: "/api/tools/jongeren-en-arbeid" })).json();
    expect(withTips(tool, r)).toEqual(computeResults(tool, answers));
  });

  it("serves the tool with an ETag and answers 304 when the client has it", async () => {
    const url = "/api/tools/jongeren-en-arbeid";
    const first = await ctx.app.inject({ method: "GET", url });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{20,}"$/);
    expect(first.headers["cache-control"]).toBe("no-cache");
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect((await ctx.app.inject({ method: "GET", url })).headers.etag).toBe(etag);
    const opaque = String(etag).slice(2);
    for (const ifNoneMatch of [String(etag), opaque, `"x", ${etag}`, "*"]) {
      const again = await ctx.app.inject({ method: "GET", url, headers: { "if-none-match": ifNoneMatch } });
      expect(again.statusCode, ifNoneMatch).toBe(304);
      expect(again.body).toBe("");
      expect(again.headers.etag).toBe(etag);
    }
    // Compressed, the same representation: same tag, and a 304 for it too.
    const compressed = await ctx.app.inject({ method: "GET", url, headers: { "accept-encoding": "br" } });
    expect(compressed.headers["content-encoding"]).toBe("br");
    expect(compressed.headers.etag).toBe(etag);
    const stale = await ctx.app.inject({ method: "GET", url, headers: { "if-none-match": 'W/"ouder"' } });
    expect(stale.statusCode).toBe(200);
    expect(stale.json()).toEqual(first.json());
    expect((await ctx.app.inject({ method: "GET", url: "/api/tools/bestaat-niet", headers: { "if-none-match": "*" } })).statusCode).toBe(
      404,
    );
  });

  it("keeps a verbeterplan: theme text and actions", async () => {
    const id = await newCheck();
    const put = await ctx.app.inject({
      method: "PUT",
      url: `/api/checks/${id}/plan/themes/1`,
      payload: { text: "Meer tijd voor de intake." },
    });
    expect(put.statusCode).toBe(200);
    const add = await ctx.app.inject({
      method: "POST",
      url: `/api/checks/${id}/plan/actions`,
      payload: { themeId: "1", factorId: "1.2", what: "Intakeformulier herzien", who: "Team", when: "2027-03-01" },
    });
    expect(add.statusCode).toBe(201);
    const action = add.json();
    expect(action).toMatchObject({ id: expect.any(String), status: "open", factorId: "1.2" });
    const upd = await ctx.app.inject({ method: "PATCH", url: `/api/checks/${id}/plan/actions/${action.id}`, payload: { status: "bezig" } });
    expect(upd.json()).toMatchObject({ status: "bezig", what: "Intakeformulier herzien", when: "2027-03-01" });
    const plan = (await ctx.app.inject({ method: "GET", url: `/api/checks/${id}` })).json().plan;
    expect(plan.themes).toEqual({ "1": "Meer tijd voor de intake." });
    expect(plan.actions).toEqual([{ ...action, status: "bezig" }]);
    expect((await ctx.app.inject({ method: "DELETE", url: `/api/checks/${id}/plan/actions/${action.id}` })).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: "GET", url: `/api/checks/${id}` })).json().plan.actions).toEqual([]);
  });

  it("refuses bad plan input naming the field, storing nothing", async () => {
    const id = await newCheck();
    const bad: [unknown, string][] = [
      [{ themeId: "1", what: "" }, "what"],
      [{ themeId: "1", what: "x", status: "gedaan" }, "status"],
      [{ themeId: "1", what: "x", when: "morgen" }, "when"],
      [{ themeId: "1", factorId: "2.8", what: "x" }, "factorId"],
      [{ themeId: "9", what: "x" }, "themeId"],
      [{ themeId: "1", what: "x".repeat(501) }, "what"],
    ];
    for (const [payload, field] of bad) {
      const res = await ctx.app.inject({ method: "POST", url: `/api/checks/${id}/plan/actions`, payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().field).toBe(field);
    }
    const longText = await ctx.app.inject({ method: "PUT", url: `/api/checks/${id}/plan/themes/1`, payload: { text: "x".repeat(5001) } });
    expect(longText.json().field).toBe("text");
    expect((await ctx.app.inject({ method: "PUT", url: `/api/checks/${id}/plan/themes/8`, payload: { text: "x" } })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: "GET", url: `/api/checks/${id}` })).json().plan).toEqual({ themes: {}, actions: [] });
  });

  it("serves a PDF report", async () => {
    const id = await newCheck();
    await patch(id, { answers: { "1.1": 4 } });
    await ctx.app.inject({
      method: "POST",
      url: `/api/checks/${id}/plan/actions`,
      payload: { themeId: "1", what: "Warme overdracht regelen" },
    });
    const res = await ctx.app.inject({ method: "GET", url: `/api/checks/${id}/report.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(res.rawPayload.length).toBeGreaterThan(5_000);
  });

  it("leads the PDF report with the aandachtspunten and the plan, the other tips in an appendix", async () => {
    const id = await newCheck();
    // Typical answers: most factors scored, two of them 5 or lower.
    const scored = Object.fromEntries((await allFactorIds(ctx.api)).map((factor) => [factor, 8]));
    expect((await patch(id, { answers: { ...scored, "1.1": 4, "3.12": 5, "2.8": "nvt" } })).json()).toEqual({ id, saved: true });
    await ctx.app.inject({
      method: "POST",
      url: `/api/checks/${id}/plan/actions`,
      payload: { themeId: "1", what: "Warme overdracht regelen" },
    });
    const res = await ctx.app.inject({ method: "GET", url: `/api/checks/${id}/report.pdf` });
    expect(res.statusCode).toBe(200);
    const pages = await pdfPages(res.rawPayload);
    const text = pages.join("\n");
    // Each part is found after the one before it: the report's reading order.
    let cursor = 0;
    const next = (needle: string) => {
      const index = text.indexOf(needle, cursor);
      expect(index, `"${needle}" after position ${cursor}`).toBeGreaterThanOrEqual(0);
      cursor = index + needle.length;
      return index;
    };
    next("Scores per thema");
    next("Scores per factor");
    const aandachtspunten = next("Aandachtspunten (score 5 of lager)");
    next("1.1 ");
    next("3.12 ");
    const plan = next("Verbeterplan");
    next("Warme overdracht regelen");
    const appendix = next("Bijlage: overige verbetertips");
    next("Overige factoren");
    next("Bewust niet toegepast (n.v.t.)");
    next("2.8 ");
    // Between the aandachtspunten and the plan no other factor's tips.
    expect(text.slice(aandachtspunten, plan)).not.toContain("1.2 ");
    expect(text.indexOf("1.2 ", appendix)).toBeGreaterThan(appendix);
    // The plan comes within the first pages, not after pages of tips.
    expect(pages.findIndex((page) => page.includes("Warme overdracht regelen"))).toBeLessThan(5);
  });

  it("documents the API in OpenAPI", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/checks",
      "/api/checks/{id}",
      "/api/checks/{id}/answers",
      "/api/checks/{id}/results",
      "/api/checks/{id}/report.pdf",
      "/api/tools/{toolId}",
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
