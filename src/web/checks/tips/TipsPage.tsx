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

const GROUPS: TipGroup[] = ["aandachtspunt", "overig", "onbeantwoord", "nvt"];

/** `/check/:id/tips`: the tips in the API's order, grouped: aandachtspunten first, n.v.t. last and folded. */
export function TipsPage() {
  const { t } = useTranslation();
  const { id, round } = useCheck();
  const load = useResults();
  const { results } = load;
  const examples = useEntriesByFactor();

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
          {GROUPS.map((group) => {
            const entries = results.tips.filter((entry) => entry.group === group);
            if (entries.length === 0 && group !== "aandachtspunt") return null;
            const headingId = `groep-${group}`;
            return (
              <section key={group} aria-labelledby={headingId} className={`tips-group tips-group--${group}`}>
                <Heading2 id={headingId}>
                  {t(`tips.groups.${group}.title`)} <span className="tips-group__count">({entries.length})</span>
                </Heading2>
                <Paragraph>{entries.length === 0 ? t("tips.groups.aandachtspunt.none") : t(`tips.groups.${group}.text`)}</Paragraph>
                {entries.map((entry) => (
                  <FactorTipsCard
                    key={entry.itemId}
                    entry={entry}
                    checkId={id}
                    folded={group === "nvt"}
                    examples={examples ? (examples[entry.itemId] ?? []) : null}
                  />
                ))}
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
