import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { answeredCount, useCheck } from "./CheckContext.ts";

export type ProgressStep = { kind: "theme"; themeId: string } | { kind: "scores" } | { kind: "tips" } | { kind: "plan" };

/** Steps 1–7 (one per theme) plus scores, tips and plan; the current one has aria-current="step". */
export function ProgressNav({ current }: { current: ProgressStep }) {
  const { t } = useTranslation();
  const { id, tool, answers } = useCheck();
  const { answered, total } = answeredCount(tool, answers);
  const isCurrent = (step: ProgressStep) =>
    step.kind === current.kind && (step.kind !== "theme" || (current.kind === "theme" && current.themeId === step.themeId));

  const finals = [
    { step: { kind: "scores" } as const, to: `/check/${id}/resultaten`, label: t("progress.scores") },
    { step: { kind: "tips" } as const, to: `/check/${id}/tips`, label: t("progress.tips") },
    { step: { kind: "plan" } as const, to: `/check/${id}/plan`, label: t("progress.plan") },
  ];

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
      <p className="progress__count">{t("progress.answered", { answered, total })}</p>
    </nav>
  );
}
