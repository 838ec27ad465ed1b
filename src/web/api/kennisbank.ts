import type { Entry, EntryType, KennisbankSource } from "../../domain/kennisbank/schema.ts";
import type { Moderation, Submission } from "../../domain/kennisbank/submission.ts";
import { request } from "./client.ts";

/** The filters of the search page, exactly as the URL and GET /api/kennisbank hold them. */
export const SEARCH_FILTERS = ["type", "theme", "factor", "region", "targetGroup"] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
/** `page` may be a raw URL value: the API validates it and names the field when it is wrong. */
export type SearchQuery = { q?: string; page?: number | string } & Partial<Record<SearchFilter, string>>;

export type SearchResult = {
  slug: string;
  type: EntryType;
  title: string;
  summary: string;
  themes: string[];
  factors: string[];
  region: string | null;
  organisation: string | null;
  /** Safe HTML from the server: escaped text with <mark> around the matches. */
  snippet: string;
};
export type SearchResponse = { total: number; results: SearchResult[] };
export type Facets = { regions: string[]; targetGroups: string[] };
export type EntryLink = { slug: string; type: EntryType; title: string };
export type EntriesByFactor = Record<string, EntryLink[]>;

export type EntryStatus = "pending" | "published" | "rejected";

/** A stored entry as the API returns it (content files and submissions alike). */
export type KennisbankEntry = Omit<Entry, "organisation" | "region" | "category" | "link" | "source"> & {
  origin: "content" | "submission";
  status: EntryStatus;
  organisation: string | null;
  region: string | null;
  category: string | null;
  link: string | null;
  source: { document: KennisbankSource; where?: string } | null;
  rejectionReason: string | null;
  createdAt: string;
  reviewedAt: string | null;
};
export type EntryPageData = KennisbankEntry & {
  factorDetails: { id: string; themeId?: string; text?: string }[];
  related: (EntryLink & { summary: string; factors: string[] })[];
};

export type SubmissionStatus = { slug: string; title: string; status: EntryStatus; rejectionReason: string | null; createdAt: string };

export const PAGE_SIZE = 20;

function queryString(query: SearchQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "" && !(key === "page" && String(value) === "1")) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

let byFactor: Promise<EntriesByFactor> | null = null;

export const kennisbankApi = {
  search: (query: SearchQuery, signal?: AbortSignal) => request<SearchResponse>(`/api/kennisbank${queryString(query)}`, { signal }),
  facets: (signal?: AbortSignal) => request<Facets>("/api/kennisbank/facets", { signal }),
  entry: (slug: string, signal?: AbortSignal) => request<EntryPageData>(`/api/kennisbank/${encodeURIComponent(slug)}`, { signal }),
  /** Entries per factor; fetched once per page load and refreshed after a moderation decision. */
  byFactor: (): Promise<EntriesByFactor> => {
    if (!byFactor) {
      byFactor = request<EntriesByFactor>("/api/kennisbank/by-factor");
      byFactor.catch(() => {
        byFactor = null;
      });
    }
    return byFactor;
  },
  forgetByFactor: () => {
    byFactor = null;
  },
  submit: (submission: Submission) =>
    request<{ slug: string; status: "pending"; statusToken: string }>("/api/kennisbank/submissions", { method: "POST", body: submission }),
  submissionStatus: (token: string, signal?: AbortSignal) =>
    request<SubmissionStatus>(`/api/kennisbank/submissions/status/${encodeURIComponent(token)}`, { signal }),
  submissions: (status: EntryStatus, signal?: AbortSignal) =>
    request<KennisbankEntry[]>(`/api/kennisbank/submissions?status=${status}`, { signal }),
  moderate: (slug: string, moderation: Moderation) =>
    request<{ slug: string; status: EntryStatus }>(`/api/kennisbank/submissions/${encodeURIComponent(slug)}/moderation`, {
      method: "POST",
      body: moderation,
    }),
  queryString,
};
