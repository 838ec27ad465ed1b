import { z } from "zod";
import { factorIdSchema } from "../content/schema.ts";
import { ENTRY_TYPES, EVIDENCE_LEVELS } from "./schema.ts";

export const SEARCH_LIMITS = {
  query: 2000,
  words: 16,
  /** Longer words are cut: the longest Dutch words in use stay well below it, and every character costs trigrams. */
  wordLength: 60,
  /** At most this many vocabulary words stand in for one query word (most similar first). */
  expansions: 12,
  pageSize: 20,
  maxPage: 1000,
} as const;

/**
 * The words actually searched for: each word once (case-insensitive), at most `SEARCH_LIMITS.words`, each cut to
 * `SEARCH_LIMITS.wordLength` characters. Every extra word makes ranking and snippets costlier per entry (a pasted
 * paragraph of 2,000 characters took PostgreSQL over 30 s) while no one finds more with a seventeenth word or a
 * repeated one.
 */
export function searchWords(q: string): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const whole of q.trim().split(/\s+/)) {
    const word = cut(whole, SEARCH_LIMITS.wordLength);
    const key = word.toLocaleLowerCase("nl");
    if (!word || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
    if (words.length === SEARCH_LIMITS.words) break;
  }
  return words.join(" ");
}

/** The first `length` characters (code points, so a surrogate pair is never split). */
const cut = (text: string, length: number) => (text.length <= length ? text : Array.from(text).slice(0, length).join(""));

/** Letters and digits of any script; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-case words of letters and digits, in order, repeats included. */
function tokens(text: string): string[] {
  return Array.from(text.normalize("NFC").toLocaleLowerCase("nl").matchAll(WORD), ([word]) => word);
}

/**
 * The vocabulary an entry adds to `kennisbank_words`: its distinct lower-case words of 3 to `SEARCH_LIMITS.wordLength`
 * letters or digits. Shorter words are never expanded (see `fuzzyQuery`), longer ones are no words.
 */
export function vocabulary(text: string): string[] {
  const words = new Set<string>();
  for (const word of tokens(text)) {
    const length = Array.from(word).length;
    if (length >= 3 && length <= SEARCH_LIMITS.wordLength) words.add(word);
  }
  return [...words];
}

/**
 * The forgiving reading of a query (what `searchWords` kept): every word must match, but each may match its
 * vocabulary neighbours too — words it begins (jobcoach → jobcoaches), words it is part of or close to with a typo
 * (pg_trgm) — and two neighbouring words may match as one (Gentle Teaching → gentleteaching).
 * - `terms`: the lower-case words (of letters and digits; "e-learning" is "e" and "learning"), each once;
 * - `compounds`: two neighbouring terms written together, with the indexes of the terms they stand in for;
 * - `excluded`: the words of `-word` (websearch syntax), which must not occur.
 * `or` (websearch syntax) is dropped: the strict query still honours it, the forgiving one requires both sides.
 */
export type FuzzyQuery = { terms: string[]; compounds: { word: string; parts: [number, number] }[]; excluded: string[] };

export function fuzzyQuery(words: string): FuzzyQuery {
  const terms: string[] = [];
  const compounds: FuzzyQuery["compounds"] = [];
  const excluded: string[] = [];
  let previous: number | undefined;
  for (const word of words.split(" ")) {
    if (word.toLocaleLowerCase("nl") === "or") continue;
    if (word.length > 1 && word.startsWith("-")) {
      excluded.push(...tokens(word));
      previous = undefined;
      continue;
    }
    for (const token of tokens(word)) {
      const term = cut(token, SEARCH_LIMITS.wordLength);
      let index = terms.indexOf(term);
      if (index === -1) {
        if (terms.length === SEARCH_LIMITS.words) break;
        index = terms.push(term) - 1;
      }
      const before = previous === undefined ? undefined : terms[previous];
      if (before !== undefined && previous !== index) {
        const joined = before + term;
        if (Array.from(joined).length <= SEARCH_LIMITS.wordLength && !compounds.some((c) => c.word === joined)) {
          compounds.push({ word: joined, parts: [previous as number, index] });
        }
      }
      previous = index;
    }
  }
  return { terms, compounds, excluded: [...new Set(excluded)] };
}

/**
 * Per term, the words any of which satisfies it: the term itself, its vocabulary neighbours (`expansions`, per term or
 * compound word, looked up in the database) and those of the compounds it is part of. A term that is a stop word
 * (`stopWords`, which the database knows) asks for nothing, as in the strict query: its group is empty.
 */
export function fuzzyGroups(
  query: FuzzyQuery,
  expansions: ReadonlyMap<string, readonly string[]>,
  stopWords: ReadonlySet<string> = new Set(),
): string[][] {
  return query.terms.map((term, index) => {
    if (stopWords.has(term)) return [];
    const words = new Set([term, ...(expansions.get(term) ?? [])]);
    for (const compound of query.compounds) {
      if (compound.parts.includes(index)) for (const word of expansions.get(compound.word) ?? []) words.add(word);
    }
    return [...words];
  });
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
  /** Normalised places (content/regions.yaml): an entry in a municipality is found under its region and province too. */
  municipality: z.string().max(200).optional(),
  labourRegion: z.string().max(200).optional(),
  province: z.string().max(200).optional(),
  /** "true": entries for the whole country ("landelijk"). */
  national: z
    .enum(["true"], { message: "moet true zijn of wegblijven" })
    .transform(() => true as const)
    .optional(),
  organisation: z.string().max(200).optional(),
  evidence: z.enum(EVIDENCE_LEVELS, { message: "moet een bewijsniveau uit de lijst zijn" }).optional(),
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
