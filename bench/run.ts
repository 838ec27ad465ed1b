// npm run bench: throughput and p99 latency of saving answers and reading results at 50 concurrent connections,
// each printed as a ratio to a bare Fastify hello-world measured in the same run on the same machine. Then
// /api/health while PDF reports are downloaded concurrently, as a ratio to /api/health alone, the two measured in
// turns (BENCH_ROUNDS times) so both see the same machine.
import { type ChildProcess, fork } from "node:child_process";
import { resolve } from "node:path";
import autocannon from "autocannon";

const CONNECTIONS = 50;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const FACTORS = ["1.1", "1.2", "1.3", "2.8", "3.12", "4.15", "5.18", "6.22", "7.29", "7.31"];

function startServer(mode: "hello" | "app"): Promise<{ child: ChildProcess; url: string; database?: string }> {
  const child = fork(resolve(import.meta.dirname, "server.ts"), [mode], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  return new Promise((ok, fail) => {
    child.once("message", (m) => ok({ child, ...(m as { url: string; database?: string }) }));
    child.once("exit", (code) => fail(new Error(`bench server (${mode}) stopped with ${code}`)));
  });
}

type Measurement = { name: string; rps: number; p99: number; errors: number };

async function measure(name: string, options: autocannon.Options): Promise<Measurement> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  const errors = result.errors + result.non2xx;
  return { name, rps: result.requests.average, p99: result.latency.p99, errors };
}

const hello = await startServer("hello");
const baseline = await measure("baseline: Fastify hello-world", { url: `${hello.url}/hello` });
hello.child.kill();

const app = await startServer("app");
const checkIds: string[] = [];
for (let i = 0; i < CONNECTIONS; i++) {
  const res = await fetch(`${app.url}/api/checks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ toolId: "jongeren-en-arbeid" }),
  });
  checkIds.push(((await res.json()) as { id: string }).id);
}
const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)] as T;
// Give every check answers so reading results does real work.
for (const id of checkIds) {
  await fetch(`${app.url}/api/checks/${id}/answers`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ answers: Object.fromEntries(FACTORS.map((f, i) => [f, i === 0 ? "nvt" : (i % 10) + 1])) }),
  });
}

const save = await measure("save answers (PATCH …/answers)", {
  url: app.url,
  requests: [
    {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      setupRequest: (req) => ({
        ...req,
        path: `/api/checks/${pick(checkIds)}/answers`,
        body: JSON.stringify({ answers: { [pick(FACTORS)]: 1 + Math.floor(Math.random() * 10) } }),
      }),
    },
  ],
});
const read = await measure("read results (GET …/results)", {
  url: app.url,
  requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/api/checks/${pick(checkIds)}/results` }) }],
});

// Health while PDFs render: the reports are made in worker threads, so the event loop should keep answering.
const HEALTH_CONNECTIONS = 10;
// Below the default pool capacity (threads + 16 waiting per thread), so no download is refused with 503.
const PDF_CONNECTIONS = 16;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
type HealthRound = { alone: Measurement; loaded: Measurement; pdfs: Measurement };
const health = (name: string) => measure(name, { url: `${app.url}/api/health`, connections: HEALTH_CONNECTIONS });
const downloadPdfs = async (): Promise<Measurement> => {
  // Queued reports wait for a free thread; autocannon's default 10 s timeout would count them as errors.
  const result = await autocannon({
    url: app.url,
    connections: PDF_CONNECTIONS,
    duration: DURATION,
    timeout: 120,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/api/checks/${pick(checkIds)}/report.pdf` }) }],
  });
  return { name: "PDF reports", rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
};
// The first report of a fresh worker thread is several times slower than the next: warm the pool first.
await Promise.all(
  checkIds.slice(0, PDF_CONNECTIONS).map((id) => fetch(`${app.url}/api/checks/${id}/report.pdf`).then((r) => r.arrayBuffer())),
);
const rounds: HealthRound[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const alone = await health("health alone");
  const [loaded, pdfs] = await Promise.all([health("health while PDFs download"), downloadPdfs()]);
  rounds.push({ alone, loaded, pdfs });
}
app.child.kill();

console.log(`\n${CONNECTIONS} connections, ${DURATION} s each, database: ${app.database}, node ${process.version}\n`);
console.log(
  "scenario".padEnd(36),
  "req/s".padStart(9),
  "p99 ms".padStart(8),
  "req/s ÷ base".padStart(13),
  "p99 ÷ base".padStart(11),
  "errors".padStart(7),
);
for (const m of [baseline, save, read]) {
  console.log(
    m.name.padEnd(36),
    m.rps.toFixed(0).padStart(9),
    m.p99.toFixed(1).padStart(8),
    (m.rps / baseline.rps).toFixed(3).padStart(13),
    (m.p99 / Math.max(baseline.p99, 0.001)).toFixed(2).padStart(11),
    String(m.errors).padStart(7),
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
console.log(
  `\n/api/health at ${HEALTH_CONNECTIONS} connections alone, then while ${PDF_CONNECTIONS} connections download PDF reports; ${ROUNDS} rounds in turn\n`,
);
console.log(
  "round".padEnd(7),
  "health req/s alone".padStart(19),
  "loaded".padStart(8),
  "p99 ms alone".padStart(13),
  "loaded".padStart(8),
  "req/s ratio".padStart(12),
  "p99 ratio".padStart(10),
  "PDFs/s".padStart(7),
  "PDF p99 ms".padStart(11),
  "errors".padStart(7),
);
const ratios = rounds.map((r) => ({ rps: r.loaded.rps / r.alone.rps, p99: r.loaded.p99 / Math.max(r.alone.p99, 0.001) }));
rounds.forEach((r, i) => {
  console.log(
    String(i + 1).padEnd(7),
    r.alone.rps.toFixed(0).padStart(19),
    r.loaded.rps.toFixed(0).padStart(8),
    r.alone.p99.toFixed(1).padStart(13),
    r.loaded.p99.toFixed(1).padStart(8),
    (ratios[i]?.rps ?? 0).toFixed(3).padStart(12),
    (ratios[i]?.p99 ?? 0).toFixed(2).padStart(10),
    r.pdfs.rps.toFixed(1).padStart(7),
    r.pdfs.p99.toFixed(0).padStart(11),
    String(r.alone.errors + r.loaded.errors + r.pdfs.errors).padStart(7),
  );
});
console.log(
  "median".padEnd(7),
  "".padStart(19 + 8 + 13 + 8 + 3),
  median(ratios.map((r) => r.rps))
    .toFixed(3)
    .padStart(12),
  median(ratios.map((r) => r.p99))
    .toFixed(2)
    .padStart(10),
);
const healthErrors = rounds.reduce((n, r) => n + r.alone.errors + r.loaded.errors + r.pdfs.errors, 0);
if (save.errors + read.errors + healthErrors > 0) process.exitCode = 1;
