import { z } from "zod";

/**
 * Building blocks of response schemas. One schema per shape, in the domain: the server serialises every JSON
 * response through its route's schema (fields not in it are dropped), the OpenAPI document shows it, and the web
 * derives its types from it with `Wire<typeof schema>`.
 *
 * Moments are `z.date()`: the server hands `Date`s, the wire carries ISO 8601 strings (the OpenAPI document says
 * `format: date-time`), and `Wire` turns them into `string` for the web.
 */

/** A value as it arrives after JSON: dates become strings, everything else keeps its shape. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Jsonified<Item>[]
    : T extends object
      ? { [Key in keyof T]: Jsonified<T[Key]> }
      : T;

/** What a response looks like on the wire (and so in the web). */
export type Wire<Schema extends z.ZodType> = Jsonified<z.output<Schema>>;

/**
 * The body of every refusal (4xx/5xx): a Dutch message and, when one field is to blame, its path (`null` otherwise:
 * errors.ts always sends the key). Nullish, since a route that declares it serialises its errors through it.
 */
export const errorResponse = z.object({ error: z.string(), field: z.string().nullish() }).describe("Fout");

/** `{ ok: true }`, for actions with nothing else to say. */
export const okResponse = z.object({ ok: z.literal(true) });

/**
 * A response without a body (204 No Content, 304 Not Modified): OpenAPI shows the status with its description only
 * (@fastify/swagger leaves out the content of a `type: "null"` schema; OpenAPI 3.0 would otherwise write zod's null as
 * a nullable string). Routes send it with `sendEmpty(reply, 204)` from src/server/replies.ts.
 */
export function emptyResponse(description: string) {
  return z.null().meta({ type: "null", description });
}

/**
 * A file response (PDF, CSV, XLSX): declared by content type; the body is the file's bytes, which Fastify sends as
 * they are (the schema is `unknown` so a route may send a Buffer; OpenAPI shows a binary string).
 */
export function fileResponse(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: z.unknown().meta({ type: "string", format: "binary", description }) } } };
}
