import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import { roundAcceptsAnswers } from "../../../domain/teams/rounds.ts";
import { ApiError } from "../../api/client.ts";
import { type Round, teamsApi } from "../../api/teams.ts";
import { FormAlert } from "../../app/ui/Field.tsx";
import { Button, Heading2, Paragraph } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";

/** Close or reopen a round, or delete it after a confirmation that says what goes. */
export function RoundActions({ round, teamId, onChanged }: { round: Round; teamId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<"close" | "reopen" | "delete" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const total = Object.values(round.responses).reduce((sum, n) => sum + n, 0);
  // A round past its closing date closed by itself and stays closed (the server refuses to reopen it).
  const pastClosingDate = round.closesOn !== null && !roundAcceptsAnswers({ status: "open", closesOn: round.closesOn }, new Date());

  async function run(kind: "close" | "reopen" | "delete") {
    setBusy(kind);
    setError(null);
    setDone(null);
    try {
      if (kind === "close") await teamsApi.closeRound(round.id);
      if (kind === "reopen") await teamsApi.reopenRound(round.id);
      if (kind === "delete") {
        await teamsApi.deleteRound(round.id);
        navigate(`/teams/${teamId}`, { replace: true, state: { roundDeleted: round.name } });
        return;
      }
      setDone(kind === "close" ? t("roundActions.closed") : t("roundActions.reopened"));
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError && !e.transient ? e.message : t("common.network"));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="meting-beheren" className="team-section">
      <Heading2 id="meting-beheren">{t("roundActions.title")}</Heading2>
      <FormAlert message={error} />
      <p role="status" className="inline-status">
        {done && `✓ ${done}`}
      </p>
      {round.status === "open" ? (
        <div className="panel">
          <Paragraph>{t("roundActions.closeIntro")}</Paragraph>
          <Button appearance="primary-action-button" busy={busy === "close"} onClick={() => void run("close")}>
            {t("roundActions.close")}
          </Button>
        </div>
      ) : (
        <div className="panel">
          <Paragraph>
            {round.rawDeletedAt
              ? t("roundActions.rawDeleted")
              : pastClosingDate
                ? t("roundActions.pastClosingDate")
                : t("roundActions.reopenIntro")}
          </Paragraph>
          {!round.rawDeletedAt && !pastClosingDate && (
            <Button appearance="secondary-action-button" busy={busy === "reopen"} onClick={() => void run("reopen")}>
              {t("roundActions.reopen")}
            </Button>
          )}
        </div>
      )}
      <div className="danger-zone">
        {!confirming ? (
          <>
            <Paragraph>{t("roundActions.deleteIntro")}</Paragraph>
            <Button
              appearance="secondary-action-button"
              hint="danger"
              onClick={() => {
                setConfirming(true);
                requestAnimationFrame(() => confirmHeading.current?.focus());
              }}
            >
              {t("roundActions.delete")}
            </Button>
          </>
        ) : (
          <div className="confirm">
            <h3 ref={confirmHeading} tabIndex={-1} className="confirm__title">
              {t("roundActions.confirmTitle", { name: round.name })}
            </h3>
            <Paragraph>{t("roundActions.confirmText", { count: total })}</Paragraph>
            <div className="button-row">
              <Button appearance="primary-action-button" hint="danger" busy={busy === "delete"} onClick={() => void run("delete")}>
                {t("roundActions.confirm", { name: round.name })}
              </Button>
              <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>
                {t("common.cancel")}
              </Button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
