import "../teams.css";
import { useLocation, useParams } from "react-router";
import { teamsApi } from "../../api/teams.ts";
import { perspectiveColumns, useTeamFormat } from "../../app/format.ts";
import { Loading } from "../../app/Loading.tsx";
import { AppLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Frame, PageLoadError, RequireAccount } from "../../app/ui/Frame.tsx";
import { StatusBadge } from "../../app/ui/StatusBadge.tsx";
import { useLoad } from "../../app/useLoad.ts";
import { Alert, Heading2, Paragraph } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import { KioskControl } from "./KioskControl.tsx";
import { ManagementLinks } from "./ManagementLinks.tsx";
import { OpenLinkSwitch } from "./OpenLinkSwitch.tsx";
import { PersonalInvites } from "./PersonalInvites.tsx";
import { PerspectiveInviteCard } from "./PerspectiveInviteCard.tsx";
import { RoundActions } from "./RoundActions.tsx";
import { RoundTabs } from "./RoundTabs.tsx";
import { YouthMessage } from "./YouthMessage.tsx";

/**
 * `/teams/:id/metingen/:roundId`: the links and QR codes of the groups the round asks, response counts, after closing
 * the message to the young people, close/reopen/delete.
 */
export function RoundPage() {
  const { t } = useTranslation();
  return (
    <Frame wide>
      <RequireAccount title={t("round.titleFallback")}>
        <RoundOverview />
      </RequireAccount>
    </Frame>
  );
}

function RoundOverview() {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const { id: teamId = "", roundId = "" } = useParams();
  const { state } = useLocation() as { state: { created?: boolean } | null };
  const load = useLoad(
    async (signal) => {
      const [round, team] = await Promise.all([teamsApi.round(roundId, signal), teamsApi.get(teamId, signal)]);
      return { round, team };
    },
    [roundId, teamId],
  );
  if (load.status === "loading") return <Loading />;
  if (load.status === "error") return <PageLoadError title={t("round.titleFallback")} error={load.error} retry={load.retry} />;
  const { round, team } = load.data;
  const title = t("round.title", { name: round.name });

  return (
    <>
      <AppLink to={`/teams/${teamId}`} className="back-link">
        {t("round.back", { team: team.name })}
      </AppLink>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="round-status">
        <StatusBadge status={round.status} />{" "}
        <span>
          {t("rounds.started", { date: format.date(round.startedAt) })}
          {round.closesOn && round.status === "open" && ` · ${t("rounds.closesOn", { date: format.date(round.closesOn) })}`}
          {round.closedAt && round.status === "closed" && ` · ${t("rounds.closedOn", { date: format.date(round.closedAt) })}`}
        </span>
      </p>
      <RoundTabs teamId={teamId} roundId={round.id} />
      {state?.created && (
        <Alert type="ok" role="status">
          <Paragraph>{t("round.created")}</Paragraph>
        </Alert>
      )}
      {round.status === "open" && !round.acceptsAnswers && (
        <Alert type="warning">
          <Paragraph>{t("round.pastClosingDate")}</Paragraph>
        </Alert>
      )}
      <Alert type="info" className="anonymity-note">
        <Paragraph>
          <strong>{t("round.anonymousLead")}</strong> {t("round.anonymous", { threshold: round.threshold })}
        </Paragraph>
      </Alert>

      <section aria-labelledby="links-per-perspectief" className="team-section">
        <Heading2 id="links-per-perspectief">{round.invites ? t("round.invitesTitle") : t("round.countsTitle")}</Heading2>
        {round.invites && <Paragraph>{t("round.invitesIntro")}</Paragraph>}
        {!round.invites && <Paragraph>{t("round.invitesOnlyCoordinators")}</Paragraph>}
        <Paragraph>{t("round.countRule")}</Paragraph>
        {round.invites && <Paragraph>{t("round.onceHelp")}</Paragraph>}
        {round.invites && round.acceptsAnswers && <Paragraph>{t("round.openLink.help")}</Paragraph>}
        {round.invites && round.acceptsAnswers && (
          <Paragraph>
            <strong>{t("round.kiosk.title")}:</strong> {t("round.kiosk.help")}
          </Paragraph>
        )}
        <div
          className={`perspective-grid perspective-grid--${round.perspectives.length}`}
          style={perspectiveColumns(round.perspectives.length)}
        >
          {round.perspectives.map((p) => {
            const invite = round.invites?.[p] ?? null;
            return (
              <PerspectiveInviteCard
                key={p}
                perspective={p}
                invite={invite}
                responses={round.responses[p]}
                threshold={round.threshold}
                open={round.acceptsAnswers}
                linkOff={!round.openLinks[p]}
              >
                {invite && round.acceptsAnswers && (
                  <OpenLinkSwitch roundId={round.id} perspective={p} open={round.openLinks[p]} onChanged={load.retry} />
                )}
                {invite && round.openLinks[p] && (round.acceptsAnswers || round.kiosk === p) && (
                  <KioskControl roundId={round.id} perspective={p} active={round.kiosk === p} url={invite.url} onChanged={load.retry} />
                )}
              </PerspectiveInviteCard>
            );
          })}
        </div>
      </section>

      {round.status === "closed" && round.perspectives.includes("youth") && (
        <YouthMessage roundId={round.id} message={round.youthMessage} canEdit={team.myRole === "coordinator"} onChanged={load.retry} />
      )}

      {round.personalInvites && (
        <PersonalInvites
          roundId={round.id}
          perspectives={round.perspectives}
          invites={round.personalInvites}
          open={round.acceptsAnswers}
          onSent={load.retry}
        />
      )}

      {team.myRole === "coordinator" && <ManagementLinks roundId={round.id} />}

      {team.myRole === "coordinator" && <RoundActions round={round} teamId={teamId} onChanged={load.retry} />}
    </>
  );
}
