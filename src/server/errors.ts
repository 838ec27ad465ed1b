import type { FastifyError, FastifyInstance } from "fastify";
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
};

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
