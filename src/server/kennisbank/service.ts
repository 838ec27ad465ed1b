import { and, arrayContains, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { kennisbankEntries as kb } from "../../db/schema.ts";
import type { Entry } from "../../domain/kennisbank/schema.ts";
import { plainText, SEARCH_LIMITS, type SearchParams, searchWords, snippetHtml } from "../../domain/kennisbank/search.ts";
import { type Moderation, type Submission, slugify } from "../../domain/kennisbank/submission.ts";
import { newSecretId } from "../checks/service.ts";

type EntryFields = Omit<Entry, "slug" | "source"> & { source?: Entry["source"] | null };

/** The weighted Dutch search document of an entry: title A, summary/organisation/region B, the rest C. */
function searchDocument(e: EntryFields): SQL {
  const b = [e.summary, e.organisation ?? "", e.region ?? ""].join(" ");
  const c = [plainText(e.body), e.category ?? "", ...e.targetGroups, ...e.keyElements, ...e.results].join(" ");
  return sql`setweight(to_tsvector('dutch', ${e.title}), 'A') || setweight(to_tsvector('dutch', ${b}), 'B') || setweight(to_tsvector('dutch', ${c}), 'C')`;
}

function columns(e: EntryFields) {
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
    search: searchDocument(e),
  };
}

/** Loads the content entries idempotently at start-up; content entries no longer in the files are removed. */
export async function syncContentEntries(db: Db, entries: Entry[]): Promise<void> {
  await db.transaction(async (tx) => {
    const slugs = entries.map((e) => e.slug);
    await tx.delete(kb).where(and(eq(kb.origin, "content"), slugs.length ? sql`${kb.slug} <> ALL(${toTextArray(slugs)})` : sql`true`));
    if (entries.length === 0) return;
    const rows = entries.map((entry) => ({
      slug: entry.slug,
      origin: "content" as const,
      status: "published" as const,
      ...columns(entry),
    }));
    const updated = Object.keys(columns(entries[0] as Entry)) as (keyof ReturnType<typeof columns>)[];
    await tx
      .insert(kb)
      .values(rows)
      .onConflictDoUpdate({
        target: kb.slug,
        set: Object.fromEntries(updated.map((key) => [key, sql.raw(`excluded.${kb[key].name}`)])),
      });
  });
}

