import type { ReactNode } from "react";
import type { PerspectiveInvite } from "../../api/teams.ts";
import { type Perspective, useTeamFormat } from "../../app/format.ts";
import { CopyLink } from "../../app/ui/CopyLink.tsx";
import { useTranslation } from "../i18n.ts";

type Props = {
  perspective: Perspective;
  invite: PerspectiveInvite | null;
  responses: number;
  threshold: number;
  open: boolean;
  /** The team switched this perspective's open link off: its link and QR code are not shown. */
  linkOff?: boolean;
  /** Shown at the bottom of the card, e.g. the shared-device control. */
  children?: ReactNode;
};

/** One perspective of a round: how many responded, and (for coordinators) its link with copy button and QR code. */
export function PerspectiveInviteCard({ perspective, invite, responses, threshold, open, linkOff = false, children }: Props) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const label = format.perspective(perspective);
  const forWhom = t(`perspectives.${perspective}.for`);
  const missing = Math.max(0, threshold - responses);
  const headingId = `perspectief-${perspective}`;
  return (
    <section className={`perspective-card perspective-card--${perspective}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="perspective-card__title">
        {label}
      </h3>
      <p className="perspective-card__who">{t(`perspectives.${perspective}.who`)}</p>
      <p className="perspective-card__count">
        <strong>{t("rounds.responses", { count: responses })}</strong>
        <br />
        <span>{missing > 0 ? t("round.missing", { count: missing }) : t("round.enough")}</span>
      </p>
      {invite && open && !linkOff && (
        <>
          <CopyLink
            id={`link-${perspective}`}
            url={invite.url}
            label={t("round.linkLabel", { for: forWhom })}
            buttonLabel={
              <>
                {t("common.copyLink")}
                <span className="visually-hidden"> {forWhom}</span>
              </>
            }
          />
          <div className="perspective-card__qr">
            <img src={invite.qrSvg} alt={t("round.qrAlt", { for: forWhom })} width={160} height={160} />
            <a href={invite.qrSvg} download={`qr-code-${perspective}.svg`} className="utrecht-link utrecht-link--html-a">
              {t("round.qrDownload")}
              <span className="visually-hidden"> {forWhom}</span>
            </a>
          </div>
        </>
      )}
      {invite && !open && <p className="perspective-card__closed">{t("round.linkClosed")}</p>}
      {children}
    </section>
  );
}
