import { type FormEvent, useRef, useState } from "react";
import { teamPatchSchema } from "../../domain/teams/inputs.ts";
import { DEFAULT_RETENTION_MONTHS } from "../../domain/teams/retention.ts";
import { ApiError } from "../api/client.ts";
import { type Team, teamsApi } from "../api/teams.ts";
import { Button, Heading2, Textbox } from "../app/utrecht.tsx";
import { useTeamsT } from "./i18n/index.ts";
import { Field, FormAlert, focusFirstInvalid } from "./ui/Field.tsx";
import "../app/zod.ts";

type Draft = { name: string; organisation: string; region: string; retentionMonths: string };
type Errors = Partial<Record<keyof Draft | "form", string>>;

/** Name, organisation, region and retention period; saved with a button, the result announced. */
export function TeamSettings({ team, onSaved }: { team: Team; onSaved: () => void }) {
  const t = useTeamsT();
  const [draft, setDraft] = useState<Draft>({
    name: team.name,
    organisation: team.organisation,
    region: team.region,
    retentionMonths: String(team.retentionMonths),
  });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const change = (field: keyof Draft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
    setSaved(false);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const months = draft.retentionMonths.trim() === "" ? Number.NaN : Number(draft.retentionMonths);
    const parsed = teamPatchSchema.safeParse({ ...draft, retentionMonths: months });
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form") as keyof Errors;
        if (field === "retentionMonths") found.retentionMonths ??= t("settings.retentionError");
        else
          found[field] ??= field === "name" ? issue.message : `${t(`teams.fields.${field as "organisation" | "region"}`)} ${issue.message}`;
      }
      setErrors(found);
      return focusFirstInvalid(form.current);
    }
    setBusy(true);
    try {
      await teamsApi.update(team.id, parsed.data);
      setSaved(true);
      onSaved();
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, "network");
      const field = e.field && e.field in draft ? (e.field as keyof Draft) : "form";
      setErrors({ [field]: e.transient ? t("common.network") : e.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="team-instellingen" className="team-section">
      <Heading2 id="team-instellingen">{t("settings.title")}</Heading2>
      <form ref={form} noValidate onSubmit={(e) => void submit(e)} className="panel">
        <div className="stack-form">
          <FormAlert message={errors.form} />
          <Field id="instellingen-naam" label={t("teams.fields.name")} error={errors.name}>
            {(props) => <Textbox {...props} value={draft.name} required maxLength={120} onChange={(e) => change("name", e.target.value)} />}
          </Field>
          <Field
            id="instellingen-organisatie"
            label={t("teams.fields.organisation")}
            description={t("common.optional")}
            error={errors.organisation}
          >
            {(props) => (
              <Textbox {...props} value={draft.organisation} maxLength={200} onChange={(e) => change("organisation", e.target.value)} />
            )}
          </Field>
          <Field id="instellingen-regio" label={t("teams.fields.region")} description={t("common.optional")} error={errors.region}>
            {(props) => <Textbox {...props} value={draft.region} maxLength={200} onChange={(e) => change("region", e.target.value)} />}
          </Field>
          <Field
            id="instellingen-bewaartermijn"
            label={t("settings.retention")}
            description={t("settings.retentionHint", { months: DEFAULT_RETENTION_MONTHS })}
            error={errors.retentionMonths}
          >
            {(props) => (
              <Textbox
                {...props}
                type="number"
                inputMode="numeric"
                min={1}
                max={120}
                step={1}
                value={draft.retentionMonths}
                className="number-input"
                onChange={(e) => change("retentionMonths", e.target.value)}
              />
            )}
          </Field>
          <div className="button-row">
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {t("settings.submit")}
            </Button>
            <p role="status" className="inline-status">
              {saved && `✓ ${t("settings.saved")}`}
            </p>
          </div>
        </div>
      </form>
    </section>
  );
}
