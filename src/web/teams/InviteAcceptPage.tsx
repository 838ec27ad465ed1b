import "./teams.css";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { ApiError } from "../api/client.ts";
import { teamsApi } from "../api/teams.ts";
import { useSession } from "../app/auth/session.ts";
import { Loading } from "../app/Loading.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { Frame, PageLoadError, SignInButtons } from "../app/ui/Frame.tsx";
import { useLoad } from "../app/useLoad.ts";
import { Alert, Button, Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

/** `/teams/uitnodiging/:token`: which team and role; accept (after signing in or up, back here via `next`). */
export function InviteAcceptPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const load = useLoad((signal) => teamsApi.teamInvite(token, signal), [token]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = t("teamInvite.title");
  const here = `/teams/uitnodiging/${token}`;

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      const { teamId } = await teamsApi.acceptInvite(token);
      navigate(`/teams/${teamId}`, { replace: true, state: { joined: true } });
    } catch (e) {
      setError(e instanceof ApiError && !e.transient ? e.message : t("common.network"));
      setBusy(false);
    }
  }

  if (load.status === "loading" || session.status === "loading") return <Loading />;
  if (load.status === "error") {
    return (
      <Frame>
        {load.error.status === 404 ? (
          <>
            <PageHeading title={t("teamInvite.notFoundTitle")}>{t("teamInvite.notFoundTitle")}</PageHeading>
            <Paragraph>{t("teamInvite.notFound")}</Paragraph>
          </>
        ) : (
          <PageLoadError title={title} error={load.error} retry={load.retry} />
        )}
      </Frame>
    );
  }
  const { teamName, role } = load.data;
  const user = session.status === "ready" ? session.user : null;
  return (
    <Frame>
      <PageHeading title={title}>{t("teamInvite.heading", { team: teamName })}</PageHeading>
      <Paragraph appearance="lead">{t(`teamInvite.role.${role}`, { team: teamName })}</Paragraph>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {user ? (
        <>
          <Paragraph>{t("teamInvite.as", { name: user.name })}</Paragraph>
          <Button appearance="primary-action-button" busy={busy} onClick={() => void accept()}>
            {t("teamInvite.accept", { team: teamName })}
          </Button>
        </>
      ) : (
        <>
          <Paragraph>{t("teamInvite.signInFirst")}</Paragraph>
          <SignInButtons back={here} />
        </>
      )}
    </Frame>
  );
}
