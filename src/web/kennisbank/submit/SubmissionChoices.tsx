import type { ReactNode } from "react";
import type { Tool } from "../../../domain/content/schema.ts";
import { ENTRY_TYPES } from "../../../domain/kennisbank/schema.ts";
import { FormFieldDescription, FormFieldErrorMessage } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import type { Draft, DraftField, FieldErrors } from "./draft.ts";
import { fieldId } from "./SubmissionFields.tsx";

/** A fieldset with legend, description and error; the first input carries the field's id (the error summary links there). */
function ChoiceGroup({ field, error, optional, children }: { field: DraftField; error?: string; optional?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const id = fieldId(field);
  return (
    <fieldset
      className={`utrecht-form-fieldset--html-fieldset submission-choices${error ? " submission-field--invalid" : ""}`}
      aria-describedby={error ? `${id}-fout ${id}-uitleg` : `${id}-uitleg`}
      aria-invalid={error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend submission-choices__legend">
        {t(`submission.fields.${field}.label`)}
        {optional && <span className="submission-field__optional"> {t("submission.optional")}</span>}
      </legend>
      <FormFieldDescription id={`${id}-uitleg`}>{t(`submission.fields.${field}.description`)}</FormFieldDescription>
      {error && (
        <FormFieldErrorMessage id={`${id}-fout`}>
          <span className="visually-hidden">{t("submission.errorPrefix")} </span>
          {error}
        </FormFieldErrorMessage>
      )}
      {children}
    </fieldset>
  );
}

function Choice({
  id,
  type,
  name,
  checked,
  label,
  onChange,
}: {
  id?: string;
  type: "radio" | "checkbox";
  name: string;
  checked: boolean;
  label: ReactNode;
  onChange: () => void;
}) {
  return (
    <label className="submission-choice">
      <input
        id={id}
        type={type}
        name={name}
        className={`utrecht-${type}--html-input submission-choice__input`}
        checked={checked}
        onChange={onChange}
      />
      <span className="submission-choice__label">{label}</span>
    </label>
  );
}

type Props = { draft: Draft; errors: FieldErrors; onChange: <F extends DraftField>(field: F, value: Draft[F]) => void; tool: Tool | null };

const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

export function TypeChoice({ draft, errors, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <ChoiceGroup field="type" error={errors.type}>
      <div className="submission-choices__options">
        {ENTRY_TYPES.map((type, index) => (
          <Choice
            key={type}
            id={index === 0 ? fieldId("type") : undefined}
            type="radio"
            name="type"
            checked={draft.type === type}
            label={
              <>
                <strong>{t(`kennisbank.types.${type}`)}</strong>
                <span className="submission-choice__hint">{t(`submission.typeHints.${type}`)}</span>
              </>
            }
            onChange={() => onChange("type", type)}
          />
        ))}
      </div>
    </ChoiceGroup>
  );
}

export function ThemeChoice({ draft, errors, onChange, tool }: Props) {
  return (
    <ChoiceGroup field="themes" error={errors.themes} optional>
      <div className="submission-choices__options">
        {tool?.themes.map((theme, index) => (
          <Choice
            key={theme.id}
            id={index === 0 ? fieldId("themes") : undefined}
            type="checkbox"
            name="themes"
            checked={draft.themes.includes(theme.id)}
            label={<span lang="nl">{`${index + 1}. ${theme.title}`}</span>}
            onChange={() => onChange("themes", toggle(draft.themes, theme.id))}
          />
        ))}
      </div>
    </ChoiceGroup>
  );
}

/** 31 factors in 7 foldable groups, so the form stays short; a group with a choice starts open. */
export function FactorChoice({ draft, errors, onChange, tool }: Props) {
  const { t } = useTranslation();
  return (
    <ChoiceGroup field="factors" error={errors.factors} optional>
      {tool?.themes.map((theme, themeIndex) => {
        const chosen = theme.items.filter((item) => draft.factors.includes(item.id)).length;
        return (
          <details key={theme.id} className="factor-group" open={chosen > 0 || undefined}>
            <summary className="factor-group__summary">
              <span lang="nl">{t("submission.factorGroup", { number: themeIndex + 1, title: theme.title })}</span>
              {chosen > 0 && <span className="factor-group__count"> ({t("submission.chosen", { count: chosen })})</span>}
            </summary>
            <div className="submission-choices__options">
              {theme.items.map((item, index) => (
                <Choice
                  key={item.id}
                  id={themeIndex === 0 && index === 0 ? fieldId("factors") : undefined}
                  type="checkbox"
                  name="factors"
                  checked={draft.factors.includes(item.id)}
                  label={
                    <>
                      <span className="factor__number">{item.id}</span> <span lang="nl">{item.text}</span>
                    </>
                  }
                  onChange={() => onChange("factors", toggle(draft.factors, item.id))}
                />
              ))}
            </div>
          </details>
        );
      })}
    </ChoiceGroup>
  );
}
