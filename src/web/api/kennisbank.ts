import type {
  ENTRY_STATUSES,
  entriesByFactorResponse,
  entryLinkResponse,
  entryPageResponse,
  facetsResponse,
  kennisbankEntryResponse,
  moderatedResponse,
  searchPageResponse,
  searchResultResponse,
  submissionCreatedResponse,
  submissionListResponse,
  submissionStatusResponse,
} from "../../domain/kennisbank/responses.ts";
import type { Moderation, Submission } from "../../domain/kennisbank/submission.ts";
import type { Wire } from "../../domain/wire.ts";
import { request } from "./client.ts";

/** The filters of the search page, exactly as the URL and GET /api/kennisbank hold them. */
export const SEARCH_FILTERS = [
  "type",
  "theme",
  "factor",
  "region",
  "municipality",
  "labourRegion",
  "province",
  "national",
  "organisation",
  "targetGroup",
  "evidence",
] as const;
/** The filters that pick a place: one at a time (the page's "Plaats" list). */
export const PLACE_FILTERS = ["region", "municipality", "labourRegion", "province", "national"] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
/** `page` may be a raw URL value: the API validates it and names the field when it is wrong. */
export type SearchQuery = { q?: string; page?: number | string } & Partial<Record<SearchFilter, string>>;

export type SearchResult = Wire<typeof searchResultResponse>;
export type SearchResponse = Wire<typeof searchPageResponse>;
export type Facets = Wire<typeof facetsResponse>;
export type EntryLink = Wire<typeof entryLinkResponse>;
export type EntriesByFactor = Wire<typeof entriesByFactorResponse>;

export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** A stored entry as the API returns it (content files and submissions alike). */
export type KennisbankEntry = Wire<typeof kennisbankEntryResponse>;
export type EntryPageData = Wire<typeof entryPageResponse>;

export type SubmissionStatus = Wire<typeof submissionStatusResponse>;

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
    request<Wire<typeof submissionCreatedResponse>>("/api/kennisbank/submissions", { method: "POST", body: submission }),
  submissionStatus: (token: string, signal?: AbortSignal) =>
    request<SubmissionStatus>(`/api/kennisbank/submissions/status/${encodeURIComponent(token)}`, { signal }),
  submissions: (status: EntryStatus, signal?: AbortSignal) =>
    request<Wire<typeof submissionListResponse>>(`/api/kennisbank/submissions?status=${status}`, { signal }),
  moderate: (slug: string, moderation: Moderation) =>
    request<Wire<typeof moderatedResponse>>(`/api/kennisbank/submissions/${encodeURIComponent(slug)}/moderation`, {
      method: "POST",
      body: moderation,
    }),
  queryString,
};
