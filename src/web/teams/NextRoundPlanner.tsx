import { useState } from "react";
import { NEXT_ROUND_MAX_MONTHS, NEXT_ROUND_REMINDER_DAYS, nextRoundInputSchema, plannedDateProblem } from "../../domain/teams/followup.ts";
import { followupApi } from "../api/followup.ts";
import { useTeamFormat } from "../app/format.ts";
import { Field, FormAlert } from "../app/ui/Field.tsx";
import { apiMessage, useAction } from "../app/ui/useAction.ts";
import { invalid, useForm } from "../app/ui/useForm.ts";
import { useLoad } from "../app/useLoad.ts";
import { Button, Heading2, Paragraph, Textbox } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

/**
 * "Volgende meting": the day the team plans its next round. Everyone in the team sees it; coordinators set or clear
 * it, and get a reminder mail NEXT_ROUND_REMINDER_DAYS days before (once per chosen day).
 */
export function NextRoundPlanner({ teamId, coordinator }: { teamId: string; coordinator: boolean }) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const load = useLoad((signal) => followupApi.nextRound(teamId, signal), [teamId]);
  const [day, setDay] = useState<string | null>(null);
  const [done, setDone] = useState<"saved" | "cleared" | null>(null);
  const clear = useAction();
  const planned = load.status === "ready" ? load.data : null;
  const value = day ?? planned?.plannedOn ?? "";

  const save = useForm(
    () => {
      if (value === "") return invalid({ plannedOn: t("nextRound.dateMissing") });
      if (!nextRoundInputSchema.safeParse({ plannedOn: value }).success) return invalid({ plannedOn: t("nextRound.dateError") });
      const problem = plannedDateProblem(value, new Date());
      if (problem) return invalid({ plannedOn: t("nextRound.dateProblem", { problem }) });
      return { value };
    },
    async (plannedOn) => {
      await followupApi.planNextRound(teamId, plannedOn);
      setDay(null);
      setDone("saved");
      load.retry();
    },
    { fields: ["plannedOn"] },
  );

  async function removePlanning() {
    setDone(null);
    if (await clear.run(async () => void (await followupApi.planNextRound(teamId, null)))) {
      setDay(null);
      setDone("cleared");
      load.retry();
    }
  }

  const summary = planned?.plannedOn
    ? t("nextRound.planned", { date: format.date(planned.plannedOn) })
    : planned
      ? t("nextRound.none")
      : null;

  return (
    <section aria-labelledby="volgende-meting" className="team-section next-round">
      <Heading2 id="volgende-meting">{t("nextRound.title")}</Heading2>
      {summary && <Paragraph>{summary}</Paragraph>}
      {planned?.plannedOn && (
        <Paragraph appearance="small">
          {planned.reminderSentAt
            ? t("nextRound.reminderSent", { date: format.date(planned.reminderSentAt) })
            : t("nextRound.reminderLater", { days: NEXT_ROUND_REMINDER_DAYS })}
        </Paragraph>
      )}
      <FormAlert message={load.status === "error" ? apiMessage(load.error, t("common.network")) : null} />
      {coordinator && planned && (
        <form
          ref={save.form}
          noValidate
          onSubmit={(e) => {
            setDone(null);
            void save.onSubmit(e);
          }}
          aria-labelledby="volgende-meting"
          className="panel stack-form"
        >
          <FormAlert message={save.errors.form ?? clear.error} />
          <Field
            id="volgende-meting-datum"
            label={t("nextRound.date")}
            description={t("nextRound.dateHint", { months: NEXT_ROUND_MAX_MONTHS })}
            error={save.errors.plannedOn}
          >
            {(props) => (
              <Textbox
                {...props}
                type="date"
                required
                className="date-input"
                value={value}
                onChange={(e) => {
                  setDay(e.target.value);
                  setDone(null);
                  save.clearError("plannedOn");
                }}
              />
            )}
          </Field>
          <div className="button-row">
            <Button type="submit" appearance="primary-action-button" busy={save.busy}>
              {t("nextRound.save")}
            </Button>
            {planned.plannedOn && (
              <Button type="button" appearance="secondary-action-button" busy={clear.busy} onClick={() => void removePlanning()}>
                {t("nextRound.clear")}
              </Button>
            )}
          </div>
        </form>
      )}
      <p role="status" className="inline-status">
        {done === "saved" && `✓ ${t("nextRound.saved")}`}
        {done === "cleared" && `✓ ${t("nextRound.cleared")}`}
      </p>
    </section>
  );
}
