import { eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Db } from "../../db/client.ts";
import { kennisbankVersion } from "../../db/schema.ts";
import { searchPageResponse } from "../../domain/kennisbank/responses.ts";
import { type SearchParams, searchWords } from "../../domain/kennisbank/search.ts";
import { schemaJson } from "../replies.ts";
import { type SearchPage, searchChangesInProcess, searchEntries } from "./service.ts";

/** The kennisbank's change counter (0 before the first change): one primary-key read, prepared once per database. */
function versionReader(db: Db): () => Promise<number> {
  const query = db
    .select({ version: kennisbankVersion.version })
    .from(kennisbankVersion)
    .where(eq(kennisbankVersion.id, 1))
    .prepare("kennisbank_search_version");
  return async () => (await query.execute())[0]?.version ?? 0;
}

/**
 * A page of results and its JSON, serialized once (through the route's response schema, `searchPageResponse`) for
 * every request that gets it from the cache.
 */
export type CachedPage = { page: SearchPage; json: string };

/**
 * Search results of one instance, for one value of the change counter (decision 0002): what is published changes only
 * when content is loaded or a submission is moderated, and each of those bumps the counter in its own transaction.
 * On PostgreSQL, where other instances may make such changes, every search reads the counter first (one primary-key
 * read, far cheaper than a search), so a change made through any instance is never served stale: a result computed
 * after reading value v is at least as new as v. The embedded database has one process, which makes every change
 * itself: there the count of this process's changes serves (a read of PGlite costs as much as the rest of a cached
 * search). At most `capacity` results are kept, the least recently used go first; searches for the same key that
 * arrive while it is being computed share that computation.
 */
export class SearchCache {
  private version = -1;
  private readonly results: LRUCache<string, Promise<CachedPage>>;
  private readonly readVersion: () => Promise<number>;

  constructor(
    private readonly db: Db,
    options: { shared: boolean; capacity?: number },
  ) {
    this.readVersion = options.shared ? versionReader(db) : async () => searchChangesInProcess();
    this.results = new LRUCache({ max: options.capacity ?? 500 });
  }

  async search(params: SearchParams): Promise<CachedPage> {
    const version = await this.readVersion();
    if (version !== this.version) {
      // Only a newer value replaces the results: a request that read an older one (before a change committed)
      // computes its answer without caching it.
      if (version < this.version) return this.compute(params);
      this.version = version;
      this.results.clear();
    }
    const key = cacheKey(params);
    const cached = this.results.get(key);
    if (cached) return cached;
    const result = this.compute(params);
    this.results.set(key, result);
    result.catch(() => {
      if (this.results.peek(key) === result) this.results.delete(key);
    });
    return result;
  }

  private async compute(params: SearchParams): Promise<CachedPage> {
    const page = await searchEntries(this.db, params);
    return { page, json: schemaJson(searchPageResponse, page) };
  }
}

/** Requests that search the same words (searchWords) with the same filters and page share one result. */
function cacheKey(params: SearchParams): string {
  // Every parameter but q as given (an unknown key cannot reach here: the query schema strips it).
  const { q, ...filters } = params;
  return JSON.stringify([searchWords(q ?? ""), Object.entries(filters).sort(([a], [b]) => a.localeCompare(b))]);
}
