import "../../app/plan/plan.css";
import { useRef, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { AANDACHTSPUNT_MAX, meanOfScores } from "../../../domain/checks/scoring.ts";
import { ButtonRouterLink } from "../../app/links.tsx";
import { NotFoundPage } from "../../app/NotFoundPage.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { ActionEditor } from "../../app/plan/ActionEditor.tsx";
import { NewActionForm } from "../../app/plan/NewActionForm.tsx";
import { PlanEditingContext } from "../../app/plan/PlanEditing.ts";
import { ThemePlanText } from "../../app/plan/ThemePlanText.tsx";
import { Heading2, Heading3, Paragraph } from "../../app/utrecht.tsx";
import { useCheck } from "../CheckContext.ts";
import { useFormatters } from "../format.ts";
import { useTranslation } from "../i18n.ts";
import { ProgressNav } from "../ProgressNav.tsx";
import { RespondentNoPlan } from "../respond/RespondentNoPlan.tsx";
import { ReportLink } from "./ReportLink.tsx";
import { ThemeSelector } from "./ThemeSelector.tsx";
import { useCheckPlanEditing } from "./useCheckPlanEditing.ts";

/** `/check/:id/plan` and `/check/:id/plan/thema/:themeId`: the verbeterplan, one theme at a time. */
export function PlanPage() {
  const { t } = useTranslation();
  const { themeId } = useParams();
  const [search] = useSearchParams();
  const { id, tool, answers, plan, round } = useCheck();
  const format = useFormatters();
  const actionsHeading = useRef<HTMLHeadingElement>(null);
  const [removed, setRemoved] = useState<number | null>(null);
  const editing = useCheckPlanEditing();
  // A respondent in a team's measurement round makes no plan of their own: the team does.
  if (round) return <RespondentNoPlan />;

  const index = themeId ? tool.themes.findIndex((theme) => theme.id === themeId) : 0;
  const theme = tool.themes[index];
  if (!theme) return <NotFoundPage />;
  const previous = tool.themes[index - 1];
  const next = tool.themes[index + 1];
  const factorParam = search.get("factor") ?? "";
  const initialFactor = theme.items.some((item) => item.id === factorParam) ? factorParam : "";
  const score = meanOfScores(theme.items.map((item) => answers[item.id]));
  const attention = theme.items.filter((item) => {
    const value = answers[item.id];
    return typeof value === "number" && value <= AANDACHTSPUNT_MAX;
  });
  const actions = plan.actions.filter((action) => action.themeId === theme.id);
  const heading = t("plan.heading");

  function onRemoved(number: number) {
    setRemoved(number);
    actionsHeading.current?.focus();
  }

  return (
    <PlanEditingContext.Provider value={editing}>
      <div className="page-section plan-page">
        <ProgressNav current={{ kind: "plan" }} />
        <PageHeading title={`${heading}: ${theme.title}`}>
          {heading}: <span lang="nl">{theme.title}</span>
        </PageHeading>
        <Paragraph appearance="lead">{t("plan.intro")}</Paragraph>
        <ReportLink />

        <div className="plan-layout">
          <ThemeSelector current={theme.id} />
          <section className="plan-theme" aria-labelledby="plan-thema-titel">
            <Heading2 id="plan-thema-titel" lang="nl">
              {t("plan.themeTitle", { number: index + 1, title: theme.title })}
            </Heading2>
            <Paragraph>
              {t("plan.themeScore")} <strong>{format.score(score)}</strong>
            </Paragraph>
            {attention.length > 0 && (
              <div className="plan-theme__attention">
                <Paragraph>{t("plan.attention", { count: attention.length })}</Paragraph>
                <ul lang="nl">
                  {attention.map((item) => (
                    <li key={item.id}>
                      <span className="factor__number">{item.id}</span> {item.text}{" "}
                      <span className="plan-theme__answer">({t("plan.attentionScore", { score: answers[item.id] })})</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}

            <ThemePlanText key={theme.id} theme={theme} />

            <Heading3 ref={actionsHeading} tabIndex={-1} id="acties-titel">
              {t("plan.actionsTitle")} <span className="plan-theme__count">({actions.length})</span>
            </Heading3>
            <p role="status" className="plan-theme__removed">
              {removed !== null && t("plan.action.removed", { number: removed })}
            </p>
            {actions.length === 0 && <Paragraph>{t("plan.noActions")}</Paragraph>}
            {actions.map((action, i) => (
              <ActionEditor key={action.id} action={action} number={i + 1} factors={theme.items} onRemoved={onRemoved} />
            ))}
            <NewActionForm key={`${theme.id}-${initialFactor}`} themeId={theme.id} factors={theme.items} initialFactor={initialFactor} />

            <nav className="pager" aria-label={t("plan.pagerLabel")}>
              {previous ? (
                <ButtonRouterLink to={`/check/${id}/plan/thema/${previous.id}`} appearance="secondary">
                  {t("plan.previousTheme")}
                </ButtonRouterLink>
              ) : (
                <ButtonRouterLink to={`/check/${id}/tips`} appearance="secondary">
                  {t("plan.backToTips")}
                </ButtonRouterLink>
              )}
              {next && (
                <ButtonRouterLink to={`/check/${id}/plan/thema/${next.id}`} appearance="primary">
                  {t("plan.nextTheme")}
                </ButtonRouterLink>
              )}
            </nav>
          </section>
        </div>
      </div>
    </PlanEditingContext.Provider>
  );
}
