import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useTeamsT } from "../teams/i18n/index.ts";
import { answeredCount, useCheck } from "./CheckContext.ts";

export type ProgressStep =
  | { kind: "theme"; themeId: string }
  | { kind: "scores" }
  | { kind: "tips" }
  | { kind: "plan" }
  | { kind: "submit" };

/**
 * Steps 1–7 (one per theme) plus scores, tips and plan; the current one has aria-current="step". A respondent in a
 * measurement round has "Inleveren" after the themes, then (once handed in) scores and tips, and no plan.
 */
export function ProgressNav({ current }: { current: ProgressStep }) {
  const { t } = useTranslation();
  const teamsT = useTeamsT();
  const { id, tool, answers, round, submittedAt } = useCheck();
  const { answered, total } = answeredCount(tool, answers);
  const isCurrent = (step: ProgressStep) =>
    step.kind === current.kind && (step.kind !== "theme" || (current.kind === "theme" && current.themeId === step.themeId));

  const scores = { step: { kind: "scores" } as const, to: `/check/${id}/resultaten`, label: t("progress.scores") };
  const tips = { step: { kind: "tips" } as const, to: `/check/${id}/tips`, label: t("progress.tips") };
  const finals: { step: ProgressStep; to: string; label: string }[] = round
    ? [
        {
          step: { kind: "submit" },
          to: `/check/${id}/inleveren`,
          label: submittedAt ? teamsT("respond.progress.submitted") : teamsT("respond.progress.submit"),
        },
        ...(submittedAt ? [scores, tips] : []),
      ]
    : [scores, tips, { step: { kind: "plan" }, to: `/check/${id}/plan`, label: t("progress.plan") }];

  return (
    <nav className="progress" aria-label={t("progress.label")}>
      <ol className="progress__list">
        {tool.themes.map((theme, index) => {
          const open = theme.items.filter((item) => answers[item.id] === undefined).length;
          const done = open === 0;
          const here = isCurrent({ kind: "theme", themeId: theme.id });
          return (
            <li key={theme.id} className="progress__item">
              <Link
                to={`/check/${id}/thema/${theme.id}`}
                className={`progress__link progress__link--theme${done ? " progress__link--done" : ""}${here ? " progress__link--current" : ""}`}
                aria-current={here ? "step" : undefined}
              >
                <span aria-hidden="true">{index + 1}</span>
                <span className="visually-hidden">
                  {t("progress.themeStep", { number: index + 1, total: tool.themes.length, title: theme.title })}
                  {done ? ` (${t("progress.themeDone")})` : ` (${t("progress.themeOpen", { count: open })})`}
                </span>
              </Link>
            </li>
          );
        })}
        {finals.map(({ step, to, label }) => {
          const here = isCurrent(step);
          return (
            <li key={step.kind} className="progress__item progress__item--final">
              <Link
                to={to}
                className={`progress__link progress__link--final${here ? " progress__link--current" : ""}`}
                aria-current={here ? "step" : undefined}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ol>
      <p className="progress__count">
        {round?.perspective === "youth"
          ? teamsT("respond.youth.answered", { answered, total })
          : t("progress.answered", { answered, total })}
      </p>
    </nav>
  );
}
