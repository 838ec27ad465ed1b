import "../teams.css";
import "./session.css";
import { useParams } from "react-router";
import { sessionsApi } from "../../api/sessions.ts";
import { teamsApi } from "../../api/teams.ts";
import { useTeamFormat } from "../../app/format.ts";
import { Loading } from "../../app/Loading.tsx";
import { AppLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Frame, PageLoadError, RequireAccount } from "../../app/ui/Frame.tsx";
import { useLoad } from "../../app/useLoad.ts";
import { Button, Heading2, Heading3, Paragraph } from "../../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { SessionGaps, SessionMirror, SessionQuestions } from "./SessionMirror.tsx";

/**
 * `/teams/:id/metingen/:roundId/sessie/verslag`: the session report to print afterwards — per theme the mirror, the
 * largest gaps, the questions and the team plan's actions made at this round.
 */
export function SessionReportPage() {
  const { t } = useTranslation();
  return (
    <Frame wide className="session-report">
      <RequireAccount title={t("session.report")}>
        <Report />
      </RequireAccount>
    </Frame>
  );
}

function Report() {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const { id: teamId = "", roundId = "" } = useParams();
  const load = useLoad(
    async (signal) => {
      const [session, plan] = await Promise.all([sessionsApi.session(roundId, signal), teamsApi.plan(teamId, signal)]);
      return { session, plan };
    },
    [teamId, roundId],
  );
  if (load.status === "loading") return <Loading />;
  if (load.status === "error") return <PageLoadError title={t("session.report")} error={load.error} retry={load.retry} />;
  const { session, plan } = load.data;
  const title = t("sessionReport.title", { name: session.round.name });
  const actions = plan.actions.filter((a) => a.createdInRoundId === roundId);
  return (
    <>
      <AppLink to={`/teams/${teamId}/metingen/${roundId}/sessie`} className="back-link no-print">
        {t("sessionReport.back")}
      </AppLink>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph>{session.teamName}</Paragraph>
      <Paragraph>{t("sessionReport.intro")}</Paragraph>
      <div className="button-row no-print">
        <Button appearance="primary-action-button" onClick={() => window.print()}>
          {t("sessionReport.print")}
        </Button>
      </div>
      {session.themes.map((theme, index) => {
        const mine = actions.filter((a) => a.themeId === theme.id);
        return (
          <section key={theme.id} aria-labelledby={`verslag-thema-${theme.id}`} className="session-report__theme">
            <Heading2 id={`verslag-thema-${theme.id}`}>{t("session.themeHeading", { number: index + 1, title: theme.title })}</Heading2>
            <SessionMirror theme={theme} number={index + 1} perspectives={session.perspectives} />
            <SessionGaps theme={theme} headingId={`verslag-verschillen-${theme.id}`} />
            <SessionQuestions theme={theme} headingId={`verslag-vragen-${theme.id}`} />
            <div className="session-block">
              <Heading3 id={`verslag-acties-${theme.id}`}>{t("sessionReport.actions")}</Heading3>
              {mine.length === 0 ? (
                <Paragraph>{t("sessionReport.noActions")}</Paragraph>
              ) : (
                <ul className="session-captured__list">
                  {mine.map((a) => (
                    <li key={a.id}>
                      {a.factorId && <span className="factor-id">{a.factorId}</span>} <span lang="nl">{a.what}</span>
                      {(a.ownerName || a.who) && <span className="hint"> — {t("sessionReport.who", { who: a.ownerName ?? a.who })}</span>}
                      {a.when && <span className="hint"> — {t("sessionReport.when", { when: format.date(a.when) })}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>
        );
      })}
    </>
  );
}
