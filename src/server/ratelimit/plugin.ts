import rateLimit, { normalizeIP } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.ts";
import { HttpError } from "../errors.ts";
import { createRateLimitStore, fastifyRateLimitStore, type RateLimitStore } from "./store.ts";

/**
 * A limit: at most `max` hits per client in a window of `windowMs` that starts with the first hit. With `lockMs`,
 * the hit that reaches `max` makes the window last at least that long from then on (a lockout).
 */
export type Limit = { name: string; max: number; windowMs: number; lockMs?: number };

/** What `take` counted; `refund` gives the hits back (an attempt that turned out not to count, e.g. a good sign-in). */
export type Taken = { refund(): Promise<void> };

export type RateLimits = {
  store: RateLimitStore;
  /**
   * Counts one hit on every (limit, client key) pair, all in one database statement. When any is past its `max`,
   * sets Retry-After and throws a 429 HttpError (`refuse(ttlMs)`, or a Dutch "te veel verzoeken" with the wait).
   */
  take(reply: FastifyReply, counts: readonly { limit: Limit; key: string }[], refuse?: (ttlMs: number) => HttpError): Promise<Taken>;
  /** The client's address as @fastify/rate-limit keys it (IPv6 per /64); behind a proxy see TRUST_PROXY. */
  clientKey(request: FastifyRequest): string;
};

declare module "fastify" {
  // Same type parameters as Fastify's own declaration, or the interfaces would not merge.
  interface FastifyInstance<RawServer, RawRequest, RawReply, Logger, TypeProvider> {
    /** Rate limits shared by every instance (see server/ratelimit). */
    rateLimits: RateLimits;
  }
}

/** "Probeer het over 3 minuten opnieuw" — the wait in Dutch, rounded up to seconds under a minute, else minutes. */
export function waitInDutch(ttlMs: number): string {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  if (seconds < 60) return seconds === 1 ? "een seconde" : `${seconds} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "een minuut" : `${minutes} minuten`;
}

export const tooManyRequests = (ttlMs: number) =>
  new HttpError(429, `Te veel verzoeken in korte tijd. Probeer het over ${waitInDutch(ttlMs)} opnieuw.`);

/**
 * Registers @fastify/rate-limit (routes opt in with `config.rateLimit`) on a store in the database, and
 * `app.rateLimits` for limits a route decides itself (sign-in, downloads). Register before the routes.
 */
export async function registerRateLimits(app: FastifyInstance, { db, secret }: { db: Db; secret: string }): Promise<RateLimits> {
  const store = createRateLimitStore(db, secret, (error) => app.log.warn({ err: error }, "rate limit: sweeping ended windows failed"));
  await app.register(rateLimit, {
    global: false,
    store: fastifyRateLimitStore(store),
    // Thrown from the route's hook; errors.ts turns it into `{ error, field }`. Retry-After is set by the plugin.
    errorResponseBuilder: (_request, context) => tooManyRequests(context.ttl),
  });
  const limits: RateLimits = {
    store,
    async take(reply, counts, refuse = tooManyRequests) {
      const counters = counts.map(({ limit, key }) => ({ name: limit.name, key, windowMs: limit.windowMs }));
      const hits = await store.hit(counters);
      let waitMs = 0;
      for (const [i, { limit }] of counts.entries()) {
        const hit = hits[i];
        const counter = counters[i];
        if (!hit || !counter) continue;
        if (limit.lockMs !== undefined && hit.hits === limit.max) {
          await store.extend(counter, limit.lockMs);
          hit.ttlMs = Math.max(hit.ttlMs, limit.lockMs);
        }
        if (hit.hits > limit.max) waitMs = Math.max(waitMs, hit.ttlMs);
      }
      if (waitMs > 0) {
        reply.header("Retry-After", String(Math.max(1, Math.ceil(waitMs / 1000))));
        throw refuse(waitMs);
      }
      return { refund: () => store.refund(counters) };
    },
    clientKey: (request) => normalizeIP(request.ip),
  };
  app.decorate("rateLimits", limits);
  app.addHook("onClose", () => store.settled());
  return limits;
}
