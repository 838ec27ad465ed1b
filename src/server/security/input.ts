import type { FastifyInstance } from "fastify";
import { HttpError } from "../errors.ts";

// PostgreSQL cannot store U+0000 in text or jsonb (it answers with an error, which was a 500), and a lone UTF-16
// surrogate is not Unicode at all (the driver would silently turn it into U+FFFD). Both are refused here, once for
// every route, before the schemas run: path parameters, the query string and the JSON body, values and keys alike.
// Very deep JSON is refused too: walking or re-serialising it (better-auth does) could overflow the stack.

/** How deep a JSON body or query may nest; no form of this app goes beyond a handful of levels. */
export const MAX_INPUT_DEPTH = 32;

export type InputProblem = { field: string; error: string };

type Source = "params" | "query" | "body";
const SOURCES: readonly Source[] = ["params", "query", "body"];

const NUL = "\u0000";
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (UTF-16 code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with one string, or null when PostgreSQL can store it as it is. */
function textProblem(text: string): string | null {
  if (text.includes(NUL)) return "mag geen NUL-teken (\\u0000) bevatten";
  if (LONE_SURROGATE.test(text)) return "bevat een ongeldig teken (geen geldige Unicode)";
  return null;
}

/** A key as it may appear in a field name: its bad characters replaced, at most 100 characters. */
function printableKey(key: string): string {
  return key.replaceAll(NUL, "\uFFFD").replace(new RegExp(LONE_SURROGATE, "g"), "\uFFFD").slice(0, 100);
}

/** The field name the API uses elsewhere (errors.ts): body fields as a dotted path, params and query by their name. */
function fieldOf(source: Source, path: readonly string[]): string {
  if (source === "params" && path[0] === "*") return "url";
  if (path.length === 0) return source;
  return path.join(".");
}

/**
 * Whether `value` holds anything `findInputProblem` reports, without building a path for every value: nearly every
 * request holds nothing, and this runs for each. Recursion stops at MAX_INPUT_DEPTH, so the stack stays shallow.
 */
function mayHoldProblem(value: unknown, depth: number): boolean {
  if (typeof value === "string") return textProblem(value) !== null;
  if (value === null || typeof value !== "object") return false;
  if (depth >= MAX_INPUT_DEPTH) return true;
  if (Array.isArray(value)) return value.some((item) => mayHoldProblem(item, depth + 1));
  for (const key in value) {
    if (textProblem(key) !== null || mayHoldProblem((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/**
 * The first string or object key in `value` that cannot be stored, or nesting deeper than MAX_INPUT_DEPTH; null when
 * everything is fine. The walk that names the field runs without recursion, and only when there is something to name.
 */
export function findInputProblem(source: Source, value: unknown): InputProblem | null {
  if (!mayHoldProblem(value, 0)) return null;
  // `key`: the object key that led here, checked when its entry is reached (array indexes need no check).
  const stack: { value: unknown; path: string[]; key?: string }[] = [{ value, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: current, path, key } = next;
    const keyProblem = key === undefined ? null : textProblem(key);
    if (keyProblem) {
      const field = fieldOf(source, [...path.slice(0, -1), printableKey(key ?? "")]);
      return { field, error: `Ongeldige naam "${field}": ${keyProblem}.` };
    }
    if (typeof current === "string") {
      const problem = textProblem(current);
      if (problem) {
        const field = fieldOf(source, path);
        return { field, error: `Ongeldige waarde voor "${field}": ${problem}.` };
      }
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      const field = fieldOf(source, path);
      return { field, error: `Ongeldige waarde voor "${field}": de gegevens zijn te diep genest.` };
    }
    const isArray = Array.isArray(current);
    const entries: [string, unknown][] = isArray ? current.map((item, index) => [String(index), item]) : Object.entries(current);
    // Pushed in reverse, so the first problem in document order is the one reported.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [name, item] = entries[i] as [string, unknown];
      stack.push({ value: item, path: [...path, name], key: isArray ? undefined : name });
    }
  }
  return null;
}

/** Refuses, with 400 `{ error, field }` in Dutch, every request whose params, query or body hold unstorable text. */
export function registerInputGuard(app: FastifyInstance): void {
  // A callback hook, not an async one: no promise per request.
  app.addHook("preValidation", function inputGuard(request, _reply, done) {
    for (const source of SOURCES) {
      const problem = findInputProblem(source, request[source]);
      if (problem) return done(new HttpError(400, problem.error, problem.field));
    }
    done();
  });
}
