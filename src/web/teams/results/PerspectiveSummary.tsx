import type { PerspectiveResult } from "../../../domain/teams/aggregation.ts";
import { useTeamFormat } from "../format.ts";
import { useTeamsT } from "../i18n/index.ts";

/** Per perspective the number of responses, and either its overall mean or how many responses are still needed. */
export function PerspectiveSummary({ perspectives, threshold }: { perspectives: PerspectiveResult[]; threshold: number }) {
  const t = useTeamsT();
  const format = useTeamFormat();
  return (
    <ul className="perspective-summary">
      {perspectives.map((result) => (
        <li key={result.perspective} className={`perspective-summary__item perspective-summary__item--${result.perspective}`}>
          <span className="perspective-summary__name">{format.perspective(result.perspective)}</span>
          <span className="perspective-summary__count">{t("rounds.responses", { count: result.responses })}</span>
          {result.visible ? (
            <span className="perspective-summary__mean">
              {t("results.overall")} <strong>{format.score(result.overall)}</strong>
            </span>
          ) : (
            <span className="perspective-summary__hidden">
              {t("results.belowThreshold", { count: threshold - result.responses, threshold })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
