import { type Ref, useId } from "react";
import { PAGE_SIZE, type SearchResponse, type SearchResult } from "../api/kennisbank.ts";
import { TypeBadge } from "../app/entries/TypeBadge.tsx";
import { AppLink } from "../app/links.tsx";
import { Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { Snippet } from "./Snippet.tsx";
import { NO_FILTERS, type SearchState } from "./useSearchState.ts";

function ResultCard({ result, from }: { result: SearchResult; from: string }) {
  const headingId = useId();
  const { t } = useTranslation();
  const assessed = result.evidenceLevel !== "niet beoordeeld" ? t("kennisbank.evidence", { level: result.evidenceLevel }) : null;
  const where = [result.organisation, result.region, assessed].filter(Boolean).join(" · ");
  return (
    <li className="result-card">
      <article aria-labelledby={headingId}>
        <Heading3 id={headingId} className="result-card__title">
          <AppLink to={`/kennisbank/${result.slug}`} state={{ fromSearch: from }}>
            {result.title}
          </AppLink>
        </Heading3>
        <p className="result-card__meta">
          <TypeBadge type={result.type} />
          {where && (
            <span className="result-card__where" lang="nl">
              {where}
            </span>
          )}
        </p>
        <p className="result-card__snippet" lang="nl">
          <Snippet html={result.snippet} />
        </p>
      </article>
    </li>
  );
}

function EmptyState({ search }: { search: SearchState }) {
  const { t } = useTranslation();
  return (
    <div className="search-empty">
      <Paragraph>{search.q.trim() ? t("kennisbank.empty.withQuery", { q: search.q.trim() }) : t("kennisbank.empty.text")}</Paragraph>
      <UnorderedList>
        {search.activeFilters > 0 && <UnorderedListItem>{t("kennisbank.empty.fewerFilters")}</UnorderedListItem>}
        {search.q.trim() && <UnorderedListItem>{t("kennisbank.empty.otherWords")}</UnorderedListItem>}
        {search.q.trim() && <UnorderedListItem>{t("kennisbank.empty.spelling")}</UnorderedListItem>}
      </UnorderedList>
      <Paragraph className="search-empty__actions">
        {search.activeFilters > 0 && <AppLink to={search.href(NO_FILTERS)}>{t("kennisbank.empty.clearAll")}</AppLink>}
        {(search.activeFilters > 0 || search.q) && <AppLink to="/kennisbank">{t("kennisbank.empty.showAll")}</AppLink>}
      </Paragraph>
    </div>
  );
}

function Pager({ search, pages, onPage }: { search: SearchState; pages: number; onPage: () => void }) {
  const { t } = useTranslation();
  const page = search.pageNumber;
  if (pages <= 1) return null;
  return (
    <nav className="search-pager" aria-label={t("kennisbank.pager.label")}>
      <span className="search-pager__side">
        {page > 1 && (
          <AppLink to={search.href({ page: String(page - 1) })} rel="prev" onClick={onPage}>
            {t("kennisbank.pager.previous")}
          </AppLink>
        )}
      </span>
      <span className="search-pager__position">{t("kennisbank.pager.position", { page, pages })}</span>
      <span className="search-pager__side search-pager__side--end">
        {page < pages && (
          <AppLink to={search.href({ page: String(page + 1) })} rel="next" onClick={onPage}>
            {t("kennisbank.pager.next")}
          </AppLink>
        )}
      </span>
    </nav>
  );
}

type Props = {
  search: SearchState;
  response: SearchResponse | null;
  busy: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  /** Called when the user goes to another page, so the page can move focus to the new results. */
  onPage: () => void;
};

/** The result count (announced), the cards, an empty state and the pages. */
export function SearchResults({ search, response, busy, headingRef, onPage }: Props) {
  const { t } = useTranslation();
  const pages = response ? Math.max(1, Math.ceil(response.total / PAGE_SIZE)) : 1;
  const from = search.href({ page: search.page });
  const count = response ? t("kennisbank.count", { count: response.total }) : "";
  return (
    <section className="search-results" aria-labelledby="resultaten-titel" aria-busy={busy}>
      <Heading2 id="resultaten-titel" ref={headingRef} tabIndex={-1} className="search-results__title">
        {t("kennisbank.resultsTitle")}
      </Heading2>
      <p className="search-results__count" role="status">
        {count}
      </p>
      {response && response.total === 0 && <EmptyState search={search} />}
      {response && response.total > 0 && response.results.length === 0 && (
        <Paragraph>
          {t("kennisbank.pageMissing", { page: search.pageNumber })}{" "}
          <AppLink to={search.href({ page: "1" })}>{t("kennisbank.firstPage")}</AppLink>
        </Paragraph>
      )}
      {response && response.results.length > 0 && (
        <ul className="result-list">
          {response.results.map((result) => (
            <ResultCard key={result.slug} result={result} from={from} />
          ))}
        </ul>
      )}
      {response && <Pager search={search} pages={pages} onPage={onPage} />}
    </section>
  );
}