const toTextArray = (values: string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

export type SearchResult = {
  slug: string;
  type: string;
  title: string;
  summary: string;
  themes: string[];
  factors: string[];
  region: string | null;
  organisation: string | null;
  /** Safe HTML: escaped text with the matched words in <mark>. */
  snippet: string;
};

export async function searchEntries(db: Db, params: SearchParams): Promise<{ total: number; results: SearchResult[] }> {
  const q = searchWords(params.q ?? "");
  // websearch_to_tsquery accepts any text (quotes, operators, odd characters) without raising an error.
  const query = sql`websearch_to_tsquery('dutch', ${q})`;
  const filters: SQL[] = [eq(kb.status, "published")];
  if (q) filters.push(sql`${kb.search} @@ ${query}`);
  if (params.type) filters.push(eq(kb.type, params.type));
  if (params.theme) filters.push(arrayContains(kb.themes, [params.theme]));
  if (params.factor) filters.push(arrayContains(kb.factors, [params.factor]));
  if (params.region) filters.push(eq(kb.region, params.region));
  if (params.targetGroup) filters.push(arrayContains(kb.targetGroups, [params.targetGroup]));

  const headlineOptions = 'StartSel=\uE000, StopSel=\uE001, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';
  const rows = await db
    .select({
      slug: kb.slug,
      type: kb.type,
      title: kb.title,
      summary: kb.summary,
      themes: kb.themes,
      factors: kb.factors,
      region: kb.region,
      organisation: kb.organisation,
      marked: q ? sql<string>`ts_headline('dutch', ${kb.summary} || ' ' || ${kb.body}, ${query}, ${headlineOptions})` : kb.summary,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(kb)
    .where(and(...filters))
    .orderBy(
      ...(q ? [sql`(to_tsvector('dutch', ${kb.title}) @@ ${query}) DESC`, sql`ts_rank(${kb.search}, ${query}) DESC`] : []),
      asc(kb.title),
    )
    .limit(SEARCH_LIMITS.pageSize)
    .offset((params.page - 1) * SEARCH_LIMITS.pageSize);

  const total = rows[0]?.total ?? (params.page > 1 ? await countEntries(db, filters) : 0);
  return { total, results: rows.map(({ marked, total: _total, ...row }) => ({ ...row, snippet: snippetHtml(plainText(marked)) })) };
}

async function countEntries(db: Db, filters: SQL[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(kb)
    .where(and(...filters));
  return row?.n ?? 0;
}

/** The values the filters can take, from what is published. */
export async function searchFacets(db: Db) {
  const [row] = await db
    .select({
      regions: sql<string[]>`coalesce(array_agg(DISTINCT ${kb.region}) FILTER (WHERE ${kb.region} IS NOT NULL), '{}')`,
      targetGroups: sql<
        string[]
      >`coalesce((SELECT array_agg(DISTINCT g) FROM ${kb}, unnest(${kb.targetGroups}) g WHERE ${kb.status} = 'published'), '{}')`,
    })
    .from(kb)
    .where(eq(kb.status, "published"));
  const sortNl = (a: string, b: string) => a.localeCompare(b, "nl");
  return { regions: [...(row?.regions ?? [])].sort(sortNl), targetGroups: [...(row?.targetGroups ?? [])].sort(sortNl) };
}

export type EntryRecord = typeof kb.$inferSelect;

function publicEntry(row: EntryRecord) {
  const { search: _search, submissionToken: _token, ...rest } = row;
  return rest;
}
export type PublicEntry = ReturnType<typeof publicEntry>;

export async function findPublishedEntry(db: Db, slug: string): Promise<PublicEntry | undefined> {
  const [row] = await db
    .select()
    .from(kb)
    .where(and(eq(kb.slug, slug), eq(kb.status, "published")));
  return row ? publicEntry(row) : undefined;
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
export async function entriesByFactor(db: Db): Promise<Record<string, { slug: string; type: string; title: string }[]>> {
  const rows = await db
    .select({ slug: kb.slug, type: kb.type, title: kb.title, factors: kb.factors })
    .from(kb)
    .where(eq(kb.status, "published"))
    .orderBy(asc(kb.title));
  const byFactor: Record<string, { slug: string; type: string; title: string }[]> = {};
  for (const { factors, ...entry } of rows) {
    for (const f of factors) {
      byFactor[f] ??= [];
      byFactor[f].push(entry);
    }
  }
  return byFactor;
}

/** Stores a submission as pending before anything is confirmed; returns its slug and the submitter's status token. */
export async function submitProject(db: Db, submission: Submission): Promise<{ slug: string; token: string }> {
  const slug = `${slugify(submission.title)}-${newSecretId()
    .slice(0, 6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")}`;
  const token = newSecretId();
  await db
    .insert(kb)
    .values({ slug, origin: "submission", status: "pending", submissionToken: token, ...columns({ ...submission, source: null }) });
  return { slug, token };
}

export async function findSubmissionByToken(db: Db, token: string) {
  const [row] = await db
    .select({ slug: kb.slug, title: kb.title, status: kb.status, rejectionReason: kb.rejectionReason, createdAt: kb.createdAt })
    .from(kb)
    .where(and(eq(kb.origin, "submission"), eq(kb.submissionToken, token)));
  return row;
}

export async function listSubmissions(db: Db, status: EntryRecord["status"]) {
  const rows = await db
    .select()
    .from(kb)
    .where(and(eq(kb.origin, "submission"), eq(kb.status, status)))
    .orderBy(asc(kb.createdAt));
  return rows.map(publicEntry);
}

/** Approves or rejects a submission; false when there is no such submission. */
export async function moderateSubmission(db: Db, slug: string, moderation: Moderation): Promise<boolean> {
  const rows = await db
    .update(kb)
    .set({
      status: moderation.decision === "approve" ? "published" : "rejected",
      rejectionReason: moderation.decision === "reject" ? moderation.reason : null,
      reviewedAt: sql`now()`,
    })
    .where(and(eq(kb.slug, slug), eq(kb.origin, "submission")))
    .returning({ slug: kb.slug });
  return rows.length > 0;
}
