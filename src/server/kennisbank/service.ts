import { and, arrayContains, asc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db } from "../../db/client.ts";
import { kennisbankEntries as kb, kennisbankVersion, kennisbankWords } from "../../db/schema.ts";
import { organisationNames, placesOf, type RegionIndex } from "../../domain/kennisbank/regions.ts";
import type { entriesByFactorResponse, searchPageResponse, searchResultResponse } from "../../domain/kennisbank/responses.ts";
import { type Entry, EVIDENCE_LEVELS, NOT_ASSESSED } from "../../domain/kennisbank/schema.ts";
import {
  type FuzzyQuery,
  fuzzyGroups,
  fuzzyQuery,
  plainText,
  SEARCH_LIMITS,
  type SearchParams,
  searchWords,
  snippetHtml,
  vocabulary,
} from "../../domain/kennisbank/search.ts";
import { type Moderation, type Submission, slugify } from "../../domain/kennisbank/submission.ts";
import { newSecretId } from "../ids.ts";
import { regionsOf } from "./regions.ts";

type EntryFields = Omit<Entry, "slug" | "source" | "evidence"> & { source?: Entry["source"] | null; evidence?: Entry["evidence"] };

/** The weighted Dutch search document of an entry: title A, summary/organisation/region B, the rest C. */
function searchDocument(e: EntryFields): SQL {
  const b = [e.summary, e.organisation ?? "", e.region ?? ""].join(" ");
  const c = [plainText(e.body), e.category ?? "", ...e.targetGroups, ...e.keyElements, ...e.results].join(" ");
  return sql`setweight(to_tsvector('dutch', ${e.title}), 'A') || setweight(to_tsvector('dutch', ${b}), 'B') || setweight(to_tsvector('dutch', ${c}), 'C')`;
}

/** The places an entry's free-text region names and the organisations its organisation text names. */
function facetColumns(e: { region?: string | null; organisation?: string | null }, regions: RegionIndex) {
  const places = placesOf(e.region, regions);
  return {
    municipalities: places.municipalities,
    labourRegions: places.labourRegions,
    provinces: places.provinces,
    national: places.national,
    organisations: organisationNames(e.organisation),
  };
}

function columns(e: EntryFields, regions: RegionIndex) {
  return {
    type: e.type,
    title: e.title,
    summary: e.summary,
    body: e.body,
    organisation: e.organisation ?? null,
    region: e.region ?? null,
    category: e.category ?? null,
    targetGroups: e.targetGroups,
    themes: e.themes,
    factors: e.factors,
    keyElements: e.keyElements,
    results: e.results,
    source: e.source ?? null,
    link: e.link || null,
    contact: e.contact || null,
    financing: e.financing || null,
    period: e.period || null,
    targetGroupSize: e.targetGroupSize || null,
    evidenceLevel: e.evidence ?? NOT_ASSESSED,
    ...facetColumns(e, regions),
    search: searchDocument(e),
  };
}

/** Loads the content entries idempotently at start-up; content entries no longer in the files are removed. */
export async function syncContentEntries(db: Db, entries: Entry[], regions: RegionIndex = regionsOf()): Promise<void> {
  await db.transaction(async (tx) => {
    const slugs = entries.map((e) => e.slug);
    await tx.delete(kb).where(and(eq(kb.origin, "content"), slugs.length ? sql`${kb.slug} <> ALL(${toTextArray(slugs)})` : sql`true`));
    if (entries.length > 0) {
      const rows = entries.map((entry) => ({
        slug: entry.slug,
        origin: "content" as const,
        status: "published" as const,
        ...columns(entry, regions),
      }));
      const updated = Object.keys(columns(entries[0] as Entry, regions)) as (keyof ReturnType<typeof columns>)[];
      await tx
        .insert(kb)
        .values(rows)
        .onConflictDoUpdate({
          target: kb.slug,
          set: Object.fromEntries(updated.map((key) => [key, sql.raw(`excluded.${kb[key].name}`)])),
        });
    }
    // Submissions' places and organisations again too: the regions list or the mapping may have changed.
    const submissions = await tx
      .select({ slug: kb.slug, region: kb.region, organisation: kb.organisation })
      .from(kb)
      .where(eq(kb.origin, "submission"));
    for (const { slug, ...fields } of submissions) await tx.update(kb).set(facetColumns(fields, regions)).where(eq(kb.slug, slug));
    await rebuildVocabulary(tx, entries);
    await bumpSearchVersion(tx);
  });
  changesInProcess++;
}

