import "./teams.css";
import { useLocation, useParams } from "react-router";
import { teamsApi } from "../api/teams.ts";
import { Loading } from "../app/Loading.tsx";
import { AppLink, ButtonRouterLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { Frame, PageLoadError, RequireAccount } from "../app/ui/Frame.tsx";
import { useLoad } from "../app/useLoad.ts";
import { Alert, Heading2, Paragraph } from "../app/utrecht.tsx";
import { PeersSection } from "./comparison/PeersSection.tsx";
import { DeleteTeam } from "./DeleteTeam.tsx";
import { useTranslation } from "./i18n.ts";
import { Members } from "./Members.tsx";
import { NewRoundForm } from "./NewRoundForm.tsx";
import { NextRoundPlanner } from "./NextRoundPlanner.tsx";
import { RoundList } from "./RoundList.tsx";
import { TeamSettings } from "./TeamSettings.tsx";

/** `/teams/:id`: members, measurement rounds and, for coordinators, new rounds, invites, settings and deletion. */
export function TeamPage() {
  const { t } = useTranslation();
  return (
    <Frame wide>
      <RequireAccount title={t("team.titleFallback")}>
        <TeamOverview />
      </RequireAccount>
    </Frame>
  );
}

function TeamOverview() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { state } = useLocation() as { state: { created?: boolean; joined?: boolean; roundDeleted?: string } | null };
  const load = useLoad((signal) => teamsApi.get(id, signal), [id]);
  if (load.status === "loading") return <Loading />;
  if (load.status === "error") return <PageLoadError title={t("team.titleFallback")} error={load.error} retry={load.retry} />;
  const team = load.data;
  const coordinator = team.myRole === "coordinator";
  const meta = [team.organisation, team.region].filter(Boolean).join(" · ");

  return (
    <>
      <AppLink to="/teams" className="back-link">
        {t("team.back")}
      </AppLink>
      <PageHeading title={team.name}>{team.name}</PageHeading>
      <Paragraph className="team-meta">
        {meta && <span>{meta} · </span>}
        {t("team.yourRole", { role: t(`teams.roles.${team.myRole}`) })}
      </Paragraph>
      {state?.created && (
        <Alert type="ok" role="status">
          <Paragraph>{t("team.created")}</Paragraph>
        </Alert>
      )}
      {state?.joined && (
        <Alert type="ok" role="status">
          <Paragraph>{t("team.joined", { team: team.name })}</Paragraph>
        </Alert>
      )}
      {state?.roundDeleted && (
        <Alert type="ok" role="status">
          <Paragraph>{t("team.roundDeleted", { name: state.roundDeleted })}</Paragraph>
        </Alert>
      )}
      <nav className="team-links" aria-label={t("team.linksLabel")}>
        <ButtonRouterLink to={`/teams/${team.id}/plan`} appearance="secondary">
          {t("team.toPlan")}
        </ButtonRouterLink>
        {team.rounds.length > 0 && (
          <ButtonRouterLink to={`/teams/${team.id}/trend`} appearance="secondary">
            {t("team.toTrend")}
          </ButtonRouterLink>
        )}
      </nav>

      <section aria-labelledby="metingen" className="team-section">
        <Heading2 id="metingen">{t("rounds.title")}</Heading2>
        <RoundList team={team} />
        {coordinator && <NewRoundForm teamId={team.id} first={team.rounds.length === 0} />}
      </section>
      <NextRoundPlanner teamId={team.id} coordinator={coordinator} />

      <Members team={team} onChanged={load.retry} />
      <PeersSection team={team} onChanged={load.retry} />
      {coordinator && <TeamSettings team={team} onSaved={load.retry} />}
      {coordinator && <DeleteTeam team={team} />}
    </>
  );
}
