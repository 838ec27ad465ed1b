import { PERSPECTIVES, type Perspective, useTeamFormat } from "../app/format.ts";
import { FormFieldDescription, FormFieldErrorMessage } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

type Props = {
  id: string;
  value: Perspective[];
  error?: string;
  onChange: (value: Perspective[]) => void;
  /** The groups the chosen tool may ask (tool.yaml `perspectives`); default every group. */
  allowed?: readonly Perspective[];
};

/**
 * "Welke groepen vraag je?": one checkbox per group with a line on who it is. The group name alone is the label, the
 * line is its description; an error marks every box invalid so focus can go to the first.
 */
export function PerspectiveChoice({ id, value, error, onChange, allowed = PERSPECTIVES }: Props) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const descriptionId = `${id}-uitleg`;
  const errorId = `${id}-fout`;
  const toggle = (p: Perspective) =>
    onChange(value.includes(p) ? value.filter((v) => v !== p) : PERSPECTIVES.filter((q) => q === p || value.includes(q)));
  return (
    <fieldset
      className={`utrecht-form-fieldset--html-fieldset choice-fieldset${error ? " choice-fieldset--invalid" : ""}`}
      aria-describedby={error ? `${errorId} ${descriptionId}` : descriptionId}
    >
      <legend className="utrecht-form-fieldset__legend choice-fieldset__legend">{t("newRound.perspectives")}</legend>
      <FormFieldDescription id={descriptionId} className="choice-fieldset__description">
        {t("newRound.perspectivesHint")}
      </FormFieldDescription>
      {error && (
        <FormFieldErrorMessage id={errorId} className="choice-fieldset__error">
          {error}
        </FormFieldErrorMessage>
      )}
      <div className="choice-fieldset__options">
        {PERSPECTIVES.filter((p) => allowed.includes(p)).map((p, index) => {
          const inputId = index === 0 ? id : `${id}-${p}`;
          return (
            <div key={p} className="choice">
              <input
                id={inputId}
                type="checkbox"
                name="perspectives"
                value={p}
                className="utrecht-checkbox utrecht-checkbox--html-input choice__input"
                checked={value.includes(p)}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${inputId}-wie`}
                onChange={() => toggle(p)}
              />
              <div className="choice__text">
                <label htmlFor={inputId} className="choice__label">
                  {format.perspective(p)}
                </label>
                <span id={`${inputId}-wie`} className="choice__hint">
                  {t(`perspectives.${p}.who`)}
                </span>
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
