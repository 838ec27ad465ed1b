import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Piscina } from "piscina";
import { HttpError } from "../errors.ts";
import type { Limit } from "../ratelimit/plugin.ts";
import type { RenderTask } from "./tasks.ts";

// PDFs and XLSX files are made in a small pool of worker threads so the event loop keeps answering other requests
// (before, 20 concurrent report downloads made /api/health wait 22 s). Two limits keep the pool from drowning:
// - a bounded queue for the whole instance: when it is full, a download is refused at once with 503;
// - downloads per client address per minute (one counter over all download routes, in the database so it is one
//   across instances: server/ratelimit): 429.

export type RenderOptions = {
  /** Worker threads; each renders one document at a time. */
  threads: number;
  /** Documents that may wait for a free thread; beyond threads + maxQueue a download gets 503. */
  maxQueue: number;
  /** PDF/XLSX downloads one client address may start per minute, over all download routes together. */
  downloadsPerMinute: number;
};

/** One thread less than the machine has (the event loop keeps one), at least one; 16 waiting documents per thread. */
export function defaultRenderOptions(): RenderOptions {
  const threads = Math.max(1, availableParallelism() - 1);
  return { threads, maxQueue: 16 * threads, downloadsPerMinute: 30 };
}

/**
 * The worker module, next to this file: `worker.ts` when the server runs from source (tsx, Vitest), `worker.js` in a
 * compiled build. A worker thread does not inherit tsx's or Vitest's TypeScript transform, so a .ts worker is started
 * with tsx's loader (resolved from here, not from the working directory); a .js worker needs nothing.
 */
export function renderWorker(moduleUrl: string = import.meta.url): { filename: string; execArgv?: string[] } {
  const self = fileURLToPath(moduleUrl);
  const extension = extname(self);
  const filename = join(dirname(self), `worker${extension}`);
  if (extension !== ".ts") return { filename };
  const tsx = pathToFileURL(createRequire(moduleUrl).resolve("tsx")).href;
  return { filename, execArgv: ["--import", tsx] };
}

const busy = () => new HttpError(503, "Er worden nu te veel rapporten en exports tegelijk gemaakt. Probeer het over een minuut opnieuw.");
const tooMany = () =>
  new HttpError(429, "Je hebt in korte tijd te veel rapporten of exports gedownload. Wacht een minuut en probeer het dan opnieuw.");

const gone = () => new HttpError(499, "De download is afgebroken.");

export type RenderPool = {
  /**
   * Makes the document in a worker thread; 503 (HttpError) at once when threads and queue are full. A document whose
   * `signal` aborts while it waits (the client went away) is dropped without being made.
   */
  run(task: RenderTask, signal?: AbortSignal): Promise<Buffer>;
  /** True when a new document would be refused. */
  readonly full: boolean;
  /** Refuses what still waits, waits for the documents being made, then stops the threads. */
  close(): Promise<void>;
};

export function createRenderPool(options: Pick<RenderOptions, "threads" | "maxQueue">): RenderPool {
  const pool = new Piscina<RenderTask, Uint8Array>({
    ...renderWorker(),
    // Threads start on the first download (an instance or test that never renders pays nothing) and stay a while:
    // a fresh thread's first document is several times slower than the next.
    minThreads: 0,
    maxThreads: options.threads,
    idleTimeout: 15 * 60_000,
  });
  // The waiting line is kept here, not in piscina: piscina hands out at most `threads` documents at a time, so a
  // document still waiting can be dropped when its client is gone (piscina could only stop a running one by ending
  // its thread), and exactly threads + maxQueue documents are accepted, whatever state the threads are in.
  let running = 0;
  let closed = false;
  const waiting: { start: () => void; refuse: (error: HttpError) => void }[] = [];
  const turn = (signal?: AbortSignal) =>
    new Promise<void>((start, refuse) => {
      if (running < options.threads) {
        running++;
        return start();
      }
      const entry = {
        start: () => {
          signal?.removeEventListener("abort", drop);
          start();
        },
        refuse,
      };
      const drop = () => {
        const index = waiting.indexOf(entry);
        if (index >= 0) waiting.splice(index, 1);
        refuse(gone());
      };
      signal?.addEventListener("abort", drop, { once: true });
      waiting.push(entry);
    });
  /** The finished document's thread goes to the next in line (running stays the same) or becomes free. */
  const release = () => {
    const next = waiting.shift();
    if (next) next.start();
    else running--;
  };
  const full = () => closed || running + waiting.length >= options.threads + options.maxQueue;
  return {
    async run(task, signal) {
      if (full()) throw busy();
      if (signal?.aborted) throw gone();
      await turn(signal);
      try {
        const bytes = await pool.run(task);
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } finally {
        release();
      }
    },
    get full() {
      return full();
    },
    async close() {
      closed = true;
      for (const entry of waiting.splice(0)) entry.refuse(busy());
      await pool.close();
    },
  };
}

export type Renders = RenderPool & {
  /**
   * onRequest hook of every PDF/XLSX route: 503 when the pool is full (before any database work), 429 when this
   * client address started too many downloads this minute; both with Retry-After and a Dutch `{ error, field }`.
   */
  limit(request: FastifyRequest, reply: FastifyReply): Promise<void>;
};

declare module "fastify" {
  // Same type parameters as Fastify's own declaration, or the interfaces would not merge.
  interface FastifyInstance<RawServer, RawRequest, RawReply, Logger, TypeProvider> {
    /** The render pool and download limit (see server/render/pool.ts). */
    renders: Renders;
  }
}

/**
 * Starts the render pool and the download limit and makes them `app.renders`; the pool closes with the app.
 * Register after the rate limits (server/ratelimit provides the counter) and before the routes that use it.
 */
export function registerRendering(app: FastifyInstance, overrides: Partial<RenderOptions> = {}): Renders {
  const options = { ...defaultRenderOptions(), ...overrides };
  const pool = createRenderPool(options);
  // One counter for all download routes together, per client address (request.ip; behind a proxy see TRUST_PROXY),
  // shared by every instance.
  const downloads: Limit = { name: "downloads", max: options.downloadsPerMinute, windowMs: 60_000 };
  const renders: Renders = {
    run: (task, signal) => pool.run(task, signal),
    get full() {
      return pool.full;
    },
    close: () => pool.close(),
    async limit(request, reply) {
      if (pool.full) {
        reply.header("Retry-After", "30");
        throw busy();
      }
      await app.rateLimits.take(reply, [{ limit: downloads, key: app.rateLimits.clientKey(request) }], tooMany);
    },
  };
  app.decorate("renders", renders);
  app.addHook("onClose", () => pool.close());
  return renders;
}
