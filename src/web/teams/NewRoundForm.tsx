import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { roundInputSchema } from "../../domain/teams/inputs.ts";
import { MAX_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD, PERSPECTIVES, type Perspective } from "../../domain/teams/perspectives.ts";
import { getTools, type ToolSummary } from "../api/checks.ts";
import { teamsApi } from "../api/teams.ts";
import { Field, FormAlert } from "../app/ui/Field.tsx";
import { useDraft } from "../app/ui/useDraft.ts";
import { checked, type FormErrors, invalid, issueErrors, useForm } from "../app/ui/useForm.ts";
import { Button, Heading3, Paragraph, Select, SelectOption, Textbox } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { PerspectiveChoice } from "./PerspectiveChoice.tsx";
import "../app/zod.ts";

/** `toolId` "" is the default tool (content/tools, `default: true`). */
type Draft = { name: string; toolId: string; closesOn: string; threshold: string; perspectives: Perspective[] };
const FIELDS = ["name", "toolId", "closesOn", "threshold", "perspectives"] as const;

/** "Nieuwe meting": name, optional closing date, anonymity threshold (≥ 3), the groups asked → the round page with its links. */
export function NewRoundForm({ teamId, first }: { teamId: string; first: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`nieuwe-meting:${teamId}`, {
    name: "",
    toolId: "",
    closesOn: "",
    threshold: String(MIN_ANONYMITY_THRESHOLD),
    perspectives: [...PERSPECTIVES],
  });
  // Every tool of content/tools/ (the default first); the choice shows only when there is more than one.
  const [tools, setTools] = useState<ToolSummary[]>([]);
  useEffect(() => {
    getTools().then(setTools, () => setTools([]));
  }, []);
  const tool = tools.find((x) => x.id === draft.toolId) ?? tools.find((x) => x.default);
  const allowed = tool?.perspectives ?? PERSPECTIVES;
  // A stored draft from before the choice existed, or with an unknown value, falls back to what is valid; a tool for
  // some groups only (the self-scan: professionals) keeps only those.
  const perspectives = (
    Array.isArray(draft.perspectives) ? PERSPECTIVES.filter((p) => draft.perspectives.includes(p)) : [...PERSPECTIVES]
  ).filter((p) => allowed.includes(p));
  const { form, errors, busy, onSubmit, clearError } = useForm(
    () => {
      const threshold = draft.threshold.trim() === "" ? Number.NaN : Number(draft.threshold);
      const parsed = roundInputSchema.safeParse({
        name: draft.name,
        toolId: draft.toolId || undefined,
        closesOn: draft.closesOn || null,
        threshold,
        perspectives,
      });
      const found: FormErrors<(typeof FIELDS)[number]> = parsed.success
        ? {}
        : issueErrors(parsed.error.issues, FIELDS, (field, issue) =>
            field === "threshold"
              ? t("newRound.thresholdError", { min: MIN_ANONYMITY_THRESHOLD, max: MAX_ANONYMITY_THRESHOLD })
              : field === "closesOn"
                ? t("newRound.dateError")
                : field === "perspectives"
                  ? t("newRound.perspectivesError")
                  : issue.message,
          );
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
      if (!found.closesOn && draft.closesOn && draft.closesOn < today) found.closesOn = t("newRound.datePast");
      return parsed.success ? checked(found, parsed.data) : invalid(found);
    },
    async (input) => {
      const { id } = await teamsApi.startRound(teamId, input);
      clearDraft();
      navigate(`/teams/${teamId}/metingen/${id}`, { state: { created: true } });
    },
    // "perspectives.0" names the list: its error goes with the checkboxes.
    { fields: FIELDS },
  );

  const change = <F extends keyof Draft>(field: F, value: Draft[F]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    clearError(field);
  };

  return (
    <div className="panel new-round">
      <Heading3 id="nieuwe-meting">{t("newRound.title")}</Heading3>
      <Paragraph>{first ? t("newRound.introFirst") : t("newRound.intro")}</Paragraph>
      <form ref={form} noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="nieuwe-meting" className="stack-form">
        <FormAlert message={errors.form} />
        <Field id="meting-naam" label={t("newRound.name")} description={t("newRound.nameHint")} error={errors.name}>
          {(props) => <Textbox {...props} value={draft.name} required maxLength={120} onChange={(e) => change("name", e.target.value)} />}
        </Field>
        {tools.length > 1 && (
          <Field id="meting-tool" label={t("newRound.tool")} description={t("newRound.toolHint")} error={errors.toolId}>
            {(props) => (
              <Select
                {...props}
                value={tool?.id ?? ""}
                onChange={(e) => {
                  const next = tools.find((x) => x.id === e.target.value);
                  setDraft((d) => ({
                    ...d,
                    toolId: next?.default ? "" : e.target.value,
                    perspectives: [...(next?.perspectives ?? PERSPECTIVES)],
                  }));
                  clearError("toolId");
                  clearError("perspectives");
                }}
              >
                {tools.map((x) => (
                  <SelectOption key={x.id} value={x.id}>
                    {x.title}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
        )}
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
          allowed={allowed}
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
