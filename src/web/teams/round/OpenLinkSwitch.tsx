import { Button, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { teamsApi } from "../api.ts";
import type { Perspective } from "../format.ts";
import { useTeamsT } from "../i18n/index.ts";
import { FormAlert } from "../ui/Field.tsx";

type Props = { roundId: string; perspective: Perspective; open: boolean; onChanged: () => void };

/** Switches a perspective's open link off (personal invitations only) or on again. */
export function OpenLinkSwitch({ roundId, perspective, open, onChanged }: Props) {
  const t = useTeamsT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const forWhom = t(`perspectives.${perspective}.for`);

  async function toggle() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await teamsApi.setOpenLink(roundId, perspective, !open);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError && !e.transient ? e.message : t("common.network"));
    }
    setBusy(false);
  }

  return (
    <div className="perspective-card__open-link">
      <Paragraph>{open ? t("round.openLink.on") : <strong>{t("round.openLink.off")}</strong>}</Paragraph>
      <Button appearance="secondary-action-button" busy={busy} onClick={() => void toggle()}>
        {open ? t("round.openLink.switchOff") : t("round.openLink.switchOn")}
        <span className="visually-hidden"> {forWhom}</span>
      </Button>
      <FormAlert message={error} />
    </div>
  );
}
