import "../../app/plan/plan.css";
import "../teams.css";
import { useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { isVisible } from "../../../domain/teams/aggregation.ts";
import { PERSPECTIVES, useTeamFormat } from "../../app/format.ts";
import { Loading } from "../../app/Loading.tsx";
import { AppLink, ButtonRouterLink } from "../../app/links.tsx";
import { NotFoundPage } from "../../app/NotFoundPage.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { ActionEditor } from "../../app/plan/ActionEditor.tsx";
import type { OwnerOptions } from "../../app/plan/ActionFields.tsx";
import { NewActionForm } from "../../app/plan/NewActionForm.tsx";
import { PlanEditingContext } from "../../app/plan/PlanEditing.ts";
import { ThemePlanText } from "../../app/plan/ThemePlanText.tsx";
import { SaveStatus } from "../../app/save/SaveStatus.tsx";
import { Frame, PageLoadError, RequireAccount } from "../../app/ui/Frame.tsx";
import { Heading2, Heading3, Paragraph } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import { DueMark, DueSummary } from "./DueBeforeRound.tsx";
import { ScoreChange } from "./ScoreChange.tsx";
import { useTeamPlan } from "./useTeamPlan.ts";

/** `/teams/:id/plan` and `/teams/:id/plan/thema/:themeId`: the shared verbeterplan, one theme at a time. */
export function TeamPlanPage() {
  const { t } = useTranslation();
  return (
    <Frame wide className="plan-page">
      <RequireAccount title={t("teamPlan.titleFallback")}>
        <TeamPlan />
      </RequireAccount>
    </Frame>
  );
}

function TeamPlan() {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const { id: teamId = "", themeId } = useParams();
  const [search] = useSearchParams();
  const load = useTeamPlan(teamId);
  const actionsHeading = useRef<HTMLHeadingElement>(null);
  const [removed, setRemoved] = useState<number | null>(null);

  if (load.status === "loading") return <Loading />;
  if (load.status === "error") return <PageLoadError title={t("teamPlan.titleFallback")} error={load.error} retry={load.retry} />;
  const { team, tool, loaded, latest, editing, queue } = load;
  const index = themeId ? tool.themes.findIndex((theme) => theme.id === themeId) : 0;
  const theme = tool.themes[index];
  if (!theme) return <NotFoundPage />;
  const previous = tool.themes[index - 1];
  const next = tool.themes[index + 1];
  const factorParam = search.get("factor") ?? "";
  const initialFactor = theme.items.some((item) => item.id === factorParam) ? factorParam : "";
  const actions = editing.plan.actions.filter((action) => action.themeId === theme.id);
  const base = `/teams/${teamId}/plan`;
  const heading = t("teamPlan.heading");
  const owner: OwnerOptions = {
    members: team.members,
    label: t("teamPlan.owner.label"),
    description: t("teamPlan.owner.description"),
    none: t("teamPlan.owner.none"),
    whoDescription: t("teamPlan.owner.whoDescription"),
  };
  const latestMeans = (id: string) =>
    PERSPECTIVES.flatMap((p) => {
      const result = latest?.perspectives.find((r) => r.perspective === p);
      const mean = result && isVisible(result) ? result.themes.find((x) => x.id === id)?.mean : undefined;
      return mean === undefined || mean === null ? [] : [`${format.perspective(p)} ${format.score(mean)}`];
    });

  // Due before the latest round and not done: as the server marked them, minus those set to "klaar" since.
  const dueIds = new Set(loaded.dueBeforeLatestRound);
  const due = editing.plan.actions.filter((action) => dueIds.has(action.id) && action.status !== "klaar");
  const isDue = (id: string) => due.some((action) => action.id === id);

  function onRemoved(number: number) {
    setRemoved(number);
    actionsHeading.current?.focus();
  }

  return (
    <PlanEditingContext.Provider value={editing}>
      <AppLink to={`/teams/${teamId}`} className="back-link">
        {t("round.back", { team: team.name })}
      </AppLink>
      <PageHeading title={`${heading}: ${theme.title}`}>
        {heading}: <span lang="nl">{theme.title}</span>
      </PageHeading>
      <Paragraph appearance="lead">{t("teamPlan.intro", { team: team.name })}</Paragraph>
      {loaded.latestRound ? (
        <Paragraph>{t("teamPlan.latestRound", { name: loaded.latestRound.name })}</Paragraph>
      ) : (
        <Paragraph>{t("teamPlan.noRound")}</Paragraph>
      )}
      {loaded.latestRound && <DueSummary actions={due} tool={tool} round={loaded.latestRound} teamId={teamId} />}

      <div className="plan-layout">
        <nav className="theme-selector" aria-labelledby="thema-kiezen">
          <h2 id="thema-kiezen" className="theme-selector__title">
            {t("teamPlan.selector")}
          </h2>
          <ol className="theme-selector__list">
            {tool.themes.map((item, i) => {
              const here = item.id === theme.id;
              const count = editing.plan.actions.filter((action) => action.themeId === item.id).length;
              const means = latestMeans(item.id);
              return (
                <li key={item.id}>
                  <Link
                    to={`${base}/thema/${item.id}`}
                    className={`theme-selector__link${here ? " theme-selector__link--current" : ""}`}
                    aria-current={here ? "page" : undefined}
                  >
                    <span className="theme-selector__number">{i + 1}</span>
                    <span className="theme-selector__text">
                      <span className="theme-selector__name" lang="nl">
                        {item.title}
                      </span>
                      <span className="theme-selector__meta">
                        {t("teamPlan.actionCount", { count })}
                        {means.length > 0 && ` · ${means.join(" · ")}`}
                      </span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ol>
        </nav>
        <section className="plan-theme" aria-labelledby="plan-thema-titel">
          <Heading2 id="plan-thema-titel" lang="nl">
            {t("common.themeTitle", { number: index + 1, title: theme.title })}
          </Heading2>
          {latest && (
            <Paragraph>
              {t("teamPlan.themeScores", { name: latest.round.name })}{" "}
              <strong>{latestMeans(theme.id).join(" · ") || t("teamPlan.noScores")}</strong>
            </Paragraph>
          )}
          <ThemePlanText key={theme.id} theme={theme} label={t("teamPlan.text.label")} description={t("teamPlan.text.description")} />

          <Heading3 ref={actionsHeading} tabIndex={-1} id="acties-titel">
            {t("teamPlan.actionsTitle")} <span className="plan-theme__count">({actions.length})</span>
          </Heading3>
          <p role="status" className="plan-theme__removed">
            {removed !== null && t("teamPlan.removed", { number: removed })}
          </p>
          {actions.length === 0 && <Paragraph>{t("teamPlan.noActions")}</Paragraph>}
          {actions.map((action, i) => {
            const original = loaded.actions.find((a) => a.id === action.id);
            return (
              <ActionEditor
                key={action.id}
                action={action}
                number={i + 1}
                factors={theme.items}
                owner={owner}
                onRemoved={onRemoved}
                details={
                  <>
                    {isDue(action.id) && <DueMark />}
                    {original?.factorId && original.factorId === action.factorId ? (
                      <ScoreChange
                        factorId={original.factorId}
                        change={original.change}
                        comparedWith={original.comparedWith}
                        latest={loaded.latestRound}
                      />
                    ) : null}
                  </>
                }
              />
            );
          })}
          <NewActionForm
            key={`${theme.id}-${initialFactor}`}
            themeId={theme.id}
            factors={theme.items}
            initialFactor={initialFactor}
            owner={owner}
          />

          <nav className="pager" aria-label={t("teamPlan.pagerLabel")}>
            {previous ? (
              <ButtonRouterLink to={`${base}/thema/${previous.id}`} appearance="secondary">
                {t("teamPlan.previousTheme")}
              </ButtonRouterLink>
            ) : (
              <span />
            )}
            {next && (
              <ButtonRouterLink to={`${base}/thema/${next.id}`} appearance="primary">
                {t("teamPlan.nextTheme")}
              </ButtonRouterLink>
            )}
          </nav>
        </section>
      </div>
      <SaveStatus queue={queue} savedText={t("teamPlan.saved")} />
    </PlanEditingContext.Provider>
  );
}
