import { type ReactNode, useState } from "react";
import type { Item } from "../../../domain/content/schema.ts";
import { ApiError } from "../../api/client.ts";
import { useAction } from "../ui/useAction.ts";
import { Button, FormFieldErrorMessage } from "../utrecht.tsx";
import { ActionFields, type OwnerOptions } from "./ActionFields.tsx";
import {
  type ActionDraft,
  apiValue,
  type DraftField,
  type FieldErrors,
  issuesToErrors,
  SAVE_DELAY,
  serverError,
  toDraft,
} from "./actionFields.ts";
import { useTranslation } from "./i18n.ts";
import { type EditableAction, type EditablePatch, usePlanEditing, usePlanSaveSnapshot } from "./PlanEditing.ts";

type Props = {
  action: EditableAction;
  number: number;
  factors: Item[];
  onRemoved(number: number): void;
  /** A team plan: the owner field. */
  owner?: OwnerOptions;
  /** Shown under the legend, e.g. how the factor's score moved since the action was made. */
  details?: ReactNode;
};

/** An existing action, edited in place; every valid change is queued and saved as you type. */
export function ActionEditor({ action, number, factors, onRemoved, owner, details }: Props) {
  const { t } = useTranslation();
  const { changeAction, actionRemoved, deleteAction, schemas } = usePlanEditing();
  const { problems } = usePlanSaveSnapshot();
  const [draft, setDraft] = useState<ActionDraft>(() => toDraft(action));
  const [errors, setErrors] = useState<FieldErrors>({});
  const deleting = useAction();
  const problem = problems[`action:${action.id}`];
  const shown: FieldErrors = { ...(problem ? serverError(problem.field, problem.error) : {}), ...errors };
  const legendId = `actie-${action.id}-titel`;

  function change(field: DraftField, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
    const parsed = schemas.patch.safeParse({ [field]: apiValue(field, value) });
    if (!parsed.success) {
      setErrors((current) => ({ ...current, ...issuesToErrors(t, parsed.error.issues) }));
      return;
    }
    setErrors(({ [field]: _fixed, form: _form, ...rest }) => rest);
    changeAction(action.id, parsed.data as EditablePatch, SAVE_DELAY[field]);
  }

  function remove() {
    return deleting.run(
      async () => {
        // Already gone (deleted elsewhere): as good as deleted here.
        await deleteAction(action.id).catch((error: unknown) => {
          if (!(error instanceof ApiError && error.status === 404)) throw error;
        });
        actionRemoved(action.id);
        onRemoved(number);
      },
      () => setErrors((current) => ({ ...current, form: t("plan.action.deleteFailed") })),
    );
  }

  return (
    <fieldset className="action utrecht-form-fieldset--html-fieldset" aria-labelledby={legendId}>
      <legend id={legendId} className="action__legend">
        {t("plan.action.legend", { number })}
      </legend>
      {details}
      {shown.form && <FormFieldErrorMessage className="action__error">{shown.form}</FormFieldErrorMessage>}
      <ActionFields idPrefix={`actie-${action.id}`} draft={draft} errors={shown} factors={factors} owner={owner} onChange={change} />
      <div className="action__footer">
        <Button appearance="subtle-button" hint="danger" busy={deleting.busy} onClick={() => void remove()}>
          {t("plan.action.delete")}
          <span className="visually-hidden"> {t("plan.action.legend", { number })}</span>
        </Button>
      </div>
    </fieldset>
  );
}
