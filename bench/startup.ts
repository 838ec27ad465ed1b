// Start-up of the compiled server (`node dist/server/main.js`, as in production): time from spawn to the first
// 200 of /api/health/ready, and the resident memory (VmRSS) a while after, when it idles.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SERVER_ENV } from "../src/server/server-env.ts";
import { freePort } from "../src/server/test/processes.ts";

export type StartupMeasurement = { readyMs: number; rssMb: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s*kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts `dist/server/main.js` with `env` (DATA_DIR, or DATABASE_URL), waits for ready (giving up after `timeoutMs`),
 * lets it idle `idleMs`, reads its RSS and stops it.
 */
export async function measureStartup(
  root: string,
  env: Record<string, string | undefined>,
  { idleMs = 3_000, timeoutMs = 120_000 } = {},
): Promise<StartupMeasurement> {
  const port = await freePort();
  let stderr = "";
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, "dist/server/main.js")], {
    cwd: root,
    env: { ...SERVER_ENV, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  try {
    let readyMs = Number.NaN;
    while (performance.now() - started < timeoutMs) {
      if (child.exitCode !== null) throw new Error(`the server stopped with ${child.exitCode}: ${stderr.trim()}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
        await res.arrayBuffer();
        if (res.status === 200) {
          readyMs = performance.now() - started;
          break;
        }
      } catch {
        // Not listening yet.
      }
      await sleep(10);
    }
    if (!Number.isFinite(readyMs)) throw new Error(`not ready within ${timeoutMs} ms: ${stderr.trim()}`);
    await sleep(idleMs);
    return { readyMs, rssMb: residentMb(child.pid as number) };
  } finally {
    await stop(child);
  }
}
