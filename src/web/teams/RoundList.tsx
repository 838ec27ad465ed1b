import type { Team } from "../api/teams.ts";
import { useTeamFormat } from "../app/format.ts";
import { AppLink } from "../app/links.tsx";
import { StatusBadge } from "../app/ui/StatusBadge.tsx";
import { Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

/** The team's rounds, newest first: status, responses of each group the round asks and where to go next. */
export function RoundList({ team }: { team: Team }) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  if (team.rounds.length === 0) {
    return <Paragraph>{team.myRole === "coordinator" ? t("rounds.noneCoordinator") : t("rounds.none")}</Paragraph>;
  }
  return (
    <ul className="card-list">
      {team.rounds.map((round) => {
        const base = `/teams/${team.id}/metingen/${round.id}`;
        const headingId = `meting-${round.id}`;
        return (
          <li key={round.id} className="card round-card">
            <div className="round-card__head">
              <h3 id={headingId} className="round-card__title">
                <AppLink to={base}>{round.name}</AppLink>
              </h3>
              <StatusBadge status={round.status} />
            </div>
            <p className="card__meta">
              {t("rounds.started", { date: format.date(round.startedAt) })}
              {round.closesOn && round.status === "open" && ` · ${t("rounds.closesOn", { date: format.date(round.closesOn) })}`}
              {round.closedAt && round.status === "closed" && ` · ${t("rounds.closedOn", { date: format.date(round.closedAt) })}`}
            </p>
            <ul className="response-counts" aria-label={t("rounds.responsesLabel")}>
              {round.perspectives.map((p) => (
                <li key={p}>
                  <span className="response-counts__label">{format.perspective(p)}</span>{" "}
                  <span className="response-counts__value">{t("rounds.responses", { count: round.responses[p] })}</span>
                </li>
              ))}
            </ul>
            <p className="round-card__links">
              <AppLink to={base}>
                {team.myRole === "coordinator" ? t("rounds.manage") : t("rounds.view")}
                <span className="visually-hidden"> {round.name}</span>
              </AppLink>
              <AppLink to={`${base}/resultaten`}>
                {t("rounds.results")}
                <span className="visually-hidden"> {round.name}</span>
              </AppLink>
              <AppLink to={`${base}/spiegel`}>
                {t("rounds.mirror")}
                <span className="visually-hidden"> {round.name}</span>
              </AppLink>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
