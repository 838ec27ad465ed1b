import "./tips.css";
import type { TipGroup } from "../../../domain/checks/scoring.ts";
import { useEntriesByFactor } from "../../app/entries/useEntriesByFactor.ts";
import { Loading } from "../../app/Loading.tsx";
import { ButtonRouterLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Heading2, Paragraph } from "../../app/utrecht.tsx";
import { useCheck } from "../CheckContext.ts";
import { useTranslation } from "../i18n.ts";
import { ProgressNav } from "../ProgressNav.tsx";
import { ResultsNotices } from "../results/ResultsNotices.tsx";
import { useResults } from "../results/useResults.ts";
import { FactorTipsCard } from "./FactorTipsCard.tsx";

/** The groups after the aandachtspunten: their tips are folded away, so the page leads with what to act on. */
const FOLDED_GROUPS: TipGroup[] = ["overig", "onbeantwoord", "nvt"];

/**
 * `/check/:id/tips`: the tips in the API's order. The aandachtspunten come first with their tips open, then the way to
 * the verbeterplan; every other group keeps its heading and folds its factors into a native disclosure (issue 16).
 */
export function TipsPage() {
  const { t } = useTranslation();
  const { id, round, tool } = useCheck();
  const load = useResults();
  const { results } = load;
  // Kennisbank examples belong to the main tool's factors (the one marked default).
  const examples = useEntriesByFactor(tool.default === true);
  const examplesOf = (itemId: string) => (examples ? (examples[itemId] ?? []) : null);
  const aandachtspunten = results?.tips.filter((entry) => entry.group === "aandachtspunt") ?? [];

  return (
    <div className="page-section tips-page">
      <ProgressNav current={{ kind: "tips" }} />
      <PageHeading title={t("tips.title")}>{t("tips.title")}</PageHeading>
      <ResultsNotices load={load} />
      {!results ? (
        !load.failed && <Loading fillScreen />
      ) : (
        <>
          <Paragraph appearance="lead">{t("tips.intro")}</Paragraph>
          <section aria-labelledby="groep-aandachtspunt" className="tips-group tips-group--aandachtspunt">
            <Heading2 id="groep-aandachtspunt">
              {t("tips.groups.aandachtspunt.title")} <span className="tips-group__count">({aandachtspunten.length})</span>
            </Heading2>
            <Paragraph>
              {aandachtspunten.length === 0 ? t("tips.groups.aandachtspunt.none") : t("tips.groups.aandachtspunt.text")}
            </Paragraph>
            {aandachtspunten.map((entry) => (
              <FactorTipsCard key={entry.itemId} entry={entry} checkId={id} examples={examplesOf(entry.itemId)} />
            ))}
          </section>
          {!round && (
            <section aria-labelledby="naar-plan" className="tips-to-plan">
              <Heading2 id="naar-plan">{t("tips.toPlanTitle")}</Heading2>
              <Paragraph>{t("tips.toPlanText")}</Paragraph>
              <ButtonRouterLink to={`/check/${id}/plan`} appearance="primary">
                {t("tips.toPlanPage")}
              </ButtonRouterLink>
            </section>
          )}
          {FOLDED_GROUPS.map((group) => {
            const entries = results.tips.filter((entry) => entry.group === group);
            if (entries.length === 0) return null;
            const headingId = `groep-${group}`;
            return (
              <section key={group} aria-labelledby={headingId} className={`tips-group tips-group--${group}`}>
                <Heading2 id={headingId}>
                  {t(`tips.groups.${group}.title`)} <span className="tips-group__count">({entries.length})</span>
                </Heading2>
                <Paragraph>{t(`tips.groups.${group}.text`)}</Paragraph>
                <details className="tips-fold">
                  <summary className="tips-fold__summary">{t("tips.showGroup", { count: entries.length })}</summary>
                  {entries.map((entry) => (
                    <FactorTipsCard key={entry.itemId} entry={entry} checkId={id} examples={examplesOf(entry.itemId)} />
                  ))}
                </details>
              </section>
            );
          })}
          <nav className="pager" aria-label={t("tips.nextLabel")}>
            <ButtonRouterLink to={`/check/${id}/resultaten`} appearance="secondary">
              {t("tips.toScores")}
            </ButtonRouterLink>
            {!round && (
              <ButtonRouterLink to={`/check/${id}/plan`} appearance="primary">
                {t("tips.toPlanPage")}
              </ButtonRouterLink>
            )}
          </nav>
        </>
      )}
    </div>
  );
}
