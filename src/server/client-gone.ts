import type { FastifyReply } from "fastify";

/**
 * Aborts when the client closes the connection before the response is complete (a download given up on). Take it at
 * the start of the handler, so a client that leaves during the database work is seen too.
 */
export function abortOnClose(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  if (reply.raw.destroyed) controller.abort();
  else
    reply.raw.once("close", () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
  return controller.signal;
}
