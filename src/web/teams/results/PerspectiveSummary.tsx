import type { PerspectiveResult } from "../../../domain/teams/aggregation.ts";
import type { RoundResults } from "../../api/teams.ts";
import { perspectiveColumns, useTeamFormat } from "../../app/format.ts";
import { useTranslation } from "../i18n.ts";

type Props = {
  perspectives: PerspectiveResult[];
  threshold: number;
  /** Counted responses by the way they came in; shown only once any personal invitation was used. */
  channels?: RoundResults["channels"];
};

/**
 * Per perspective the number of responses and either its overall mean (with the responses waiting for the next step)
 * or how many responses are still needed.
 */
export function PerspectiveSummary({ perspectives, threshold, channels }: Props) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const showChannels = channels !== undefined && Object.values(channels).some((c) => c.personal > 0);
  return (
    <ul className="perspective-summary" style={perspectiveColumns(perspectives.length)}>
      {perspectives.map((result) => {
        const channel = channels?.[result.perspective];
        return (
          <li key={result.perspective} className={`perspective-summary__item perspective-summary__item--${result.perspective}`}>
            <span className="perspective-summary__name">{format.perspective(result.perspective)}</span>
            <span className="perspective-summary__count">{t("rounds.responses", { count: result.responses })}</span>
            {showChannels && channel && (
              <span className="perspective-summary__hidden">
                {t("results.channels", { open: channel.open, personal: channel.personal })}
              </span>
            )}
            {result.visible ? (
              <>
                <span className="perspective-summary__mean">
                  {t("results.overall")} <strong>{result.overall === null ? t("results.tooFew") : format.score(result.overall)}</strong>
                </span>
                {result.waiting > 0 && (
                  <span className="perspective-summary__hidden">{t("results.waiting", { count: result.waiting })}</span>
                )}
              </>
            ) : (
              <span className="perspective-summary__hidden">
                {t("results.belowThreshold", { count: Math.max(1, threshold - result.responses), threshold })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
