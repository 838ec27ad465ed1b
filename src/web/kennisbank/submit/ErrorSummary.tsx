import { forwardRef, type MouseEvent } from "react";
import { Heading2 } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import { DRAFT_FIELDS, type FieldErrors } from "./draft.ts";
import { fieldId } from "./SubmissionFields.tsx";

/** Moves to a field (opening the folded group it sits in) when its error is chosen in the summary. */
function goToField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const details = target.closest("details");
  if (details) details.open = true;
  target.focus();
  target.scrollIntoView({ block: "center" });
}

/** Every error at the top of the form, each linking to its field; receives focus after a failed submit. */
export const ErrorSummary = forwardRef<HTMLElement, { errors: FieldErrors }>(function ErrorSummary({ errors }, ref) {
  const { t } = useTranslation();
  const fields = DRAFT_FIELDS.filter((field) => errors[field]);
  if (fields.length === 0 && !errors.form) return null;
  return (
    <section ref={ref} tabIndex={-1} className="error-summary" aria-labelledby="foutoverzicht-titel">
      <Heading2 id="foutoverzicht-titel" className="error-summary__title">
        {t("submission.errorSummary.title")}
      </Heading2>
      {errors.form && <p className="error-summary__form">{errors.form}</p>}
      {fields.length > 0 && (
        <>
          <p>{t("submission.errorSummary.text", { count: fields.length })}</p>
          <ul className="error-summary__list">
            {fields.map((field) => {
              const label = t(`submission.fields.${field}.label`);
              const message = errors[field] ?? "";
              return (
                <li key={field}>
                  <a
                    href={`#${fieldId(field)}`}
                    className="utrecht-link utrecht-link--html-a"
                    onClick={(event) => goToField(event, fieldId(field))}
                  >
                    {message.toLowerCase().includes(label.toLowerCase()) ? message : `${label}: ${message}`}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
});
