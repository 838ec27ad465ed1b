import { PLAN_LIMITS } from "../../../domain/checks/plan.ts";
import type { Theme } from "../../../domain/content/schema.ts";
import { FormFieldDescription, FormFieldErrorMessage, FormLabel, Textarea } from "../utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { usePlanEditing, usePlanSaveSnapshot } from "./PlanEditing.ts";

/** The free-text plan of a theme; saved as you type (the queue sends at most 600 ms after the first unsent keystroke). A team plan passes its own label. */
export function ThemePlanText({ theme, label, description }: { theme: Theme; label?: string; description?: string }) {
  const { t } = useTranslation();
  const { plan, setThemeText } = usePlanEditing();
  const { problems } = usePlanSaveSnapshot();
  const text = plan.themes[theme.id] ?? "";
  const problem = problems[`theme:${theme.id}`];
  const id = `plan-tekst-${theme.id}`;
  return (
    <div className={`utrecht-form-field theme-plan${problem ? " utrecht-form-field--invalid" : ""}`}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label ?? t("plan.text.label")}</FormLabel>
      </div>
      <FormFieldDescription id={`${id}-uitleg`} className="utrecht-form-field__description">
        {description ?? t("plan.text.description")}
      </FormFieldDescription>
      {problem && (
        <FormFieldErrorMessage id={`${id}-fout`} className="utrecht-form-field__error-message">
          {problem.error}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">
        <Textarea
          id={id}
          rows={6}
          maxLength={PLAN_LIMITS.themeText}
          value={text}
          invalid={Boolean(problem)}
          aria-describedby={problem ? `${id}-fout ${id}-uitleg ${id}-teller` : `${id}-uitleg ${id}-teller`}
          onChange={(event) => setThemeText(theme.id, event.target.value)}
        />
      </div>
      <p id={`${id}-teller`} className="theme-plan__counter">
        {t("plan.text.counter", { count: text.length, max: PLAN_LIMITS.themeText })}
      </p>
    </div>
  );
}
