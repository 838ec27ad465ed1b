import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { asyncLogDestination } from "./logger.ts";

const linesIn = (file: string) => {
  try {
    return readFileSync(file, "utf8").split("\n").filter(Boolean);
  } catch {
    return [];
  }
};

describe("asyncLogDestination", () => {
  it("writes a quiet server's few lines without waiting for a batch to fill", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "verbetertool-log-")), "out.log");
    const destination = asyncLogDestination(file);
    for (const n of [1, 2, 3]) destination.write(`{"n":${n}}\n`);
    const deadline = Date.now() + 5000;
    while (linesIn(file).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(linesIn(file)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
  });

  for (const ending of ["process.exit(0);", "// (the event loop runs empty)"]) {
    it(`writes every pending line when the process ends right after logging them: ${ending}`, () => {
      const file = join(mkdtempSync(join(tmpdir(), "verbetertool-log-")), "out.log");
      const logger = resolve(import.meta.dirname, "logger.ts");
      // A busy burst (several batches) and a short tail that fills no batch, then the end.
      // A file descriptor, as stdout is in production (a path is opened asynchronously).
      const script = `const { asyncLogDestination } = await import(${JSON.stringify(logger)});
        const { openSync } = await import("node:fs");
        const d = asyncLogDestination(openSync(${JSON.stringify(file)}, "a"));
        for (let i = 0; i < 500; i++) d.write(JSON.stringify({ i, padding: "x".repeat(100) }) + "\\n");
        ${ending}`;
      execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]);
      const lines = linesIn(file);
      expect(lines.map((line) => JSON.parse(line).i)).toEqual([...Array(500).keys()]);
    });
  }
});
