import { Link } from "react-router";
import { meanOfScores } from "../../../domain/checks/scoring.ts";
import { useCheck } from "../CheckContext.ts";
import { useFormatters } from "../format.ts";
import { useTranslation } from "../i18n.ts";

/** The seven themes of the plan; the one being edited has aria-current="page". */
export function ThemeSelector({ current }: { current: string }) {
  const { t } = useTranslation();
  const { id, tool, answers, plan } = useCheck();
  const format = useFormatters();
  return (
    <nav className="theme-selector" aria-labelledby="thema-kiezen">
      <h2 id="thema-kiezen" className="theme-selector__title">
        {t("plan.selector.title")}
      </h2>
      <ol className="theme-selector__list">
        {tool.themes.map((theme, index) => {
          const score = meanOfScores(theme.items.map((item) => answers[item.id]));
          const actions = plan.actions.filter((action) => action.themeId === theme.id).length;
          const here = theme.id === current;
          return (
            <li key={theme.id}>
              <Link
                to={`/check/${id}/plan/thema/${theme.id}`}
                className={`theme-selector__link${here ? " theme-selector__link--current" : ""}`}
                aria-current={here ? "page" : undefined}
              >
                <span className="theme-selector__number">{index + 1}</span>
                <span className="theme-selector__text">
                  <span className="theme-selector__name" lang="nl">
                    {theme.title}
                  </span>
                  <span className="theme-selector__meta">
                    {score === null
                      ? t("plan.selector.metaNoScore", { count: actions })
                      : t("plan.selector.meta", { score: format.score(score), count: actions })}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
