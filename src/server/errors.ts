import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

/** An error with a Dutch message meant for the user, and the field it concerns. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, `${what} niet gevonden.`);

/** Turns "/answers/1.1" into "answers.1.1"; params and query keep their name as prefix. */
function fieldName(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, "").split("/").filter(Boolean).join(".");
  if (context === "body" || !context) return path || "body";
  return path ? path : context;
}

const FASTIFY_MESSAGES: Record<string, { status: number; error: string; field: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    error: "Stuur de gegevens als JSON (Content-Type: application/json).",
    field: "Content-Type",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, error: "De lengte van het verzoek klopt niet.", field: "Content-Length" },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: "Het verzoek is te groot.", field: "body" },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: "Het verzoek bevat geen gegevens.", field: "body" },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: "Het verzoek bevat geen geldige JSON.", field: "body" },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, error: "Het Content-Type van het verzoek is ongeldig.", field: "Content-Type" },
  FST_ERR_CTP_EMPTY_TYPE: { status: 400, error: "Het Content-Type van het verzoek is leeg.", field: "Content-Type" },
  // Router errors, before any route is chosen (see frameworkErrors below).
  FST_ERR_BAD_URL: { status: 400, error: "Het adres (URL) van het verzoek is ongeldig.", field: "url" },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, error: "Het adres (URL) van het verzoek is te lang.", field: "url" },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, error: "Het verzoek is ongeldig.", field: "url" },
};

/**
 * Fastify's `frameworkErrors` option: errors of the router (malformed percent-encoding in the path, a path parameter
 * longer than maxParamLength) get the same Dutch JSON shape as every other error, instead of Fastify's English one.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const known = FASTIFY_MESSAGES[error.code] ?? { status: 400, error: "Het verzoek is ongeldig.", field: null };
  reply.status(known.status).send({ error: known.error, field: known.field });
}

/** What Node's HTTP parser refused (before Fastify sees a request), as status and Dutch message. */
function clientErrorResponse(code: string | undefined): { status: number; error: string; field: string | null } {
  if (code === "HPE_HEADER_OVERFLOW")
    return { status: 431, error: "De adresregel of de headers van het verzoek zijn te lang.", field: "headers" };
  if (code === "ERR_HTTP_REQUEST_TIMEOUT" || code === "ERR_HTTP_HEADERS_TIMEOUT")
    return { status: 408, error: "Het verzoek duurde te lang.", field: null };
  if (code === "HPE_INVALID_HEADER_TOKEN" || code === "HPE_INVALID_CONSTANT" || code === "HPE_LF_EXPECTED")
    return { status: 400, error: "Het verzoek bevat een ongeldige header.", field: "headers" };
  return { status: 400, error: "Het verzoek is ongeldig: het is geen correct HTTP-verzoek.", field: null };
}

/**
 * Fastify's `clientErrorHandler` option: requests Node's HTTP parser refuses (headers or URL too large, malformed request
 * line or header, timeouts) are answered in Dutch JSON `{ error, field }` and the connection is closed. As Node itself
 * does, nothing is written when the socket is gone or a response was already started on it.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (socket.writable && !started) {
    const { status, error: message, field } = clientErrorResponse(error.code);
    const body = JSON.stringify({ error: message, field });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Node and PostgreSQL error codes that mean "the database cannot be reached right now", not "this request is wrong". */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "57P01", // admin_shutdown: the server is restarting
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or shutting down
  "53300", // too_many_connections
]);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /Client has encountered a connection error/i,
];

/** True when the error (or what it wraps: drizzle wraps driver errors) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/** The SQLSTATE of a database error, looked for through the causes drizzle wraps it in; undefined for other errors. */
function sqlState(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > 5) return undefined;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  return sqlState(cause, depth + 1);
}

/**
 * Database refusals that concurrent requests cause, not bugs of one request: a row written for something another
 * request deleted a moment before (foreign key, 23503; e.g. an action added while its team is deleted), or the same
 * unique row written twice at once (23505). Answered 409 so the client reloads, instead of 500.
 */
const CONFLICT_STATES = new Set(["23503", "23505"]);

/** Every error leaves the API as JSON `{ error, field }` in Dutch; unexpected errors are logged and hidden. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send({ error: error.message, field: error.field ?? null });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = fieldName(error.validationContext, first?.instancePath ?? "");
      return reply.status(400).send({ error: `Ongeldige waarde voor "${field}": ${first?.message ?? "onbekende fout"}`, field });
    }
    const known = error.code ? FASTIFY_MESSAGES[error.code] : undefined;
    if (known) return reply.status(known.status).send({ error: known.error, field: known.field });
    if (error.code === "FST_ERR_RATE_LIMITED" || error.statusCode === 429) {
      return reply.status(429).send({ error: "Te veel verzoeken. Wacht even en probeer het dan opnieuw.", field: null });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: "Het verzoek is ongeldig.", field: null });
    }
    const state = sqlState(error);
    if (state && CONFLICT_STATES.has(state)) {
      request.log.warn({ code: state }, "database conflict with a concurrent change");
      return reply.status(409).send({
        error: "Dit is intussen door iemand anders gewijzigd of verwijderd. Laad de pagina opnieuw en probeer het nog eens.",
        field: null,
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ code: (error as { code?: string }).code }, "database unavailable");
      // Load balancers and clients may retry; the app reconnects by itself when the database is back.
      return reply
        .status(503)
        .header("Retry-After", "5")
        .send({ error: "De database is even niet bereikbaar. Probeer het over een paar seconden opnieuw.", field: null });
    }
    request.log.error(error);
    return reply.status(500).send({ error: "Er ging iets mis aan onze kant. Probeer het later opnieuw.", field: null });
  });
}
