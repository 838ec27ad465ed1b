import "./results.css";
import { useEntriesByFactor } from "../../app/entries/useEntriesByFactor.ts";
import { Loading } from "../../app/Loading.tsx";
import { AppLink, ButtonRouterLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Heading2, Paragraph } from "../../app/utrecht.tsx";
import { answeredCount, firstOpenTheme, useCheck } from "../CheckContext.ts";
import { useFormatters } from "../format.ts";
import { useTranslation } from "../i18n.ts";
import { ProgressNav } from "../ProgressNav.tsx";
import { ResultsNotices } from "./ResultsNotices.tsx";
import { ScoreChart } from "./ScoreChart.tsx";
import { FactorTables, ThemeScoreTable } from "./ScoreTables.tsx";
import { useResults } from "./useResults.ts";

/** `/check/:id/resultaten`: overall mean, mean per theme (chart + table) and every factor's answer. */
export function ResultsPage() {
  const { t } = useTranslation();
  const { id, tool, answers } = useCheck();
  const format = useFormatters();
  const load = useResults();
  const { results } = load;
  const { answered, total } = answeredCount(tool, answers);
  const open = firstOpenTheme(tool, answers);
  // Kennisbank examples belong to the main tool's factors (the one marked default).
  const examples = useEntriesByFactor(tool.default === true);
  const lowCount = results?.tips.filter((entry) => entry.group === "aandachtspunt").length ?? 0;

  return (
    <div className="page-section results-page">
      <ProgressNav current={{ kind: "scores" }} />
      <PageHeading title={t("results.title")}>{t("results.title")}</PageHeading>
      <ResultsNotices load={load} />
      {!results ? (
        !load.failed && <Loading fillScreen />
      ) : (
        <>
          <Paragraph appearance="lead">{t("results.intro")}</Paragraph>
          <div className="overall">
            <p className="overall__label">{t("results.overall")}</p>
            <p className="overall__value">{format.score(results.overall)}</p>
            <p className="overall__detail">{t("results.overallDetail", { answered, total })}</p>
          </div>
          {open && (
            <Paragraph>
              {t("results.openFactors", { count: total - answered })}{" "}
              <ButtonRouterLink to={`/check/${id}/thema/${open}`} appearance="subtle">
                {t("results.completeAnswers")}
              </ButtonRouterLink>
            </Paragraph>
          )}

          <section aria-labelledby="score-per-thema">
            <Heading2 id="score-per-thema">{t("results.perTheme")}</Heading2>
            <figure className="chart-figure">
              <ScoreChart themes={tool.themes} scores={results.themes} labelledBy="grafiek-naam" />
              <figcaption id="grafiek-naam" className="chart-figure__caption">
                {t("results.chartName")}
              </figcaption>
            </figure>
            <ThemeScoreTable themes={tool.themes} scores={results.themes} captionId="tabel-score-per-thema" />
          </section>

          <section aria-labelledby="score-per-factor">
            <Heading2 id="score-per-factor">{t("results.perFactor")}</Heading2>
            {lowCount > 0 && examples && (
              <Paragraph className="results-examples-hint">
                {t("results.examplesHint", { count: lowCount })} <AppLink to={`/check/${id}/tips`}>{t("results.examplesHintLink")}</AppLink>
              </Paragraph>
            )}
            <FactorTables
              themes={tool.themes}
              values={Object.fromEntries(results.items.map((item) => [item.id, item.value]))}
              examples={examples}
            />
          </section>

          <nav className="pager" aria-label={t("results.nextLabel")}>
            <ButtonRouterLink to={`/check/${id}/thema/${tool.themes.at(-1)?.id ?? "1"}`} appearance="secondary">
              {t("results.backToQuestions")}
            </ButtonRouterLink>
            <ButtonRouterLink to={`/check/${id}/tips`} appearance="primary">
              {t("results.toTips")}
            </ButtonRouterLink>
          </nav>
        </>
      )}
    </div>
  );
}
