import { createHmac } from "node:crypto";
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { and, gt, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rateLimitHits } from "../../db/schema.ts";

/**
 * Rate-limit counters in the database, so a limit is one across every instance of the app (PostgreSQL) and survives
 * a restart. A counter is a row `rate_limit_hits(key, hits, reset_at)`: a fixed window that starts with its first hit.
 * Every hit is one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` (several counters of one request in the same
 * statement), so concurrent requests on any instance never both see the last free place. Times come from the
 * database's clock, never from an instance's. Keys hold a client address or an e-mail address, so they are stored
 * as an HMAC with the app secret only, and rows whose window ended are swept now and then by the instance that hits.
 */

/** One counter: a limit's name and the client it counts (an address or an account), with the length of its window. */
export type Counter = { name: string; key: string; windowMs: number };
/** A counter after a hit: hits in the current window and the milliseconds until the window ends. */
export type Hit = { hits: number; ttlMs: number };

export type RateLimitStore = {
  /** Counts one hit on each counter (distinct ones) in one statement; the results in the same order. */
  hit(counters: readonly Counter[]): Promise<Hit[]>;
  /** The counter's state without counting (0 hits when there is no live window). */
  read(counter: Omit<Counter, "windowMs">): Promise<Hit>;
  /** Takes one hit back from each counter that has a live window (a sign-in that succeeded). */
  refund(counters: readonly Omit<Counter, "windowMs">[]): Promise<void>;
  /** Lets the counter's window last at least `ms` from now (a lockout). */
  extend(counter: Omit<Counter, "windowMs">, ms: number): Promise<void>;
  /** Deletes the rows whose window has ended; the number deleted. */
  sweep(): Promise<number>;
  /** Resolves once a sweep started in the background has finished (closing the app waits for it). */
  settled(): Promise<void>;
};

/** How often one instance sweeps ended windows away (lazily, on a hit). */
const SWEEP_EVERY_MS = 10 * 60_000;

const remainingMs = sql<number>`greatest(0, ceil(extract(epoch from (${rateLimitHits.resetAt} - now())) * 1000))::integer`.mapWith(Number);
const interval = (ms: number) => sql`(${Math.max(0, Math.round(ms))}::double precision * interval '1 millisecond')`;

/** Deletes the counters whose window ended (by the database's clock, like the windows); returns how many. */
export async function deleteEndedWindows(db: Db): Promise<number> {
  const deleted = await db.delete(rateLimitHits).where(lte(rateLimitHits.resetAt, sql`now()`)).returning({ key: rateLimitHits.key });
  return deleted.length;
}

export function createRateLimitStore(db: Db, secret: string, log: (error: unknown) => void = () => {}): RateLimitStore {
  /** The stored key: the limit's name in clear (for an operator), the client only as a keyed hash (AVG). */
  const storedKey = ({ name, key }: Omit<Counter, "windowMs">) =>
    `${name}:${createHmac("sha256", secret).update(`${name}\n${key}`).digest("base64url").slice(0, 32)}`;

  let lastSweep = 0;
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => deleteEndedWindows(db);
  const maybeSweep = () => {
    const now = Date.now();
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    sweeping = sweep().catch(log);
  };

  return {
    async hit(counters) {
      if (counters.length === 0) return [];
      const keys = counters.map(storedKey);
      const rows = await db
        .insert(rateLimitHits)
        .values(counters.map((counter, i) => ({ key: keys[i] ?? "", hits: 1, resetAt: sql`now() + ${interval(counter.windowMs)}` })))
        .onConflictDoUpdate({
          target: rateLimitHits.key,
          set: {
            // A window that has ended starts again with this hit; otherwise the hit is added to it.
            hits: sql`CASE WHEN ${rateLimitHits.resetAt} <= now() THEN 1 ELSE ${rateLimitHits.hits} + 1 END`,
            resetAt: sql`CASE WHEN ${rateLimitHits.resetAt} <= now() THEN excluded.reset_at ELSE ${rateLimitHits.resetAt} END`,
          },
        })
        .returning({ key: rateLimitHits.key, hits: rateLimitHits.hits, ttlMs: remainingMs });
      maybeSweep();
      const byKey = new Map(rows.map((row) => [row.key, { hits: row.hits, ttlMs: row.ttlMs }]));
      return keys.map((key) => {
        const hit = byKey.get(key);
        if (!hit) throw new Error("rate limit: a counter was not returned");
        return hit;
      });
    },
    async read(counter) {
      const [row] = await db
        .select({ hits: rateLimitHits.hits, ttlMs: remainingMs })
        .from(rateLimitHits)
        .where(and(sql`${rateLimitHits.key} = ${storedKey(counter)}`, gt(rateLimitHits.resetAt, sql`now()`)));
      return row ?? { hits: 0, ttlMs: 0 };
    },
    async refund(counters) {
      if (counters.length === 0) return;
      await db
        .update(rateLimitHits)
        .set({ hits: sql`${rateLimitHits.hits} - 1` })
        .where(and(inArray(rateLimitHits.key, counters.map(storedKey)), gt(rateLimitHits.hits, 0), gt(rateLimitHits.resetAt, sql`now()`)));
    },
    async extend(counter, ms) {
      await db
        .update(rateLimitHits)
        .set({ resetAt: sql`greatest(${rateLimitHits.resetAt}, now() + ${interval(ms)})` })
        .where(sql`${rateLimitHits.key} = ${storedKey(counter)}`);
    },
    sweep,
    async settled() {
      await sweeping;
    },
  };
}

/** Route options as @fastify/rate-limit hands them to `child` (its types say less than it passes). */
type ChildOptions = { groupId?: string; routeInfo?: { method?: string | string[]; url?: string } };

/**
 * The store class for @fastify/rate-limit's `store` option on top of `store`. Each route with a `rateLimit` config
 * gets a child counting under its own name ("POST /api/checks", or the config's `groupId`), so routes never share a
 * counter by accident.
 */
export function fastifyRateLimitStore(store: RateLimitStore): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    readonly name: string;
    constructor(_options: FastifyRateLimitOptions, name = "global") {
      this.name = name;
    }
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      store.hit([{ name: this.name, key, windowMs: timeWindow }]).then(
        ([hit]) => callback(null, { current: hit?.hits ?? 0, ttl: hit?.ttlMs ?? 0 }),
        (error: Error) => callback(error),
      );
    }
    read(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void): void {
      store.read({ name: this.name, key }).then(
        (hit) => callback(null, { current: hit.hits, ttl: hit.ttlMs }),
        (error: Error) => callback(error),
      );
    }
    child(routeOptions: Parameters<FastifyRateLimitStore["child"]>[0]): FastifyRateLimitStore {
      const { groupId, routeInfo } = routeOptions as unknown as ChildOptions;
      const method = [routeInfo?.method ?? ""].flat().join(",");
      const name = groupId ?? (routeInfo?.url ? `${method} ${routeInfo.url}`.trim() : this.name);
      return new DatabaseStore({}, name);
    }
  }
  return DatabaseStore;
}
