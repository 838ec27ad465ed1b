import { Link } from "react-router";
import { answeredCount, useCheck } from "./CheckContext.ts";
import { useTranslation } from "./i18n.ts";
import { checkPaths } from "./respond/paths.ts";
import { themeTitle, wordingOf } from "./theme/wording.ts";

export type ProgressStep =
  | { kind: "theme"; themeId: string }
  | { kind: "scores" }
  | { kind: "tips" }
  | { kind: "plan" }
  | { kind: "submit" };

/**
 * One step per theme plus scores, tips and plan; the current one has aria-current="step". A respondent in a measurement
 * round sees only the themes their group is asked, then "Inleveren" (once handed in: "Ingeleverd", to the thanks page);
 * a professional respondent then also their own scores and tips. There is no plan for respondents.
 */
export function ProgressNav({ current }: { current: ProgressStep }) {
  const { t } = useTranslation();
  const { id, tool, answers, round, submittedAt } = useCheck();
  const wording = wordingOf(round);
  const paths = checkPaths(id, Boolean(round));
  const { answered, total } = answeredCount(tool, answers);
  const isCurrent = (step: ProgressStep) =>
    step.kind === current.kind && (step.kind !== "theme" || (current.kind === "theme" && current.themeId === step.themeId));

  const scores = { step: { kind: "scores" } as const, to: paths.scores, label: t("progress.scores") };
  const tips = { step: { kind: "tips" } as const, to: paths.tips, label: t("progress.tips") };
  const finals: { step: ProgressStep; to: string; label: string }[] = round
    ? [
        {
          step: { kind: "submit" },
          to: submittedAt ? paths.done : paths.submit,
          label: submittedAt ? t("respond.progress.submitted") : t("respond.progress.submit"),
        },
        ...(submittedAt && wording === "professional" ? [scores, tips] : []),
      ]
    : [scores, tips, { step: { kind: "plan" }, to: paths.plan, label: t("progress.plan") }];

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
                to={paths.theme(theme.id)}
                className={`progress__link progress__link--theme${done ? " progress__link--done" : ""}${here ? " progress__link--current" : ""}`}
                aria-current={here ? "step" : undefined}
              >
                <span aria-hidden="true">{index + 1}</span>
                <span className="visually-hidden">
                  {t("progress.themeStep", { number: index + 1, total: tool.themes.length, title: themeTitle(theme, wording) })}
                  {done
                    ? ` (${t("progress.themeDone")})`
                    : round
                      ? ` (${t(`respond.${wording}.themeOpen`, { count: open })})`
                      : ` (${t("progress.themeOpen", { count: open })})`}
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
        {round ? t(`respond.${wording}.answered`, { answered, total }) : t("progress.answered", { answered, total })}
      </p>
    </nav>
  );
}
