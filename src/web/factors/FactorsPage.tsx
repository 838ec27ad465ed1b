import "./factors.css";
import { getMainTool } from "../api/checks.ts";
import { useEntriesByFactor } from "../app/entries/useEntriesByFactor.ts";
import { LoadError } from "../app/LoadError.tsx";
import { Loading } from "../app/Loading.tsx";
import { AppLink } from "../app/links.tsx";
import { TipText } from "../app/markdown/TipText.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { useHashTarget } from "../app/useHashTarget.ts";
import { useLoad } from "../app/useLoad.ts";
import { Heading2, Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

/** `/factoren`: the 31 success factors per theme, each linking to its page. */
export function FactorsPage() {
  const { t } = useTranslation();
  const tool = useLoad(() => getMainTool(), []);
  const examples = useEntriesByFactor();
  useHashTarget(tool.status === "ready");
  return (
    <div className="page-section factors-page">
      <PageHeading title={t("factors.title")}>{t("factors.title")}</PageHeading>
      <Paragraph appearance="lead">{t("factors.intro")}</Paragraph>
      {tool.status === "loading" && <Loading fillScreen />}
      {tool.status === "error" && <LoadError error={tool.error} retry={tool.retry} />}
      {tool.status === "ready" && (
        <>
          <nav aria-label={t("factors.themesNav")} className="factors-toc">
            <ol className="factors-toc__list">
              {tool.data.themes.map((theme, index) => (
                <li key={theme.id}>
                  <a className="utrecht-link utrecht-link--html-a" href={`#thema-${theme.id}`}>
                    {t("factors.themeTitle", { number: index + 1, title: theme.title })}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          {tool.data.themes.map((theme, index) => (
            <section key={theme.id} aria-labelledby={`thema-${theme.id}`} className="factors-theme">
              <Heading2 id={`thema-${theme.id}`} lang="nl">
                {t("factors.themeTitle", { number: index + 1, title: theme.title })}
              </Heading2>
              <Paragraph lang="nl">
                <TipText text={theme.intro} />
              </Paragraph>
              <ul className="factors-list">
                {theme.items.map((item) => {
                  const count = examples?.[item.id]?.length;
                  return (
                    <li key={item.id} className="factors-list__item">
                      <AppLink to={`/factoren/${item.id}`} className="factors-list__link">
                        <span className="factor__number">{item.id}</span> <span lang="nl">{item.text}</span>
                      </AppLink>
                      {count !== undefined && count > 0 && (
                        <span className="factors-list__count">{t("factors.exampleCount", { count })}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
