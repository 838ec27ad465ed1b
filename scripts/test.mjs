// npm test: the whole suite. The production build (web app and server), then Vitest (unit, API and browser projects)
// while type check and lint run beside it. Type check and lint count as one test each. The last line is the one CI
// reads: "N passed, N failed".
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const report = join(root, ".tmp/vitest.json");
mkdirSync(join(root, ".tmp"), { recursive: true });
rmSync(report, { force: true });
const bin = (name) => join(root, "node_modules/.bin", name);

/** Runs a command; its output is printed in one piece when it ends, so parallel steps do not interleave. */
function step(name, cmd, args, { stream = false } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: process.env, stdio: stream ? "inherit" : ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (d) => {
      output += d;
    });
    child.stderr?.on("data", (d) => {
      output += d;
    });
    child.on("error", (error) => {
      output += String(error);
    });
    child.on("close", (code) => {
      const ok = code === 0;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (output.trim() && !ok) process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
      console.log(`${ok ? "✓" : "×"} ${name} (${seconds} s)`);
      resolve(ok);
    });
  });
}

// The browser tests need the web build and the production-layout test the server build; type check and lint need
// nothing and run beside the tests.
const checks = Promise.all([
  step("type check (tsc --noEmit)", bin("tsc"), ["--noEmit"]),
  step("lint (biome check)", bin("biome"), ["check", "--error-on-warnings", "."]),
]);
// Without a build the browser and production tests cannot run; they count as failed through their global setup.
const build = await step("build (npm run build)", process.execPath, [join(root, "scripts/build.mjs")]);
const vitestOk = await step(
  "vitest",
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...process.argv.slice(2)],
  { stream: true },
);
const [typecheck, lint] = await checks;

let passed = (typecheck ? 1 : 0) + (lint ? 1 : 0);
let failed = (typecheck ? 0 : 1) + (lint ? 0 : 1) + (build ? 0 : 1);
try {
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed += result.numPassedTests;
  let vitestFailed = result.numFailedTests;
  // A file that fails before its tests run (import error, failing setup) counts as a failure too.
  vitestFailed += result.testResults.filter((f) => f.status === "failed" && f.assertionResults.every((a) => a.status !== "failed")).length;
  if ((!result.success || !vitestOk) && vitestFailed === 0) vitestFailed = 1;
  failed += vitestFailed;
} catch {
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
