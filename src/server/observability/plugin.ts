import type { FastifyInstance } from "fastify";
import { type MetricsOptions, registerMetrics } from "./metrics.ts";

/**
 * Request ids and metrics. Call on the root instance before any route is registered
 * (hooks added here apply to the routes and not-found handler registered after them). The request log line itself
 * comes from `RequestLogController`, the id from `requestIdFrom` (both Fastify options).
 */
export function registerObservability(app: FastifyInstance, options: MetricsOptions): void {
  // Echo the id so a caller or proxy can find the log lines of its request.
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("X-Request-Id", request.id);
    done();
  });
  registerMetrics(app, options);
}
