import "./respond.css";
import { Alert, Button, Heading2, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { checksApi, getTool } from "../api/checks.ts";
import { ApiError } from "../api/client.ts";
import { LoadError } from "../app/LoadError.tsx";
import { Loading } from "../app/Loading.tsx";
import { AppLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { useLoad } from "../app/useLoad.ts";
import { teamsApi } from "../teams/api.ts";
import { useTeamsT } from "../teams/i18n/index.ts";

/**
 * `/meedoen/:token`: what a respondent is asked to do, in words for their perspective (B1 and "je" for young people),
 * then "Begin" starts an anonymous check in the round.
 */
export function InvitePage() {
  const t = useTeamsT();
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const load = useLoad((signal) => teamsApi.roundInvite(token, signal), [token]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (load.status === "loading") return <Loading />;
  if (load.status === "error") {
    const title = load.error.status === 404 ? t("respond.notFoundTitle") : t("respond.titleFallback");
    return (
      <div className="page-section respond">
        <PageHeading title={title}>{title}</PageHeading>
        {load.error.status === 404 ? <Paragraph>{t("respond.notFound")}</Paragraph> : <LoadError error={load.error} retry={load.retry} />}
      </div>
    );
  }
  const invite = load.data;
  const p = invite.perspective;
  const title = invite.acceptsAnswers ? t(`respond.${p}.title`) : t(`respond.${p}.closedTitle`);
  const by = invite.organisation ? `${invite.teamName} (${invite.organisation})` : invite.teamName;

  async function begin() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { id } = await checksApi.createForInvite(invite.toolId, token);
      const first = (await getTool(invite.toolId)).themes[0]?.id ?? "1";
      navigate(`/check/${id}/thema/${first}`, { state: { created: true } });
    } catch (e) {
      setError(e instanceof ApiError && !e.transient ? e.message : t("common.network"));
      setBusy(false);
    }
  }

  return (
    <div className={`page-section respond respond--${p}`}>
      <PageHeading title={title}>{title}</PageHeading>
      {!invite.acceptsAnswers ? (
        <Alert type="warning">
          <Paragraph>{t(`respond.${p}.closed`, { team: by, round: invite.roundName })}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph appearance="lead">{t(`respond.${p}.lead`, { team: by, round: invite.roundName })}</Paragraph>
          <section aria-labelledby="zo-werkt-het">
            <Heading2 id="zo-werkt-het">{t(`respond.${p}.howTitle`)}</Heading2>
            <UnorderedList>
              <UnorderedListItem>{t(`respond.${p}.time`)}</UnorderedListItem>
              <UnorderedListItem>{t(`respond.${p}.scale`)}</UnorderedListItem>
              <UnorderedListItem>{t(`respond.${p}.submit`)}</UnorderedListItem>
            </UnorderedList>
          </section>
          <section aria-labelledby="privacy" className="respond__privacy">
            <Heading2 id="privacy">{t(`respond.${p}.privacyTitle`)}</Heading2>
            <UnorderedList>
              <UnorderedListItem>{t(`respond.${p}.anonymous`)}</UnorderedListItem>
              <UnorderedListItem>{t(`respond.${p}.groups`)}</UnorderedListItem>
              <UnorderedListItem>{t(`respond.${p}.own`)}</UnorderedListItem>
            </UnorderedList>
            <Paragraph>
              <AppLink to="/privacy">{t("respond.privacyLink")}</AppLink>
            </Paragraph>
          </section>
          {error && (
            <Alert type="error" role="alert">
              <Paragraph>{error}</Paragraph>
            </Alert>
          )}
          <div className="respond__action">
            <Button appearance="primary-action-button" busy={busy} onClick={() => void begin()}>
              {t("respond.begin")}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
