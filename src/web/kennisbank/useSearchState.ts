import { useSearchParams } from "react-router";
import { SEARCH_FILTERS, type SearchFilter, type SearchQuery } from "../api/kennisbank.ts";

/** Everything cleared: what "Wis filters" links to. */
export const NO_FILTERS = Object.fromEntries(SEARCH_FILTERS.map((name) => [name, ""])) as Record<SearchFilter, string>;

export type SearchState = {
  q: string;
  filters: Record<SearchFilter, string>;
  /** The raw page parameter (validated by the API, so a hand-edited URL gets its Dutch error). */
  page: string;
  pageNumber: number;
  activeFilters: number;
  query: SearchQuery;
  /** The search part of a URL for these settings with some changed; page goes back to 1 unless given. */
  href(change: Partial<Record<SearchFilter | "q" | "page", string>>): string;
};

/** The query, filters and page live in the URL, so a search can be shared and the back button works. */
export function useSearchState(): SearchState {
  const [params] = useSearchParams();
  const q = params.get("q") ?? "";
  const page = params.get("page") ?? "";
  const filters = Object.fromEntries(SEARCH_FILTERS.map((name) => [name, params.get(name) ?? ""])) as Record<SearchFilter, string>;

  const href = (change: Partial<Record<SearchFilter | "q" | "page", string>>) => {
    const next = new URLSearchParams();
    const values: Record<string, string> = { q, ...filters, ...change };
    for (const name of ["q", ...SEARCH_FILTERS, "page"]) {
      const value = name === "page" ? (change.page ?? "") : values[name]?.trim();
      if (value && !(name === "page" && value === "1")) next.set(name, value);
    }
    const text = next.toString();
    return text ? `?${text}` : "?";
  };

  const pageNumber = /^\d+$/.test(page) ? Number(page) : 1;
  return {
    q,
    filters,
    page,
    pageNumber,
    activeFilters: SEARCH_FILTERS.filter((name) => filters[name]).length,
    query: {
      q: q.trim() || undefined,
      ...Object.fromEntries(SEARCH_FILTERS.map((n) => [n, filters[n] || undefined])),
      page: page || undefined,
    },
    href,
  };
}
