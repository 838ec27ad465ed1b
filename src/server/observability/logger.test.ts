import { execFileSync } from "node:child_process";
import { mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { batchedLogDestination, loggerOptions, requestCompletedLine } from "./logger.ts";

const linesIn = (file: string) => {
  try {
    return readFileSync(file, "utf8").split("\n").filter(Boolean);
  } catch {
    return [];
  }
};

describe("batchedLogDestination", () => {
  it("writes a quiet server's few lines without waiting for a batch to fill", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "verbetertool-log-")), "out.log");
    const destination = batchedLogDestination(file);
    for (const n of [1, 2, 3]) destination.write(`{"n":${n}}\n`);
    const deadline = Date.now() + 5000;
    while (linesIn(file).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(linesIn(file)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
  });

  it("has a full batch in the file when write returns, so nothing is in flight when the process exits", () => {
    // Lines still on libuv's thread pool at exit landed after the lines written at exit (decision 0051).
    const file = join(mkdtempSync(join(tmpdir(), "verbetertool-log-")), "out.log");
    const destination = batchedLogDestination(openSync(file, "a"));
    const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify({ i, padding: "x".repeat(100) }));
    for (const line of lines) destination.write(`${line}\n`);
    const written = linesIn(file);
    expect(written.length).toBeGreaterThan(100);
    expect(written).toEqual(lines.slice(0, written.length));
  });

  for (const ending of ["process.exit(0);", "// (the event loop runs empty)"]) {
    it(`writes every pending line when the process ends right after logging them: ${ending}`, () => {
      const file = join(mkdtempSync(join(tmpdir(), "verbetertool-log-")), "out.log");
      const logger = resolve(import.meta.dirname, "logger.ts");
      // A busy burst (several batches) and a short tail that fills no batch, then the end.
      // A file descriptor, as stdout is in production.
      const script = `const { batchedLogDestination } = await import(${JSON.stringify(logger)});
        const { openSync } = await import("node:fs");
        const d = batchedLogDestination(openSync(${JSON.stringify(file)}, "a"));
        for (let i = 0; i < 500; i++) d.write(JSON.stringify({ i, padding: "x".repeat(100) }) + "\\n");
        ${ending}`;
      execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]);
      const lines = linesIn(file);
      expect(lines.map((line) => JSON.parse(line).i)).toEqual([...Array(500).keys()]);
    });
  }
});

describe("requestCompletedLine", () => {
  it("is the line pino writes for the same fields: same keys in the same order, same values", () => {
    const written: string[] = [];
    const destination = { write: (line: string) => void written.push(line) };
    const logger = pino(loggerOptions({ level: "info", destination }) as pino.LoggerOptions, destination);
    const fields = { method: "PATCH", route: "/api/checks/:id/answers", statusCode: 200, responseTime: 1.3 };
    const before = Date.now();
    logger.child({ reqId: "req-1.a_B" }).info(fields, "request completed");
    const ours = requestCompletedLine("req-1.a_B", fields.method, fields.route, fields.statusCode, fields.responseTime);
    const after = Date.now();
    expect(written).toHaveLength(1);
    expect(ours.endsWith("}\n")).toBe(true);
    const [pinos, mine] = [JSON.parse(written[0] ?? ""), JSON.parse(ours)];
    expect(Object.keys(mine)).toEqual(Object.keys(pinos));
    expect({ ...mine, time: 0 }).toEqual({ ...pinos, time: 0 });
    expect(mine.time).toBeGreaterThanOrEqual(before);
    expect(mine.time).toBeLessThanOrEqual(after);
  });

  it("writes the same text as pino for other methods, routes, statuses and response times, also when made again", () => {
    const written: string[] = [];
    const destination = { write: (line: string) => void written.push(line) };
    const logger = pino(loggerOptions({ level: "info", destination }) as pino.LoggerOptions, destination).child({ reqId: "abc" });
    const cases = [
      { method: "GET", route: "/api/checks/:id/results", statusCode: 200, responseTime: 0 },
      { method: "GET", route: "(unmatched)", statusCode: 404, responseTime: 0.1 },
      { method: "POST", route: '/api/"odd"\\route', statusCode: 201, responseTime: 12 },
      { method: "DELETE", route: "/api/checks/:id", statusCode: 204, responseTime: 99.9 },
      { method: "GET", route: "/api/checks/:id/results", statusCode: 304, responseTime: 1234.5 },
      { method: "PATCH", route: "/api/checks/:id/results", statusCode: 400, responseTime: 10.7 },
    ];
    for (const fields of [...cases, ...cases]) {
      logger.info(fields, "request completed");
      const ours = requestCompletedLine("abc", fields.method, fields.route, fields.statusCode, fields.responseTime);
      const pinos = written.at(-1) ?? "";
      // Equal text but for the time, which may have moved on by a millisecond.
      expect(ours.replace(/"time":\d+/, "")).toBe(pinos.replace(/"time":\d+/, ""));
    }
  });
});
