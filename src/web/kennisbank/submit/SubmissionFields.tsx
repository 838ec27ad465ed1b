import type { ReactNode } from "react";
import { EVIDENCE_LEVELS, type EvidenceLevel } from "../../../domain/kennisbank/schema.ts";
import { SUBMISSION_LIMITS } from "../../../domain/kennisbank/submission.ts";
import { FormFieldDescription, FormFieldErrorMessage, FormLabel, Select, SelectOption, Textarea, Textbox } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import type { Draft, DraftField, FieldErrors } from "./draft.ts";

export const fieldId = (field: DraftField) => `inzending-${field}`;

type TextField =
  | "title"
  | "summary"
  | "body"
  | "organisation"
  | "region"
  | "targetGroups"
  | "keyElements"
  | "results"
  | "link"
  | "contact"
  | "financing"
  | "period"
  | "targetGroupSize";

const CONTROLS: Record<TextField, { multiline?: number; max?: number; optional?: boolean; type?: string; autoComplete?: string }> = {
  title: { max: SUBMISSION_LIMITS.title },
  summary: { multiline: 3, max: SUBMISSION_LIMITS.summary },
  body: { multiline: 10, max: SUBMISSION_LIMITS.body },
  organisation: { max: SUBMISSION_LIMITS.short, autoComplete: "organization" },
  region: { max: SUBMISSION_LIMITS.short },
  targetGroups: { multiline: 3, optional: true },
  keyElements: { multiline: 4, optional: true },
  results: { multiline: 3, optional: true },
  link: { optional: true, type: "url", autoComplete: "url" },
  contact: { optional: true, max: SUBMISSION_LIMITS.short },
  financing: { optional: true, max: SUBMISSION_LIMITS.short },
  period: { optional: true, max: SUBMISSION_LIMITS.short },
  targetGroupSize: { optional: true, max: SUBMISSION_LIMITS.short },
};

/** Label, description and error of one field; the error is announced with the field (aria-describedby). */
export function FieldShell({
  field,
  error,
  label,
  children,
}: {
  field: DraftField;
  error?: string;
  label: ReactNode;
  children: (props: { id: string; "aria-describedby": string; invalid: boolean }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = fieldId(field);
  const descriptionId = `${id}-uitleg`;
  const errorId = `${id}-fout`;
  return (
    <div className={`utrecht-form-field submission-field${error ? " utrecht-form-field--invalid submission-field--invalid" : ""}`}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <FormFieldDescription id={descriptionId} className="utrecht-form-field__description">
        {t(`submission.fields.${field}.description`)}
      </FormFieldDescription>
      {error && (
        <FormFieldErrorMessage id={errorId} className="utrecht-form-field__error-message">
          <span className="visually-hidden">{t("submission.errorPrefix")} </span>
          {error}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">
        {children({ id, "aria-describedby": error ? `${errorId} ${descriptionId}` : descriptionId, invalid: Boolean(error) })}
      </div>
    </div>
  );
}

/** A text field or textarea of the submission form. */
export function SubmissionTextField({
  field,
  draft,
  errors,
  onChange,
}: {
  field: TextField;
  draft: Draft;
  errors: FieldErrors;
  onChange: (field: DraftField, value: string) => void;
}) {
  const { t } = useTranslation();
  const control = CONTROLS[field];
  const label = (
    <>
      {t(`submission.fields.${field}.label`)}
      {control.optional && <span className="submission-field__optional"> {t("submission.optional")}</span>}
    </>
  );
  return (
    <FieldShell field={field} error={errors[field]} label={label}>
      {(props) =>
        control.multiline ? (
          <Textarea
            {...props}
            rows={control.multiline}
            maxLength={control.max}
            required={!control.optional}
            value={draft[field]}
            onChange={(event) => onChange(field, event.target.value)}
          />
        ) : (
          <Textbox
            {...props}
            type={control.type ?? "text"}
            maxLength={control.max}
            required={!control.optional}
            autoComplete={control.autoComplete ?? "off"}
            value={draft[field]}
            onChange={(event) => onChange(field, event.target.value)}
          />
        )
      }
    </FieldShell>
  );
}

/** The evidence level a databank gave the project ("niet beoordeeld" unless one did). */
export function EvidenceChoice({
  draft,
  errors,
  onChange,
}: {
  draft: Draft;
  errors: FieldErrors;
  onChange: (field: "evidence", value: EvidenceLevel) => void;
}) {
  const { t } = useTranslation();
  return (
    <FieldShell field="evidence" error={errors.evidence} label={t("submission.fields.evidence.label")}>
      {(props) => (
        <Select {...props} value={draft.evidence} onChange={(event) => onChange("evidence", event.target.value as EvidenceLevel)}>
          {EVIDENCE_LEVELS.map((level) => (
            <SelectOption key={level} value={level}>
              {level}
            </SelectOption>
          ))}
        </Select>
      )}
    </FieldShell>
  );
}
