// npm run lighthouse: Lighthouse (mobile: the default form factor, simulated throttling) on the landing page and a
// check's first theme page of the production build, with Debian's Chromium. Builds what changed, starts the compiled
// server on an empty data directory (embedded database), makes a check through the API, runs each page a few times
// and keeps the median run (by performance score) as docs/lighthouse/<page>.report.html and .report.json; prints the
// scores. Not part of `npm test`: it is slow and its figures move with the machine's load.
//
//   npm run lighthouse                 # 3 runs per page
//   npm run lighthouse -- --runs 5     # more runs, steadier median
//   CHROMIUM_PATH=/path/to/chrome npm run lighthouse
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { generateReport } from "lighthouse";
import { TraceEngineResult } from "lighthouse/core/computed/trace-engine-result.js";

const root = join(import.meta.dirname, "..");
const outDir = join(root, "docs/lighthouse");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TOOL_ID = "jongeren-en-arbeid";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1 (got ${values.runs})`);

// Lighthouse 12.2.3 (the last 12.x whose lock npm ci accepts here; 13 needs Node 22) reads the frame data of trace
// events "PipelineReporter" from `args.chrome_frame_reporter`, which newer Chromium (Debian's 156) calls
// `args.frame_reporter`. Without this shim the trace engine throws and six diagnostics (layout shifts, LCP element,
// render-blocking resources, …) end in "Error!"; the scores do not depend on it. The events are copied, not changed.
const runTraceEngine = TraceEngineResult.runTraceEngine;
TraceEngineResult.runTraceEngine = (events) =>
  runTraceEngine(
    events.map((event) =>
      event.name === "PipelineReporter" && event.args?.frame_reporter && !event.args.chrome_frame_reporter
        ? { ...event, args: { ...event.args, chrome_frame_reporter: event.args.frame_reporter } }
        : event,
    ),
  );

/** A TCP port nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The compiled server, as an operator starts it, on a data directory of its own; resolves once it is ready. */
async function startServer() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "verbetertool-lighthouse-"));
  const child = spawn(process.execPath, [join(root, "dist/server/main.js")], {
    cwd: root,
    env: {
      // The environment of `npm start` (src/server/server-env.ts; e2e/production.test.ts checks this copy).
      MALLOC_MMAP_THRESHOLD_: "131072",
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server ended with ${child.exitCode}:\n${output}`);
    }
    const status = await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() - started > 120_000) {
      await stop();
      throw new Error(`the server was not ready within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop };
}

/** Lighthouse's own "please run again" failures (NO_NAVSTART now and then with this Chromium): retried. */
const ATTEMPTS = 3;

/** One Lighthouse run on a fresh Chromium (empty cache and storage); returns the result object (lhr). */
async function audit(url) {
  for (let attempt = 1; ; attempt++) {
    const chrome = await chromeLauncher.launch({
      chromePath: chromiumPath,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const error = result.lhr.runtimeError;
      if (!error) return result.lhr;
      if (attempt >= ATTEMPTS) throw new Error(`Lighthouse on ${url}, ${attempt} attempts: ${error.code} ${error.message}`);
      console.log(`  (Lighthouse: ${error.code}; trying again)`);
    } finally {
      await chrome.kill();
    }
  }
}

/**
 * What is committed: the HTML report (the one to open) keeps the filmstrip and the final screenshot but not the
 * full-page screenshot; the JSON keeps every score, metric and audit but no images, timings of Lighthouse itself or
 * translation paths, so both files stay small enough to commit.
 */
function forHtml(lhr) {
  const copy = structuredClone(lhr);
  delete copy.fullPageScreenshot;
  delete copy.audits["full-page-screenshot"];
  if (copy.timing) delete copy.timing.entries;
  if (copy.i18n) delete copy.i18n.icuMessagePaths;
  return copy;
}

function forJson(lhr) {
  const copy = forHtml(lhr);
  for (const id of ["screenshot-thumbnails", "final-screenshot"]) {
    if (copy.audits[id]) delete copy.audits[id].details;
  }
  return copy;
}

const score = (lhr, category) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

console.log("Building what changed (scripts/build.mjs --if-changed)…");
execFileSync(process.execPath, [join(root, "scripts/build.mjs"), "--if-changed"], { cwd: root, stdio: "inherit" });

const server = await startServer();
try {
  const created = await fetch(`${server.url}/api/checks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ toolId: TOOL_ID }),
  });
  if (created.status !== 201) throw new Error(`creating a check: expected 201, got ${created.status} ${await created.text()}`);
  const { id } = await created.json();
  const pages = [
    { name: "landing", url: `${server.url}/` },
    { name: "check", url: `${server.url}/check/${id}/thema/1` },
  ];

  mkdirSync(outDir, { recursive: true });
  const summary = [];
  let version = "";
  for (const page of pages) {
    const results = [];
    for (let run = 1; run <= runs; run++) {
      const lhr = await audit(page.url);
      console.log(`${page.name} run ${run}/${runs}: performance ${score(lhr, "performance")}`);
      results.push(lhr);
    }
    results.sort((a, b) => score(a, "performance") - score(b, "performance"));
    const median = results[Math.floor((results.length - 1) / 2)];
    version = median.lighthouseVersion;
    writeFileSync(join(outDir, `${page.name}.report.json`), `${JSON.stringify(forJson(median), null, 1)}\n`);
    writeFileSync(join(outDir, `${page.name}.report.html`), generateReport(forHtml(median), "html"));
    const metric = (key) => median.audits[key]?.displayValue ?? "?";
    summary.push(
      `${page.name.padEnd(8)} ${CATEGORIES.map((c) => `${c} ${score(median, c)}`).join(", ")}` +
        ` | FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")},` +
        ` TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}` +
        ` (runs: ${results.map((r) => score(r, "performance")).join(", ")})`,
    );
  }
  console.log(`\nLighthouse ${version} mobile, median of ${runs} run(s); reports in docs/lighthouse/`);
  for (const line of summary) console.log(line);
} finally {
  await server.stop();
}
