import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { withTips } from "../../domain/checks/scoring.ts";
import { buildApp } from "../app.ts";
import { testAppConfig } from "../test/app.ts";
import { databaseTargets } from "../test/databases.ts";
import { createCheck, injectApi, saveAnswers } from "../test/factories.ts";
import type { RenderOptions } from "./pool.ts";
import type { RenderTask } from "./tasks.ts";

/** A complete PDF file: the header, and the end-of-file marker after the cross-reference table. */
function expectPdf(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toBe("application/pdf");
  expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  const tail = res.rawPayload.subarray(-32).toString();
  expect(tail).toContain("startxref");
  expect(tail.trimEnd().endsWith("%%EOF")).toBe(true);
  expect(res.rawPayload.length).toBeGreaterThan(5_000);
}

function expectDutchError(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(body.field).toBeNull();
  expect(body.error).toMatch(/probeer het .*opnieuw/i);
  expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
}

describe.each(databaseTargets())("rendering in worker threads on $name", (target) => {
  // One thread and room for nine waiting documents: ten downloads at once fill it exactly.
  const options: RenderOptions = { threads: 1, maxQueue: 9, downloadsPerMinute: 12 };
  let database: Database;
  let app: FastifyInstance;
  /** A second app on the same database whose pool holds two documents (one made, one waiting), to see it full. */
  let tiny: FastifyInstance;
  const checkIds: string[] = [];

  beforeAll(async () => {
    database = await target.open();
    app = await buildApp({ database, config: testAppConfig(), render: options });
    tiny = await buildApp({ database, config: testAppConfig(), render: { threads: 1, maxQueue: 1, downloadsPerMinute: 1_000 } });
    const api = injectApi(app);
    for (let i = 0; i < 10; i++) {
      const id = await createCheck(api);
      await saveAnswers(api, id, { "1.1": (i % 10) + 1, "2.8": "nvt", "7.31": 3 });
      checkIds.push(id);
    }
  });
  afterAll(async () => {
    // Closing the apps closes their pools; a pool left open would keep the test process alive.
    await app?.close();
    await tiny?.close();
    await database?.close();
  });

  /** What the check report route hands the pool, made here from the API's own answers. */
  const reportTask = async (id: string): Promise<RenderTask> => {
    const tool = (await tiny.inject({ method: "GET", url: "/api/tools/jongeren-en-arbeid" })).json();
    const results = withTips(tool, (await tiny.inject({ method: "GET", url: `/api/checks/${id}/results` })).json());
    return { kind: "check-report", tool, results, plan: { themes: {}, actions: [] }, updatedAt: new Date() };
  };
  const download = (server: FastifyInstance, id: string, remoteAddress = "127.0.0.1") =>
    server.inject({ method: "GET", url: `/api/checks/${id}/report.pdf`, remoteAddress });

  it("renders ten concurrent report downloads, then limits the client with a Dutch 429", async () => {
    const responses = await Promise.all(checkIds.map((id) => download(app, id)));
    for (const res of responses) expectPdf(res);

    // The limit counts per client address: two more fit in this minute, the next is refused.
    expectPdf(await download(app, checkIds[0] ?? ""));
    expectPdf(await download(app, checkIds[1] ?? ""));
    const refused = await download(app, checkIds[2] ?? "");
    expectDutchError(refused, 429);
    expect(refused.json().error).toMatch(/te veel rapporten of exports/);

    // Another client is not affected.
    expectPdf(await download(app, checkIds[2] ?? "", "192.0.2.7"));
  });

  it("answers 503 in Dutch when threads and queue are full, and renders again once there is room", async () => {
    const id = checkIds[3] ?? "";
    const task = await reportTask(id);
    const running = tiny.renders.run(task);
    const waiting = tiny.renders.run(task);
    expect(tiny.renders.full).toBe(true);

    const refused = await download(tiny, id);
    expectDutchError(refused, 503);
    expect(refused.json().error).toMatch(/te veel rapporten en exports tegelijk/);
    await expect(tiny.renders.run(task)).rejects.toMatchObject({ statusCode: 503 });

    for (const pdf of await Promise.all([running, waiting])) expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(tiny.renders.full).toBe(false);
    expectPdf(await download(tiny, id));
  });

  it("drops a waiting document whose client went away, freeing its place", async () => {
    const task = await reportTask(checkIds[4] ?? "");
    const running = tiny.renders.run(task);
    const client = new AbortController();
    const givenUp = tiny.renders.run(task, client.signal);
    expect(tiny.renders.full).toBe(true);
    client.abort();
    await expect(givenUp).rejects.toMatchObject({ statusCode: 499 });
    expect(tiny.renders.full).toBe(false);
    const next = tiny.renders.run(task);
    for (const pdf of await Promise.all([running, next])) expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
