import { useState } from "react";
import type { OrganisationKind } from "../../domain/teams/comparison.ts";
import { teamPatchSchema } from "../../domain/teams/inputs.ts";
import { DEFAULT_RETENTION_MONTHS } from "../../domain/teams/retention.ts";
import { type Team, teamsApi } from "../api/teams.ts";
import { Field, FormAlert } from "../app/ui/Field.tsx";
import { checkedBy, useForm } from "../app/ui/useForm.ts";
import { Button, Heading2, Textbox } from "../app/utrecht.tsx";
import { StructuredFields } from "./comparison/StructuredFields.tsx";
import { useTranslation } from "./i18n.ts";
import "../app/zod.ts";

type Draft = {
  name: string;
  organisation: string;
  region: string;
  organisationKind: OrganisationKind | "";
  municipality: string;
  retentionMonths: string;
};
const FIELDS = ["name", "organisation", "region", "organisationKind", "municipality", "retentionMonths"] as const;

/** Name, organisation, region and retention period; saved with a button, the result announced. */
export function TeamSettings({ team, onSaved }: { team: Team; onSaved: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({
    name: team.name,
    organisation: team.organisation,
    region: team.region,
    organisationKind: team.organisationKind ?? "",
    municipality: team.municipality ?? "",
    retentionMonths: String(team.retentionMonths),
  });
  const [saved, setSaved] = useState(false);
  const { form, errors, busy, onSubmit, clearError } = useForm(
    () => {
      const months = draft.retentionMonths.trim() === "" ? Number.NaN : Number(draft.retentionMonths);
      const structured = { organisationKind: draft.organisationKind || null, municipality: draft.municipality || null };
      return checkedBy(teamPatchSchema.safeParse({ ...draft, ...structured, retentionMonths: months }), FIELDS, (field, issue) =>
        field === "retentionMonths"
          ? t("settings.retentionError")
          : field === "name" || field === "form" || field === "organisationKind" || field === "municipality"
            ? issue.message
            : `${t(`teams.fields.${field}`)} ${issue.message}`,
      );
    },
    async (patch) => {
      await teamsApi.update(team.id, patch);
      setSaved(true);
      onSaved();
    },
    { fields: FIELDS },
  );

  const change = (field: keyof Draft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    clearError(field);
    setSaved(false);
  };

  return (
    <section aria-labelledby="team-instellingen" className="team-section">
      <Heading2 id="team-instellingen">{t("settings.title")}</Heading2>
      <form ref={form} noValidate onSubmit={(e) => void onSubmit(e)} className="panel">
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
          <StructuredFields
            kind={draft.organisationKind}
            municipality={draft.municipality}
            errors={errors}
            onKind={(kind) => change("organisationKind", kind)}
            onMunicipality={(name) => change("municipality", name)}
          />
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
