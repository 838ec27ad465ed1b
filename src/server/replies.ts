import type { FastifyReply } from "fastify";
import { type ZodType, z } from "zod";

/**
 * Replies the typed `reply.send` of a route with response schemas cannot express. Both still answer with what the
 * route's schema declares.
 */

/** Ends a response without a body: 204, or 304 (declared with `emptyResponse` from domain/wire.ts). */
export function sendEmpty(reply: FastifyReply, status: 204 | 304): FastifyReply {
  return reply.status(status).send();
}

/**
 * A response made beforehand, as JSON encoded through the route's response schema (as Fastify's serializer would);
 * `indent` for files people open.
 */
export function schemaJson<S extends ZodType>(schema: S, value: z.output<S>, indent?: number): string {
  return JSON.stringify(z.encode(schema, value), null, indent);
}

/**
 * Sends JSON made beforehand — encoded through the route's response schema when it was made (the tool, a cached
 * search page, the account download) — as it is: Fastify does not serialise a string sent with a JSON content type.
 */
export function sendJson(reply: FastifyReply, json: string): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(json);
}
