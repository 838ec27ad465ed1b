import { useState } from "react";
import { managementLinkInputSchema } from "../../../domain/teams/inputs.ts";
import { type ManagementLink, managementApi } from "../../api/management.ts";
import { useTeamFormat } from "../../app/format.ts";
import { CopyLink } from "../../app/ui/CopyLink.tsx";
import { Field, FormAlert } from "../../app/ui/Field.tsx";
import { apiMessage, useAction } from "../../app/ui/useAction.ts";
import { invalid, useForm } from "../../app/ui/useForm.ts";
import { useLoad } from "../../app/useLoad.ts";
import { Button, Heading2, Heading3, Paragraph, Textbox } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";

const dutchToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
/** The same day a number of months later (clamped to the month's end), as the server counts its 12-month limit. */
function monthsAhead(day: string, months: number): string {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * "Delen met management" (coordinators): read-only links to the round's management summary for a manager or
 * alderman, each working through a chosen day (at most 12 months ahead) until revoked.
 */
export function ManagementLinks({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const [expiresOn, setExpiresOn] = useState(() => monthsAhead(dutchToday(), 3));
  const [done, setDone] = useState<"created" | "revoked" | null>(null);
  const load = useLoad((signal) => managementApi.list(roundId, signal), [roundId]);
  const revoke = useAction();
  const create = useForm(
    () => {
      const today = dutchToday();
      if (!managementLinkInputSchema.safeParse({ expiresOn }).success) return invalid({ expiresOn: t("round.management.dateError") });
      if (expiresOn < today) return invalid({ expiresOn: t("round.management.datePast") });
      if (expiresOn > monthsAhead(today, 12)) return invalid({ expiresOn: t("round.management.dateTooFar") });
      return { value: expiresOn };
    },
    async (day) => {
      await managementApi.create(roundId, day);
      setDone("created");
      load.retry();
    },
    { fields: ["expiresOn"] },
  );

  async function remove(link: ManagementLink) {
    setDone(null);
    if (await revoke.run(() => managementApi.revoke(roundId, link.token))) {
      setDone("revoked");
      load.retry();
    }
  }

  const list = load.status === "ready" ? load.data : [];
  return (
    <section aria-labelledby="delen-met-management" className="team-section management-links">
      <Heading2 id="delen-met-management">{t("round.management.title")}</Heading2>
      <Paragraph>{t("round.management.intro")}</Paragraph>
      <form
        ref={create.form}
        noValidate
        onSubmit={(e) => {
          setDone(null);
          void create.onSubmit(e);
        }}
        aria-labelledby="delen-met-management"
        className="panel stack-form"
      >
        <FormAlert message={create.errors.form} />
        <Field
          id="managementlink-geldig-tot"
          label={t("round.management.expiresOn")}
          description={t("round.management.expiresOnHint")}
          error={create.errors.expiresOn}
        >
          {(props) => (
            <Textbox
              {...props}
              type="date"
              required
              className="date-input"
              value={expiresOn}
              onChange={(e) => {
                setExpiresOn(e.target.value);
                create.clearError("expiresOn");
              }}
            />
          )}
        </Field>
        <div className="button-row">
          <Button type="submit" appearance="primary-action-button" busy={create.busy}>
            {t("round.management.create")}
          </Button>
        </div>
      </form>
      <p role="status" className="inline-status">
        {done === "created" && `✓ ${t("round.management.created")}`}
        {done === "revoked" && `✓ ${t("round.management.revoked")}`}
      </p>
      <FormAlert message={revoke.error ?? (load.status === "error" ? apiMessage(load.error, t("common.network")) : null)} />
      {list.length > 0 && (
        <>
          <Heading3>{t("round.management.listTitle")}</Heading3>
          <ul className="management-links__list">
            {list.map((link, index) => (
              <li key={link.token} className="panel management-links__item">
                <CopyLink
                  id={`managementlink-${index + 1}`}
                  url={link.url}
                  label={t("round.management.linkLabel", { date: format.date(link.expiresOn) })}
                  buttonLabel={t("round.management.copy")}
                />
                <Paragraph appearance="small">
                  {t("round.management.madeBy", {
                    date: format.date(link.createdAt),
                    name: link.createdByName ?? t("round.management.someone"),
                  })}
                </Paragraph>
                <Button appearance="secondary-action-button" busy={revoke.busy} onClick={() => void remove(link)}>
                  {t("round.management.revoke")}
                  <span className="visually-hidden"> {t("round.management.revokeWhich", { date: format.date(link.expiresOn) })}</span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
