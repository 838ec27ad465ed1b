import { z } from "zod";
import { factorIdSchema } from "../content/schema.ts";
import { ENTRY_TYPES } from "./schema.ts";

export const SEARCH_LIMITS = { query: 2000, pageSize: 20, maxPage: 1000 } as const;

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
