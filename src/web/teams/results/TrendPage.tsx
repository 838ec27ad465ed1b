import "../teams.css";
import "./trend.css";
import { useParams } from "react-router";
import { getMainTool, getTool } from "../../api/checks.ts";
import { teamsApi } from "../../api/teams.ts";
import { PERSPECTIVES, type Perspective } from "../../app/format.ts";
import { Loading } from "../../app/Loading.tsx";
import { AppLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Frame, PageLoadError, RequireAccount } from "../../app/ui/Frame.tsx";
import { useLoad } from "../../app/useLoad.ts";
import { Alert, Heading2, Paragraph } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import { RoundTabs } from "../round/RoundTabs.tsx";
import { FactorTrend } from "./FactorTrend.tsx";
import { TrendFigure, TrendTable } from "./TrendParts.tsx";

/** `/teams/:id/trend`: per theme the mean of every perspective, round after round. */
export function TrendPage() {
  const { t } = useTranslation();
  return (
    <Frame wide>
      <RequireAccount title={t("trend.titleFallback")}>
        <Trend />
      </RequireAccount>
    </Frame>
  );
}

function Trend() {
  const { t } = useTranslation();
  const { id: teamId = "" } = useParams();
  const load = useLoad(
    async (signal) => {
      const [trend, team] = await Promise.all([teamsApi.trend(teamId, signal), teamsApi.get(teamId, signal)]);
      const tool = await (team.rounds[0] ? getTool(team.rounds[0].toolId) : getMainTool()); // the latest round's tool
      return { trend, team, tool };
    },
    [teamId],
  );
  if (load.status === "loading") return <Loading />;
  if (load.status === "error") return <PageLoadError title={t("trend.titleFallback")} error={load.error} retry={load.retry} />;
  const { trend, team, tool } = load.data;
  const title = t("trend.title", { team: team.name });
  const latest = team.rounds[0];
  // A round that did not ask a group has no figure for it: the table says "niet gevraagd", not "te weinig antwoorden".
  const asks = (roundId: string, p: Perspective) => team.rounds.find((r) => r.id === roundId)?.perspectives.includes(p) ?? true;
  const shown = PERSPECTIVES.filter((p) =>
    Object.values(trend.themes).some((points) => points.some((point) => point.means[p] !== undefined)),
  );

  return (
    <>
      <AppLink to={`/teams/${teamId}`} className="back-link">
        {t("round.back", { team: team.name })}
      </AppLink>
      <PageHeading title={title}>{title}</PageHeading>
      {latest && <RoundTabs teamId={teamId} roundId={latest.id} />}
      <Paragraph appearance="lead">{t("trend.intro")}</Paragraph>
      {shown.length > 0 && (
        <Paragraph>
          <a className="utrecht-link utrecht-link--html-a" href="#trend-per-factor">
            {t("factorTrend.skip")}
          </a>
        </Paragraph>
      )}
      {trend.rounds.length < 2 && (
        <Alert type="info">
          <Paragraph>{t("trend.oneRound")}</Paragraph>
        </Alert>
      )}
      {shown.length === 0 ? (
        <Paragraph>{t("trend.nothing")}</Paragraph>
      ) : (
        tool.themes.map((theme, index) => {
          const points = trend.themes[theme.id] ?? [];
          const headingId = `trend-${theme.id}`;
          return (
            <section key={theme.id} aria-labelledby={headingId} className="team-section trend-theme">
              <Heading2 id={headingId} lang="nl">
                {t("common.themeTitle", { number: index + 1, title: theme.title })}
              </Heading2>
              {points.length === 0 ? (
                <Paragraph>{t("trend.noPoints")}</Paragraph>
              ) : (
                <div className="trend-theme__body">
                  <TrendFigure
                    id={`${headingId}-grafiek`}
                    points={points}
                    perspectives={shown}
                    caption={t("trend.chartName", { number: index + 1 })}
                  />
                  <TrendTable
                    id={`${headingId}-tabel`}
                    title={t("trend.tableCaption", { number: index + 1 })}
                    points={points}
                    perspectives={shown}
                    asked={asks}
                  />
                </div>
              )}
            </section>
          );
        })
      )}
      {shown.length > 0 && <FactorTrend trend={trend} tool={tool} perspectives={shown} asks={asks} />}
    </>
  );
}
