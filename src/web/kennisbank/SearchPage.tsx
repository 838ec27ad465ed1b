import "./kennisbank.css";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { getMainTool } from "../api/checks.ts";
import type { ApiError } from "../api/client.ts";
import { kennisbankApi, SEARCH_FILTERS, type SearchFilter } from "../api/kennisbank.ts";
import { LoadError, useErrorMessage } from "../app/LoadError.tsx";
import { AppLink, ButtonRouterLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { useLoad } from "../app/useLoad.ts";
import { Alert, Button, FormLabel, Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { SearchFilters } from "./SearchFilters.tsx";
import { SearchResults } from "./SearchResults.tsx";
import { useSearchState } from "./useSearchState.ts";

/** `/kennisbank`: Dutch full-text search with filters; everything in the URL. */
export function SearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearchState();
  const errorMessage = useErrorMessage();
  const [text, setText] = useState(search.q);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  // The back button changes the URL: show its query in the field again.
  useEffect(() => setText(search.q), [search.q]);

  const apiQuery = kennisbankApi.queryString(search.query);
  const results = useLoad((signal) => kennisbankApi.search(search.query, signal), [apiQuery]);
  const tool = useLoad(() => getMainTool(), []);
  const facets = useLoad((signal) => kennisbankApi.facets(signal), []);

  useEffect(() => {
    if (results.busy || !focusResults.current) return;
    focusResults.current = false;
    resultsHeading.current?.focus();
  }, [results.busy]);

  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(search.href({ q: text }));
  }

  const badRequest = results.status === "error" && results.error.status === 400;
  /** The API names the field: "Ongeldige waarde voor "type": moet …" becomes "Soort: moet …". */
  const badFilterMessage = (error: ApiError) => {
    const field = error.field ?? "";
    const label = (SEARCH_FILTERS as readonly string[]).includes(field)
      ? t(`kennisbank.filters.${field as SearchFilter}.label`)
      : field === "page"
        ? t("kennisbank.page")
        : t("kennisbank.query");
    return t("kennisbank.badFilter", { label, message: errorMessage(error).replace(/^Ongeldige waarde voor "[^"]*": /, "") });
  };
  return (
    <div className="kennisbank-search">
      <PageHeading title={t("kennisbank.title")}>{t("kennisbank.title")}</PageHeading>
      <div className="kennisbank-search__intro">
        <Paragraph appearance="lead">{t("kennisbank.intro")}</Paragraph>
        <Paragraph>
          <ButtonRouterLink to="/kennisbank/inzenden" appearance="secondary">
            {t("kennisbank.submitLink")}
          </ButtonRouterLink>
        </Paragraph>
      </div>

      <search className="search-form">
        <form onSubmit={submit}>
          <div className="utrecht-form-field search-form__field">
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor="zoekterm">{t("kennisbank.searchLabel")}</FormLabel>
            </div>
            <div className="search-form__row">
              <input
                id="zoekterm"
                type="search"
                name="q"
                className="utrecht-textbox utrecht-textbox--html-input search-form__input"
                value={text}
                maxLength={2000}
                autoComplete="off"
                onChange={(event) => setText(event.target.value)}
              />
              <Button type="submit" appearance="primary-action-button">
                {t("kennisbank.searchButton")}
              </Button>
            </div>
          </div>
        </form>
      </search>

      <div className="kennisbank-search__layout">
        <SearchFilters
          search={search}
          tool={tool.status === "ready" ? tool.data : null}
          facets={facets.status === "ready" ? facets.data : null}
        />
        <div className="kennisbank-search__main">
          {badRequest && (
            <Alert type="error" role="alert">
              <Paragraph>{badFilterMessage(results.error)}</Paragraph>
              <Paragraph>
                <AppLink to="/kennisbank">{t("kennisbank.badFilterReset")}</AppLink>
              </Paragraph>
            </Alert>
          )}
          {results.status === "error" && !badRequest && <LoadError error={results.error} retry={results.retry} />}
          {!badRequest && (
            <SearchResults
              search={search}
              response={results.status === "ready" ? results.data : null}
              busy={results.busy}
              headingRef={resultsHeading}
              onPage={() => {
                focusResults.current = true;
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}
