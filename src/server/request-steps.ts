import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Work every request does before it is routed on; a step may refuse the request by returning an error. */
export type RequestStep = (request: FastifyRequest, reply: FastifyReply) => Error | undefined;

/**
 * The app's own per-request steps (request id echo, security headers, Origin check) as one `onRequest` hook, run in
 * order until one refuses. Fastify runs every hook through its own iterator and callback: one hook instead of three
 * is about 3 µs less CPU per request under load (decision 0054). Register on the root instance before any route.
 */
export function registerRequestSteps(app: FastifyInstance, steps: readonly RequestStep[]): void {
  // A callback hook, not an async one: no promise per request.
  app.addHook("onRequest", function requestSteps(request, reply, done) {
    for (const step of steps) {
      const refusal = step(request, reply);
      if (refusal) return done(refusal);
    }
    done();
  });
}
