import "./kennisbank.css";
import { useLocation, useParams } from "react-router";
import { KENNISBANK_SOURCES } from "../../domain/kennisbank/schema.ts";
import { type EntryPageData, kennisbankApi } from "../api/kennisbank.ts";
import { TypeBadge } from "../app/entries/TypeBadge.tsx";
import { LoadError } from "../app/LoadError.tsx";
import { Loading } from "../app/Loading.tsx";
import { AppLink } from "../app/links.tsx";
import { Markdown } from "../app/markdown/Markdown.tsx";
import { TipText } from "../app/markdown/TipText.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { useLoad } from "../app/useLoad.ts";
import { Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from "../app/utrecht.tsx";
import { EntryDetails } from "./EntryDetails.tsx";
import { useTranslation } from "./i18n.ts";

/** Where the entry comes from: a source document of the content, or the organisation that submitted it. */
export function SourceText({ entry }: { entry: Pick<EntryPageData, "source" | "organisation"> }) {
  const { t } = useTranslation();
  if (!entry.source) return <>{t("entry.submittedBy", { organisation: entry.organisation ?? t("entry.unknownOrganisation") })}</>;
  const title = KENNISBANK_SOURCES[entry.source.document] ?? entry.source.document;
  return (
    <span lang="nl">
      {title}
      {entry.source.where && ` (${entry.source.where})`}
    </span>
  );
}

function EntryView({ entry }: { entry: EntryPageData }) {
  const { t } = useTranslation();
  const location = useLocation();
  const state = location.state as { fromSearch?: string } | null;
  return (
    <div className="entry">
      <nav className="entry__back" aria-label={t("entry.breadcrumbLabel")}>
        <AppLink to={`/kennisbank${state?.fromSearch && state.fromSearch !== "?" ? state.fromSearch : ""}`}>
          {state?.fromSearch ? t("entry.backToResults") : t("entry.toKennisbank")}
        </AppLink>
      </nav>
      <PageHeading title={entry.title}>
        <span lang="nl">{entry.title}</span>
      </PageHeading>
      <p className="entry__type">
        <TypeBadge type={entry.type} />
      </p>
      <Paragraph appearance="lead" lang="nl">
        <TipText text={entry.summary} />
      </Paragraph>

      <EntryDetails entry={entry} withType={false} />

      <section aria-labelledby="beschrijving" className="entry__section">
        <Heading2 id="beschrijving">{t("entry.description")}</Heading2>
        <div lang="nl">
          <Markdown text={entry.body} />
        </div>
      </section>

      {entry.factorDetails.length > 0 && (
        <section aria-labelledby="ondersteunt" className="entry__section">
          <Heading2 id="ondersteunt">{t("entry.factors")}</Heading2>
          <UnorderedList className="factor-link-list">
            {entry.factorDetails.map((factor) => (
              <UnorderedListItem key={factor.id}>
                <AppLink to={`/factoren/${factor.id}`} state={{ from: location.pathname, fromTitle: entry.title }}>
                  <span className="factor__number">{factor.id}</span> <span lang="nl">{factor.text}</span>
                </AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}

      <section aria-labelledby="bron" className="entry__section">
        <Heading2 id="bron">{t("entry.source")}</Heading2>
        <Paragraph>
          <SourceText entry={entry} />
        </Paragraph>
        {entry.link && (
          <Paragraph>
            <a className="utrecht-link utrecht-link--html-a" href={entry.link} rel="noopener noreferrer">
              {t("entry.externalLink")}
              <span className="visually-hidden"> ({t("entry.externalLinkHint")})</span>
            </a>
          </Paragraph>
        )}
      </section>

      {entry.related.length > 0 && (
        <section aria-labelledby="gerelateerd" className="entry__section">
          <Heading2 id="gerelateerd">{t("entry.related")}</Heading2>
          <ul className="related-list">
            {entry.related.map((related) => (
              <li key={related.slug} className="related-card">
                <Heading3 className="related-card__title">
                  <AppLink to={`/kennisbank/${related.slug}`}>{related.title}</AppLink>
                </Heading3>
                <p className="related-card__meta">
                  <TypeBadge type={related.type} />
                </p>
                <p className="related-card__summary" lang="nl">
                  <TipText text={related.summary} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** `/kennisbank/:slug`: one published entry. */
export function EntryPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const load = useLoad((signal) => kennisbankApi.entry(slug, signal), [slug]);
  if (load.status === "loading" || (load.busy && load.status !== "ready")) return <Loading fillScreen />;
  if (load.status === "error" && load.error.status === 404) {
    return (
      <div className="page-section">
        <PageHeading title={t("entry.notFound.title")}>{t("entry.notFound.title")}</PageHeading>
        <Paragraph>{t("entry.notFound.text")}</Paragraph>
        <Paragraph>
          <AppLink to="/kennisbank">{t("entry.notFound.search")}</AppLink>
        </Paragraph>
      </div>
    );
  }
  if (load.status === "error") {
    return (
      <div className="page-section">
        <PageHeading title={t("entry.loadError")}>{t("entry.loadError")}</PageHeading>
        <LoadError error={load.error} retry={load.retry} />
      </div>
    );
  }
  return <EntryView key={load.data.slug} entry={load.data} />;
}
