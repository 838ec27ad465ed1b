import { type FormEvent, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { roundInputSchema } from "../../domain/teams/inputs.ts";
import { MAX_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD, PERSPECTIVES, type Perspective } from "../../domain/teams/perspectives.ts";
import { ApiError } from "../api/client.ts";
import { teamsApi } from "../api/teams.ts";
import { Button, Heading3, Paragraph, Textbox } from "../app/utrecht.tsx";
import { useTeamsT } from "./i18n/index.ts";
import { PerspectiveChoice } from "./PerspectiveChoice.tsx";
import { Field, FormAlert, focusFirstInvalid } from "./ui/Field.tsx";
import { useDraft } from "./ui/useDraft.ts";
import "../app/zod.ts";

type Draft = { name: string; closesOn: string; threshold: string; perspectives: Perspective[] };
type Errors = Partial<Record<keyof Draft | "form", string>>;

/** "Nieuwe meting": name, optional closing date, anonymity threshold (≥ 3), the groups asked → the round page with its links. */
export function NewRoundForm({ teamId, first }: { teamId: string; first: boolean }) {
  const t = useTeamsT();
  const navigate = useNavigate();
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`nieuwe-meting:${teamId}`, {
    name: "",
    closesOn: "",
    threshold: String(MIN_ANONYMITY_THRESHOLD),
    perspectives: [...PERSPECTIVES],
  });
  // A stored draft from before the choice existed, or with an unknown value, falls back to what is valid.
  const perspectives = Array.isArray(draft.perspectives) ? PERSPECTIVES.filter((p) => draft.perspectives.includes(p)) : [...PERSPECTIVES];
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const change = <F extends keyof Draft>(field: F, value: Draft[F]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const threshold = draft.threshold.trim() === "" ? Number.NaN : Number(draft.threshold);
    const parsed = roundInputSchema.safeParse({ name: draft.name, closesOn: draft.closesOn || null, threshold, perspectives });
    const found: Errors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form") as keyof Errors;
        if (field === "threshold")
          found.threshold ??= t("newRound.thresholdError", { min: MIN_ANONYMITY_THRESHOLD, max: MAX_ANONYMITY_THRESHOLD });
        else if (field === "closesOn") found.closesOn ??= t("newRound.dateError");
        else if (field === "perspectives") found.perspectives ??= t("newRound.perspectivesError");
        else found[field] ??= issue.message;
      }
    }
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
    if (!found.closesOn && draft.closesOn && draft.closesOn < today) found.closesOn = t("newRound.datePast");
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return focusFirstInvalid(form.current);
    setBusy(true);
    try {
      const { id } = await teamsApi.startRound(teamId, parsed.data);
      clearDraft();
      navigate(`/teams/${teamId}/metingen/${id}`, { state: { created: true } });
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, "network");
      // "perspectives.0" names the list: its error goes with the checkboxes.
      const named = e.field?.split(".")[0];
      const field = named && named in draft ? (named as keyof Draft) : "form";
      setErrors({ [field]: e.transient ? t("common.network") : e.message });
      if (field !== "form") focusFirstInvalid(form.current);
      setBusy(false);
    }
  }

  return (
    <div className="panel new-round">
      <Heading3 id="nieuwe-meting">{t("newRound.title")}</Heading3>
      <Paragraph>{first ? t("newRound.introFirst") : t("newRound.intro")}</Paragraph>
      <form ref={form} noValidate onSubmit={(e) => void submit(e)} aria-labelledby="nieuwe-meting" className="stack-form">
        <FormAlert message={errors.form} />
        <Field id="meting-naam" label={t("newRound.name")} description={t("newRound.nameHint")} error={errors.name}>
          {(props) => <Textbox {...props} value={draft.name} required maxLength={120} onChange={(e) => change("name", e.target.value)} />}
        </Field>
        <Field id="meting-sluitdatum" label={t("newRound.closesOn")} description={t("newRound.closesOnHint")} error={errors.closesOn}>
          {(props) => (
            <Textbox
              {...props}
              type="date"
              value={draft.closesOn}
              className="date-input"
              onChange={(e) => change("closesOn", e.target.value)}
            />
          )}
        </Field>
        <Field
          id="meting-drempel"
          label={t("newRound.threshold")}
          description={t("newRound.thresholdHint", { min: MIN_ANONYMITY_THRESHOLD })}
          error={errors.threshold}
        >
          {(props) => (
            <Textbox
              {...props}
              type="number"
              inputMode="numeric"
              min={MIN_ANONYMITY_THRESHOLD}
              max={MAX_ANONYMITY_THRESHOLD}
              step={1}
              value={draft.threshold}
              className="number-input"
              onChange={(e) => change("threshold", e.target.value)}
            />
          )}
        </Field>
        <PerspectiveChoice
          id="meting-groepen"
          value={perspectives}
          error={errors.perspectives}
          onChange={(value) => change("perspectives", value)}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {t("newRound.submit")}
          </Button>
        </div>
      </form>
    </div>
  );
}
