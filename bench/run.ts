// npm run bench: throughput and p99 latency of saving answers and reading results at 50 concurrent connections,
// each printed as a ratio to a bare Fastify hello-world measured in the same run on the same machine.
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
if (save.errors + read.errors > 0) process.exitCode = 1;
