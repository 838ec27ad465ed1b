import type { FastifyInstance } from "fastify";
import type { RequestStep } from "../request-steps.ts";
import { type MetricsOptions, registerMetrics } from "./metrics.ts";

/**
 * Metrics. Call on the root instance before any route is registered (hooks added here apply to the routes and
 * not-found handler registered after them). The request log line itself comes from `RequestLogController`, the id
 * from `requestIdFrom` (both Fastify options), its echo from `echoRequestId`.
 */
export function registerObservability(app: FastifyInstance, options: MetricsOptions): void {
  registerMetrics(app, options);
}

/** Echoes the request id, so a caller or proxy can find the log lines of its request (a request step). */
export const echoRequestId: RequestStep = (request, reply) => {
  reply.header("x-request-id", request.id);
  return undefined;
};