/**
 * Changes to what search finds that this process made (search-cache.ts): on the embedded database, which one process
 * owns, that is every change, so its search cache needs no read of the database's counter.
 */
let changesInProcess = 0;
export const searchChangesInProcess = () => changesInProcess;

/** Tells every instance's search cache that what search finds may have changed (see search-cache.ts). */
async function bumpSearchVersion(tx: Pick<Db, "insert">): Promise<void> {
  await tx
    .insert(kennisbankVersion)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({ target: kennisbankVersion.id, set: { version: sql`${kennisbankVersion.version} + 1` } });
}

/** The fields whose words search knows (those of `searchDocument`). */
type TextFields = Pick<EntryFields, "title" | "summary" | "body" | "targetGroups" | "keyElements" | "results"> & {
  organisation?: string | null;
  region?: string | null;
  category?: string | null;
};
const textColumns = {
  title: kb.title,
  summary: kb.summary,
  body: kb.body,
  organisation: kb.organisation,
  region: kb.region,
  category: kb.category,
  targetGroups: kb.targetGroups,
  keyElements: kb.keyElements,
  results: kb.results,
};

function entryVocabulary(e: TextFields): string[] {
  const fields = [
    e.title,
    e.summary,
    plainText(e.body),
    e.organisation,
    e.region,
    e.category,
    ...e.targetGroups,
    ...e.keyElements,
    ...e.results,
  ];
  return vocabulary(fields.filter(Boolean).join(" "));
}

type Executor = Pick<Db, "execute" | "select">;

/**
 * Makes `kennisbank_words` exactly the vocabulary of what is published: the content entries given and the approved
 * submissions. The table is locked against concurrent approvals (which wait, then add their words) for the
 * transaction, so none of their words is lost between reading the submissions and deleting what is gone.
 */
async function rebuildVocabulary(tx: Executor, entries: Entry[]): Promise<void> {
  await tx.execute(sql`LOCK TABLE ${kennisbankWords} IN SHARE ROW EXCLUSIVE MODE`);
  const approved = await tx
    .select(textColumns)
    .from(kb)
    .where(and(eq(kb.origin, "submission"), eq(kb.status, "published")));
  const words = new Set<string>();
  for (const entry of [...entries, ...approved]) for (const word of entryVocabulary(entry)) words.add(word);
  await tx.execute(sql`
    WITH words AS (SELECT jsonb_array_elements_text(${JSON.stringify([...words])}::jsonb) AS word),
    gone AS (DELETE FROM ${kennisbankWords} k WHERE NOT EXISTS (SELECT 1 FROM words WHERE words.word = k.word))
    INSERT INTO ${kennisbankWords} (word) SELECT word FROM words ON CONFLICT DO NOTHING`);
  // Statistics, so the planner uses the trigram index: PGlite runs no autovacuum, PostgreSQL only some time later.
  await tx.execute(sql`ANALYZE ${kennisbankWords}`);
}

async function addVocabulary(tx: Executor, words: string[]): Promise<void> {
  if (words.length === 0) return;
  await tx.execute(
    sql`INSERT INTO ${kennisbankWords} (word) SELECT jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) ON CONFLICT DO NOTHING`,
  );
}

