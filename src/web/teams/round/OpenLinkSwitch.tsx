import { teamsApi } from "../../api/teams.ts";
import type { Perspective } from "../../app/format.ts";
import { FormAlert } from "../../app/ui/Field.tsx";
import { useAction } from "../../app/ui/useAction.ts";
import { Button, Paragraph } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";

type Props = { roundId: string; perspective: Perspective; open: boolean; onChanged: () => void };

/** Switches a perspective's open link off (personal invitations only) or on again. */
export function OpenLinkSwitch({ roundId, perspective, open, onChanged }: Props) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const forWhom = t(`perspectives.${perspective}.for`);
  const toggle = () =>
    run(async () => {
      await teamsApi.setOpenLink(roundId, perspective, !open);
      onChanged();
    });

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
