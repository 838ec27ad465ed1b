import "./factors.css";
import { useLocation, useNavigate, useParams } from "react-router";
import type { Tool } from "../../domain/content/schema.ts";
import type { Werkwijze } from "../../domain/werkwijze/schema.ts";
import { getMainTool } from "../api/checks.ts";
import { werkwijzeApi } from "../api/werkwijze.ts";
import { factorIndex } from "../app/factors/factorIndex.ts";
import { LoadError } from "../app/LoadError.tsx";
import { Loading } from "../app/Loading.tsx";
import { AppLink } from "../app/links.tsx";
import { Markdown } from "../app/markdown/Markdown.tsx";
import { TipText } from "../app/markdown/TipText.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { useLoad } from "../app/useLoad.ts";
import { Heading2, Heading3, Paragraph } from "../app/utrecht.tsx";
import { FactorEntries } from "./FactorEntries.tsx";
import { useTranslation } from "./i18n.ts";

export type BackState = { from?: string; fromTitle?: string } | null;

/** Back to where the user came from: the kennisbank entry by name, or plain "Terug" when there is history. */
function BackLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as BackState;
  if (location.key === "default") return null;
  const back = (event: React.MouseEvent) => {
    event.preventDefault();
    navigate(-1);
  };
  return (
    <AppLink to={state?.from ?? "/factoren"} onClick={back} className="back-link">
      {state?.fromTitle ? t("factors.backTo", { title: state.fromTitle }) : t("factors.back")}
    </AppLink>
  );
}

/** The parts of the werkwijze that help with this factor. */
function werkwijzeParts(werkwijze: Werkwijze, factorId: string) {
  return [
    ...werkwijze.phases.map((part) => ({ ...part, anchor: `fase-${part.id}` })),
    ...werkwijze.basicMethods.map((part) => ({ ...part, anchor: `methode-${part.id}` })),
    ...werkwijze.toolbox.map((part) => ({ ...part, anchor: `toolbox-${part.id}` })),
  ].filter((part) => part.factors.includes(factorId));
}

function FactorView({ tool, id }: { tool: Tool; id: string }) {
  const { t } = useTranslation();
  const werkwijze = useLoad((signal) => werkwijzeApi.get(signal), []);
  const index = factorIndex(tool);
  const info = index.get(id);
  if (!info) {
    return (
      <div className="page-section">
        <PageHeading title={t("factors.notFound.title")}>{t("factors.notFound.title")}</PageHeading>
        <Paragraph>{t("factors.notFound.text")}</Paragraph>
        <Paragraph>
          <AppLink to="/factoren">{t("factors.all")}</AppLink>
        </Paragraph>
      </div>
    );
  }
  const { item, theme, themeNumber } = info;
  const ids = [...index.keys()];
  const position = ids.indexOf(id);
  const previous = ids[position - 1];
  const next = ids[position + 1];
  const parts = werkwijze.status === "ready" ? werkwijzeParts(werkwijze.data, id) : [];

  return (
    <div className="page-section factor-page">
      <nav className="factor-page__nav" aria-label={t("factors.breadcrumbLabel")}>
        <AppLink to="/factoren">{t("factors.all")}</AppLink>
        <BackLink />
      </nav>
      <PageHeading title={t("factors.factorTitle", { id })}>{t("factors.factorTitle", { id })}</PageHeading>
      <p className="factor-page__theme">
        <AppLink to={`/factoren#thema-${theme.id}`}>{t("factors.themeTitle", { number: themeNumber, title: theme.title })}</AppLink>
      </p>
      <Paragraph appearance="lead" lang="nl">
        <TipText text={item.text} />
      </Paragraph>
      {item.clarification && (
        <section aria-labelledby="toelichting">
          <Heading2 id="toelichting">{t("factors.clarification")}</Heading2>
          <Paragraph lang="nl">
            <TipText text={item.clarification} />
          </Paragraph>
        </section>
      )}

      <section aria-labelledby="verbetertips">
        <Heading2 id="verbetertips">{t("factors.tips", { count: item.tips.length })}</Heading2>
        <ul className="tips__list factor-page__tips" lang="nl">
          {item.tips.map((tip, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: tips have no id and never reorder
            <li key={i} className="tip">
              <Heading3 className="tip__title">{tip.title}</Heading3>
              <Markdown text={tip.text} className="tip__text" />
            </li>
          ))}
        </ul>
      </section>

      <FactorEntries factorId={id} />

      {parts.length > 0 && (
        <section aria-labelledby="in-de-werkwijze">
          <Heading2 id="in-de-werkwijze">{t("factors.werkwijze")}</Heading2>
          <ul className="factor-page__werkwijze">
            {parts.map((part) => (
              <li key={part.anchor}>
                <AppLink to={`/werkwijze#${part.anchor}`} lang="nl">
                  {part.title}
                </AppLink>
              </li>
            ))}
          </ul>
        </section>
      )}

      <nav className="pager" aria-label={t("factors.pagerLabel")}>
        {previous ? <AppLink to={`/factoren/${previous}`}>{t("factors.previous", { id: previous })}</AppLink> : <span />}
        {next && <AppLink to={`/factoren/${next}`}>{t("factors.next", { id: next })}</AppLink>}
      </nav>
    </div>
  );
}

/** `/factoren/:id`: one success factor with its clarification, all its tips and how others do it. */
export function FactorPage() {
  const { id = "" } = useParams();
  const tool = useLoad(() => getMainTool(), []);
  if (tool.status === "loading") return <Loading fillScreen />;
  if (tool.status === "error") return <LoadError error={tool.error} retry={tool.retry} />;
  return <FactorView key={id} tool={tool.data} id={id} />;
}
