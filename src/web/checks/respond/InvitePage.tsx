import "./respond.css";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { MIN_ANONYMITY_THRESHOLD } from "../../../domain/teams/perspectives.ts";
import { checksApi, getTool } from "../../api/checks.ts";
import { ApiError } from "../../api/client.ts";
import { teamsApi } from "../../api/teams.ts";
import { LoadError } from "../../app/LoadError.tsx";
import { Loading } from "../../app/Loading.tsx";
import { AppLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { useLoad } from "../../app/useLoad.ts";
import { Alert, Button, Heading2, Paragraph, UnorderedList, UnorderedListItem } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import { askedTool } from "../theme/wording.ts";
import { checkPaths } from "./paths.ts";
import { YouthMessage } from "./YouthMessage.tsx";

/**
 * `/meedoen/:token`: what a respondent is asked to do, in words for their perspective (B1 and "je" for young people),
 * then "Begin" starts an anonymous check in the round. A used personal link, or an open link this browser already
 * handed in through, has no "Begin"; on a shared device (kiosk) a notice says the page resets after each hand-in.
 * Young people come back here after the round closed: then the team's message to them is shown.
 */
export function InvitePage() {
  const { t } = useTranslation();
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
  const by = invite.organisation ? `${invite.teamName} (${invite.organisation})` : invite.teamName;
  // Only one reason not to begin is shown, the most final first: closed, a used personal link, handed in here.
  const stop = !invite.acceptsAnswers
    ? "closed"
    : invite.personal && invite.used
      ? "used"
      : invite.linkOff
        ? "linkOff"
        : invite.handedIn
          ? "handedIn"
          : null;
  const title =
    stop === "closed"
      ? t(`respond.${p}.closedTitle`)
      : stop === "used"
        ? t(`respond.${p}.usedTitle`)
        : stop === "linkOff"
          ? t("respond.linkOffTitle")
          : stop === "handedIn"
            ? t(`respond.${p}.handedInTitle`)
            : t(`respond.${p}.title`);

  async function begin() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { id } = await checksApi.createForInvite(invite.toolId, token);
      const first = askedTool(await getTool(invite.toolId), p).themes[0]?.id ?? "1";
      navigate(checkPaths(id, true).theme(first), { state: { created: true } });
    } catch (e) {
      setError(e instanceof ApiError && !e.transient ? e.message : t(`respond.${p}.network`));
      setBusy(false);
    }
  }

  return (
    <div className={`page-section respond respond--${p}`}>
      <PageHeading title={title}>{title}</PageHeading>
      {stop === "closed" ? (
        invite.youthMessage ? (
          <>
            <Paragraph appearance="lead">{t("respond.youth.closedWithMessage", { team: by, round: invite.roundName })}</Paragraph>
            <YouthMessage message={invite.youthMessage} />
          </>
        ) : (
          <Alert type="warning">
            <Paragraph>{t(`respond.${p}.closed`, { team: by, round: invite.roundName })}</Paragraph>
          </Alert>
        )
      ) : stop === "used" ? (
        <Alert type="info">
          <Paragraph>{t(`respond.${p}.used`)}</Paragraph>
        </Alert>
      ) : stop === "linkOff" ? (
        <Alert type="info">
          <Paragraph>{t(`respond.${p}.linkOff`, { team: by })}</Paragraph>
        </Alert>
      ) : stop === "handedIn" ? (
        <Alert type="ok">
          <Paragraph>{t(`respond.${p}.handedIn`, { round: invite.roundName })}</Paragraph>
        </Alert>
      ) : (
        <>
          {invite.kiosk && (
            <p className="respond__kiosk">
              <strong>{t("respond.kioskLead")}</strong> {t(`respond.${p}.kiosk`)}
            </p>
          )}
          <Paragraph appearance="lead">{t(`respond.${p}.lead`, { team: by, round: invite.roundName })}</Paragraph>
          <section aria-labelledby="zo-werkt-het">
            <Heading2 id="zo-werkt-het">{t(`respond.${p}.howTitle`)}</Heading2>
            <UnorderedList>
              <UnorderedListItem>{t(`respond.${p}.time`)}</UnorderedListItem>
              <UnorderedListItem>{t(`respond.${p}.scale`)}</UnorderedListItem>
              <UnorderedListItem>{t(`respond.${p}.minimum`)}</UnorderedListItem>
              <UnorderedListItem>{t(`respond.${p}.submit`)}</UnorderedListItem>
            </UnorderedList>
          </section>
          <section aria-labelledby="privacy" className="respond__privacy">
            <Heading2 id="privacy">{t(`respond.${p}.privacyTitle`)}</Heading2>
            <UnorderedList>
              <UnorderedListItem>{t(`respond.${p}.anonymous`)}</UnorderedListItem>
              {invite.personal && <UnorderedListItem>{t(`respond.${p}.personal`)}</UnorderedListItem>}
              <UnorderedListItem>{t(`respond.${p}.groups`, { threshold: MIN_ANONYMITY_THRESHOLD })}</UnorderedListItem>
              {!invite.personal && !invite.kiosk && <UnorderedListItem>{t(`respond.${p}.once`)}</UnorderedListItem>}
              {!invite.kiosk && <UnorderedListItem>{t(`respond.${p}.own`)}</UnorderedListItem>}
            </UnorderedList>
            <Paragraph>
              <AppLink to="/privacy">{t(`respond.${p}.privacyLink`)}</AppLink>
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
