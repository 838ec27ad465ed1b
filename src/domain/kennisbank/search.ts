import { z } from "zod";
import { factorIdSchema } from "../content/schema.ts";
import { ENTRY_TYPES } from "./schema.ts";

export const SEARCH_LIMITS = { query: 2000, words: 16, pageSize: 20, maxPage: 1000 } as const;

/**
 * The words actually searched for: each word once (case-insensitive), at most `SEARCH_LIMITS.words`. Every extra
 * word makes ranking and snippets costlier per entry (a pasted paragraph of 2,000 characters took PostgreSQL over
 * 30 s) while no one finds more with a seventeenth word or a repeated one.
 */
export function searchWords(q: string): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of q.trim().split(/\s+/)) {
    const key = word.toLocaleLowerCase("nl");
    if (!word || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
    if (words.length === SEARCH_LIMITS.words) break;
  }
  return words.join(" ");
}

/** Query string of GET /api/kennisbank; every filter is optional and they combine (AND). */
export const searchParamsSchema = z.object({
  q: z.string().max(SEARCH_LIMITS.query, `mag hoogstens ${SEARCH_LIMITS.query} tekens bevatten`).optional(),
  type: z.enum(ENTRY_TYPES, { message: "moet praktijkvoorbeeld, methode, instrument of programma zijn" }).optional(),
  theme: z
    .string()
    .regex(/^[1-7]$/, "moet een thema-nummer van 1 tot en met 7 zijn")
    .optional(),
  factor: factorIdSchema.optional(),
  region: z.string().max(200).optional(),
  targetGroup: z.string().max(200).optional(),
  page: z.coerce
    .number({ message: "moet een paginanummer zijn" })
    .int("moet een geheel getal zijn")
    .min(1, "moet minstens 1 zijn")
    .max(SEARCH_LIMITS.maxPage, `mag hoogstens ${SEARCH_LIMITS.maxPage} zijn`)
    .default(1),
});
export type SearchParams = z.output<typeof searchParamsSchema>;

/** Private-use characters mark matches in ts_headline output; they cannot occur in normal text. */
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Turns a marked snippet into safe HTML: everything escaped, matches wrapped in <mark>.
 * Entries include user submissions, so the snippet must never carry their markup.
 */
export function snippetHtml(marked: string): string {
  const escaped = marked.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
  return escaped
    .replaceAll(MATCH_START, "<mark>")
    .replaceAll(MATCH_END, "</mark>")
    .replace(/[\uE000\uE001]/g, "");
}

/** Plain text for the search document and snippets: our light Markdown without its markup. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
    .replace(/[*_`#>]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