const toTextArray = (values: string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

export type SearchResult = z.output<typeof searchResultResponse>;

/** Private-use marks around matches (see snippetHtml); ts_headline over at most this much text per result shown. */
const HEADLINE_OPTIONS = 'StartSel=\uE000, StopSel=\uE001, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';
const HEADLINE_TEXT = 2000;

/**
 * Dutch full-text search with forgiving matching (decision 0002): an entry matches the strict query (websearch
 * syntax, stemmed) or the forgiving one (`fuzzyQuery`: every word or one of its vocabulary neighbours). Strict
 * matches come first, then title matches, then `ts_rank`. The title vector is stored, the query's tsqueries are
 * computed once (a materialized CTE), and `ts_headline` runs only over the page shown and a bounded text.
 */
export type SearchPage = z.output<typeof searchPageResponse>;

export async function searchEntries(db: Db, params: SearchParams): Promise<SearchPage> {
  const q = searchWords(params.q ?? "");
  const filters: SQL[] = [eq(kb.status, "published")];
  if (params.type) filters.push(eq(kb.type, params.type));
  if (params.theme) filters.push(arrayContains(kb.themes, [params.theme]));
  if (params.factor) filters.push(arrayContains(kb.factors, [params.factor]));
  if (params.region) filters.push(eq(kb.region, params.region));
  if (params.municipality) filters.push(arrayContains(kb.municipalities, [params.municipality]));
  if (params.labourRegion) filters.push(arrayContains(kb.labourRegions, [params.labourRegion]));
  if (params.province) filters.push(arrayContains(kb.provinces, [params.province]));
  if (params.national) filters.push(eq(kb.national, true));
  if (params.organisation) filters.push(arrayContains(kb.organisations, [params.organisation]));
  if (params.evidence) filters.push(eq(kb.evidenceLevel, params.evidence));
  if (params.targetGroup) filters.push(arrayContains(kb.targetGroups, [params.targetGroup]));
  const offset = (params.page - 1) * SEARCH_LIMITS.pageSize;

  if (!q) {
    const rows = await db
      .select({ ...listColumns, snippet: kb.summary, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(kb)
      .where(and(...filters))
      .orderBy(asc(kb.title))
      .limit(SEARCH_LIMITS.pageSize)
      .offset(offset);
    const total = rows[0]?.total ?? (params.page > 1 ? await countEntries(db, filters) : 0);
    return { total, results: rows.map(({ total: _total, snippet, ...row }) => ({ ...row, snippet: snippetHtml(plainText(snippet)) })) };
  }

  const forgiving = await forgivingQuery(db, fuzzyQuery(q));
  // websearch_to_tsquery accepts any text (quotes, operators, odd characters) without raising an error; the
  // forgiving query is built from plainto_tsquery of words of letters and digits only.
  const result = await db.execute(sql`
    WITH query AS MATERIALIZED (
      SELECT websearch_to_tsquery('dutch', ${q}) AS strict, ${forgiving ?? sql`''::tsquery`} AS forgiving
    ),
    page AS (
      SELECT ${kb.slug} AS slug, ${kb.type} AS type, ${kb.title} AS title, ${kb.summary} AS summary, ${kb.body} AS body,
        ${kb.themes} AS themes, ${kb.factors} AS factors, ${kb.region} AS region, ${kb.organisation} AS organisation,
        ${kb.evidenceLevel} AS "evidenceLevel",
        ${kb.search} @@ query.strict AS strict_hit,
        ${kb.titleSearch} @@ query.strict AS strict_title,
        ${kb.titleSearch} @@ query.forgiving AS forgiving_title,
        ts_rank(${kb.search}, query.forgiving) AS rank,
        count(*) OVER ()::int AS total
      FROM ${kb}, query
      WHERE ${and(...filters)} AND (${kb.search} @@ query.strict OR ${kb.search} @@ query.forgiving)
      ORDER BY strict_hit DESC, strict_title DESC, forgiving_title DESC, rank DESC, title ASC
      LIMIT ${SEARCH_LIMITS.pageSize} OFFSET ${offset}
    )
    SELECT page.slug, page.type, page.title, page.summary, page.themes, page.factors, page.region, page.organisation,
      page."evidenceLevel", page.total,
      ts_headline('dutch', left(page.summary || ' ' || page.body, ${HEADLINE_TEXT}), query.strict || query.forgiving, ${HEADLINE_OPTIONS}) AS marked
    FROM page, query
    ORDER BY page.strict_hit DESC, page.strict_title DESC, page.forgiving_title DESC, page.rank DESC, page.title ASC`);
  const rows = (result as unknown as { rows: (SearchRow & { total: number; marked: string })[] }).rows;
  const total = rows[0]?.total ?? (params.page > 1 ? await countMatches(db, filters, q, forgiving) : 0);
  return { total, results: rows.map(({ marked, total: _total, ...row }) => ({ ...row, snippet: snippetHtml(plainText(marked)) })) };
}

const listColumns = {
  slug: kb.slug,
  type: kb.type,
  title: kb.title,
  summary: kb.summary,
  themes: kb.themes,
  factors: kb.factors,
  region: kb.region,
  organisation: kb.organisation,
  evidenceLevel: kb.evidenceLevel,
};
type SearchRow = Omit<SearchResult, "snippet">;

/**
 * The forgiving tsquery of `query` as SQL: per term the OR of its words (`fuzzyGroups`), AND over the terms, AND NOT
 * the excluded words; undefined when nothing is left to ask for. One statement fetches, per term and compound, its
 * vocabulary neighbours, most similar first: words it begins (3+ characters: jobcoach → jobcoaches), words it is part
 * of (5+ characters: teaching → gentleteaching) and words of about its length that differ by a typo (4+ characters,
 * pg_trgm similarity ≥ 0.45 and at most 2 characters longer or shorter: begeleidnig → begeleiding). The trigram
 * index serves all three. (Word similarity — "contains nearly" — was tried and dropped: a typo and a shorter word
 * inside the term, jobcoahces → coaches, score the same.)
 */
async function forgivingQuery(db: Db, query: FuzzyQuery): Promise<SQL | undefined> {
  const lookups = [...query.terms, ...query.compounds.map((c) => c.word)];
  if (lookups.length === 0) return undefined;
  const result = await db.execute(sql`
    SELECT t.term, numnode(plainto_tsquery('dutch', t.term)) = 0 AS stop,
      ARRAY(
        SELECT w.word FROM ${kennisbankWords} w
        WHERE numnode(plainto_tsquery('dutch', t.term)) > 0
          AND (
            (length(t.term) >= 3 AND w.word LIKE t.term || '%')
            OR (length(t.term) >= 5 AND w.word LIKE '%' || t.term || '%')
            OR (length(t.term) >= 4 AND t.term % w.word AND similarity(t.term, w.word) >= 0.45
              AND abs(length(w.word) - length(t.term)) <= 2)
          )
        ORDER BY similarity(t.term, w.word) DESC, w.word
        LIMIT ${SEARCH_LIMITS.expansions}
      ) AS words
    FROM jsonb_array_elements_text(${JSON.stringify(lookups)}::jsonb) AS t(term)`);
  const rows = (result as unknown as { rows: { term: string; stop: boolean; words: string[] }[] }).rows;
  const expansions = new Map(rows.map((r) => [r.term, r.words]));
  const stopWords = new Set(rows.filter((r) => r.stop).map((r) => r.term));
  const lexeme = (word: string) => sql`plainto_tsquery('dutch', ${word})`;
  const parts = [
    ...fuzzyGroups(query, expansions, stopWords)
      .filter((group) => group.length > 0)
      .map((group) => sql`(${sql.join(group.map(lexeme), sql` || `)})`),
    ...query.excluded.map((word) => sql`!!${lexeme(word)}`),
  ];
  return parts.length > 0 ? sql.join(parts, sql` && `) : undefined;
}

async function countMatches(db: Db, filters: SQL[], q: string, forgiving: SQL | undefined): Promise<number> {
  const strict = sql`websearch_to_tsquery('dutch', ${q})`;
  return countEntries(db, [...filters, sql`(${kb.search} @@ ${strict} OR ${kb.search} @@ (${forgiving ?? sql`''::tsquery`}))`]);
}

async function countEntries(db: Db, filters: SQL[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(kb)
    .where(and(...filters));
  return row?.n ?? 0;
}

/** The values the filters can take, from what is published (each list in Dutch alphabetical order). */
export async function searchFacets(db: Db) {
  const published = eq(kb.status, "published");
  const distinct = (column: AnyPgColumn) =>
    sql<string[]>`coalesce((SELECT array_agg(DISTINCT v) FROM ${kb}, unnest(${column}) v WHERE ${kb.status} = 'published'), '{}')`;
  const [row] = await db
    .select({
      regions: sql<string[]>`coalesce(array_agg(DISTINCT ${kb.region}) FILTER (WHERE ${kb.region} IS NOT NULL), '{}')`,
      targetGroups: distinct(kb.targetGroups),
      municipalities: distinct(kb.municipalities),
      labourRegions: distinct(kb.labourRegions),
      provinces: distinct(kb.provinces),
      organisations: distinct(kb.organisations),
      evidenceLevels: sql<string[]>`coalesce(array_agg(DISTINCT ${kb.evidenceLevel}), '{}')`,
      national: sql<boolean>`coalesce(bool_or(${kb.national}), false)`,
    })
    .from(kb)
    .where(published);
  const sorted = (values: string[] | undefined) => [...(values ?? [])].sort((a, b) => a.localeCompare(b, "nl"));
  const levels = new Set(row?.evidenceLevels ?? []);
  return {
    regions: sorted(row?.regions),
    targetGroups: sorted(row?.targetGroups),
    municipalities: sorted(row?.municipalities),
    labourRegions: sorted(row?.labourRegions),
    provinces: sorted(row?.provinces),
    national: row?.national ?? false,
    organisations: sorted(row?.organisations),
    evidenceLevels: EVIDENCE_LEVELS.filter((level) => levels.has(level)),
  };
}

/**
 * A stored entry, search vectors and status token included: the routes answer with it through
 * `kennisbankEntryResponse`, which names the public fields only.
 */
export type EntryRecord = typeof kb.$inferSelect;

export async function findPublishedEntry(db: Db, slug: string): Promise<EntryRecord | undefined> {
  const [row] = await db
    .select()
    .from(kb)
    .where(and(eq(kb.slug, slug), eq(kb.status, "published")));
  return row;
}

/** Published entries that share a factor with the given one, most shared factors first. */
export async function relatedEntries(db: Db, entry: Pick<EntryRecord, "slug" | "factors">, limit = 4) {
  if (entry.factors.length === 0) return [];
  const shared = sql<number>`cardinality(ARRAY(SELECT unnest(${kb.factors}) INTERSECT SELECT unnest(${toTextArray(entry.factors)})))`;
  return db
    .select({ slug: kb.slug, type: kb.type, title: kb.title, summary: kb.summary, factors: kb.factors })
    .from(kb)
    .where(and(eq(kb.status, "published"), sql`${kb.slug} <> ${entry.slug}`, sql`${kb.factors} && ${toTextArray(entry.factors)}`))
    .orderBy(sql`${shared} DESC`, asc(kb.title))
    .limit(limit);
}

/** Published entries per factor id, for "Zo doen anderen het" next to scores and tips. */
export async function entriesByFactor(db: Db): Promise<z.output<typeof entriesByFactorResponse>> {
  const rows = await db
    .select({ slug: kb.slug, type: kb.type, title: kb.title, factors: kb.factors })
    .from(kb)
    .where(eq(kb.status, "published"))
    .orderBy(asc(kb.title));
  const byFactor: z.output<typeof entriesByFactorResponse> = {};
  for (const { factors, ...entry } of rows) {
    for (const f of factors) {
      byFactor[f] ??= [];
      byFactor[f].push(entry);
    }
  }
  return byFactor;
}

/** Stores a submission as pending before anything is confirmed; returns its slug and the submitter's status token. */
export async function submitProject(
  db: Db,
  submission: Submission,
  regions: RegionIndex = regionsOf(),
): Promise<{ slug: string; token: string }> {
  const slug = `${slugify(submission.title)}-${newSecretId()
    .slice(0, 6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")}`;
  const token = newSecretId();
  await db.insert(kb).values({
    slug,
    origin: "submission",
    status: "pending",
    submissionToken: token,
    ...columns({ ...submission, source: null }, regions),
  });
  return { slug, token };
}

export async function findSubmissionByToken(db: Db, token: string) {
  const [row] = await db
    .select({ slug: kb.slug, title: kb.title, status: kb.status, rejectionReason: kb.rejectionReason, createdAt: kb.createdAt })
    .from(kb)
    .where(and(eq(kb.origin, "submission"), eq(kb.submissionToken, token)));
  return row;
}

export async function listSubmissions(db: Db, status: EntryRecord["status"]): Promise<EntryRecord[]> {
  return db
    .select()
    .from(kb)
    .where(and(eq(kb.origin, "submission"), eq(kb.status, status)))
    .orderBy(asc(kb.createdAt));
}

/**
 * Approves or rejects a submission; false when there is no such submission. An approved entry's words join the
 * search vocabulary in the same transaction.
 */
export async function moderateSubmission(db: Db, slug: string, moderation: Moderation): Promise<boolean> {
  const found = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(kb)
      .set({
        status: moderation.decision === "approve" ? "published" : "rejected",
        rejectionReason: moderation.decision === "reject" ? moderation.reason : null,
        reviewedAt: sql`now()`,
      })
      .where(and(eq(kb.slug, slug), eq(kb.origin, "submission")))
      .returning(textColumns);
    if (!row) return false;
    if (moderation.decision === "approve") await addVocabulary(tx, entryVocabulary(row));
    await bumpSearchVersion(tx);
    return true;
  });
  if (found) changesInProcess++;
  return found;
}
