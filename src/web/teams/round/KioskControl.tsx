import { useState } from "react";
import { useNavigate } from "react-router";
import { teamsApi } from "../../api/teams.ts";
import type { Perspective } from "../../app/format.ts";
import { FormAlert } from "../../app/ui/Field.tsx";
import { useAction } from "../../app/ui/useAction.ts";
import { Button, Paragraph } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";

type Props = { roundId: string; perspective: Perspective; active: boolean; url: string; onChanged: () => void };

/**
 * Makes this browser a shared device (kiosk) for one perspective and opens its questionnaire; or, when it already is
 * one, says so with a way to stop.
 */
export function KioskControl({ roundId, perspective, active, url, onChanged }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { busy, error, run: runAction } = useAction();
  const [stopped, setStopped] = useState(false);
  const forWhom = t(`perspectives.${perspective}.for`);

  const run = (kind: "start" | "stop") => {
    setStopped(false);
    return runAction(async () => {
      if (kind === "start") {
        const { path } = await teamsApi.startKiosk(roundId, perspective);
        navigate(path);
        return;
      }
      await teamsApi.stopKiosk(roundId);
      setStopped(true);
      onChanged();
    });
  };

  return (
    <div className="perspective-card__kiosk">
      {active ? (
        <>
          <Paragraph>
            <strong>{t("round.kiosk.active")}</strong>{" "}
            <a href={url} className="utrecht-link utrecht-link--html-a">
              {t("round.kiosk.open")}
              <span className="visually-hidden"> {forWhom}</span>
            </a>
          </Paragraph>
          <Button appearance="secondary-action-button" busy={busy} onClick={() => void run("stop")}>
            {t("round.kiosk.stop")}
            <span className="visually-hidden"> {t("round.kiosk.stopHidden", { for: forWhom })}</span>
          </Button>
        </>
      ) : (
        <Button appearance="secondary-action-button" busy={busy} onClick={() => void run("start")}>
          {t("round.kiosk.start")}
          <span className="visually-hidden"> {forWhom}</span>
        </Button>
      )}
      <p role="status" className="inline-status">
        {stopped && `✓ ${t("round.kiosk.stopped")}`}
      </p>
      <FormAlert message={error} />
    </div>
  );
}
