/**
 * Redaction for log lines: no e-mail addresses, tokens, ids or cookies may reach a log. Known keys are replaced
 * whole; every other string is scrubbed of e-mail addresses and long random ids (check ids, invite and reset tokens,
 * session tokens and user ids all look alike: 16+ URL-safe characters mixing letters and digits or both cases).
 */

export const REDACTED = "[redacted]";

/** Keys whose value is never logged, whatever it holds (compared in lower case, without "-" and "_"). */
const SECRET_KEYS = new Set([
  "email",
  "emails",
  "to",
  "addresses",
  "password",
  "newpassword",
  "currentpassword",
  "token",
  "statustoken",
  "invite",
  "authorization",
  "cookie",
  "setcookie",
  "secret",
  "params",
  "body",
]);

const isSecretKey = (key: string) => SECRET_KEYS.has(key.toLowerCase().replace(/[-_]/g, ""));

// Local part and domain stop at characters that cannot be in an address or that separate path segments; "%40" is
// an encoded "@" (an address in a URL).
const EMAIL = /[^\s@<>()[\]{},;:"'/\\=?&]+(?:@|%40)[^\s@<>()[\]{},;:"'/\\=?&]+\.[A-Za-z]{2,}/gi;
const ID_RUN = /[A-Za-z0-9_-]{16,}/g;

/**
 * A random id mixes at least two of lower case, upper case and digits; words, constants (FST_ERR_…) and paths do
 * not. A 24-character random id falls outside this with a chance of about 1 in 10⁸.
 */
function looksRandom(run: string): boolean {
  const classes = Number(/[a-z]/.test(run)) + Number(/[A-Z]/.test(run)) + Number(/[0-9]/.test(run));
  return classes >= 2;
}

/** The text with e-mail addresses and long random ids replaced by "[redacted]". */
export function scrubText(text: string): string {
  return text.replace(EMAIL, REDACTED).replace(ID_RUN, (run) => (looksRandom(run) ? REDACTED : run));
}

const MAX_DEPTH = 6;

/** A plain object or array (not a request, reply, stream or other instance: serializers handle those). */
function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A log value with secrets removed: strings scrubbed, secret keys replaced, errors serialized; a copy. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Error) return serializeError(value, depth);
  if (!isPlain(value)) return value;
  if (depth >= MAX_DEPTH) return "[…]";
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = isSecretKey(key) ? REDACTED : scrubValue(item, depth + 1);
  return out;
}

export type SerializedError = { type: string; message: string; stack?: string; [key: string]: unknown };

/** drizzle puts the query's parameters (user input) in its error message: "Failed query: …\nparams: …". */
const stripParams = (message: string) => message.replace(/\nparams: [\s\S]*$/, `\nparams: ${REDACTED}`);

/**
 * An error as a plain object for the log: type, scrubbed message, stack (the frames hold code locations only; the
 * message at its top is replaced by the scrubbed one), code/statusCode, other own fields scrubbed, the cause likewise.
 * Plain objects (already serialized) pass through unchanged.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const type = error.constructor?.name && error.constructor.name !== "Object" ? error.constructor.name : error.name;
  const message = scrubText(stripParams(String(error.message ?? "")));
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  const out: SerializedError = { type, message, stack: [`${type}: ${message}`, ...frames].join("\n") };
  for (const [key, value] of Object.entries(error)) {
    if (key === "message" || key === "stack" || key === "cause") continue;
    out[key] = isSecretKey(key) ? REDACTED : scrubValue(value, depth + 1);
  }
  if (error.cause !== undefined && depth < MAX_DEPTH) out.cause = scrubValue(error.cause, depth + 1);
  return out;
}
