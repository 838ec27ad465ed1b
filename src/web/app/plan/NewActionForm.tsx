import { useState } from "react";
import type { Item } from "../../../domain/content/schema.ts";
import { ApiError } from "../../api/client.ts";
import { FormAlert } from "../ui/Field.tsx";
import { invalid, useForm } from "../ui/useForm.ts";
import { Button, Heading3, Paragraph } from "../utrecht.tsx";
import { ActionFields, type OwnerOptions } from "./ActionFields.tsx";
import { type ActionDraft, apiValue, DRAFT_FIELDS, type DraftField, issuesToErrors } from "./actionFields.ts";
import { useTranslation } from "./i18n.ts";
import { type PlanEditing, usePlanEditing } from "./PlanEditing.ts";

const emptyDraft = (factorId: string, owner: boolean): ActionDraft => ({
  what: "",
  who: "",
  when: "",
  status: "open",
  factorId,
  ...(owner ? { ownerUserId: "" } : {}),
});

type Props = {
  themeId: string;
  factors: Item[];
  initialFactor: string;
  owner?: OwnerOptions;
  /** Replaces the plan page's intro where the form stands elsewhere (the spiegelsessie). */
  intro?: string;
};

/** Adds an action to a theme: validated with the shared schema first, then by the API. */
export function NewActionForm({ themeId, factors, initialFactor, owner, intro }: Props) {
  const { t } = useTranslation();
  const { addAction, actionAdded, schemas } = usePlanEditing();
  const [draft, setDraft] = useState<ActionDraft>(() => emptyDraft(initialFactor, Boolean(owner)));
  const [added, setAdded] = useState(false);
  const { form, errors, busy, onSubmit, clearError } = useForm(
    () => {
      const parsed = schemas.input.safeParse({
        themeId,
        what: draft.what,
        who: draft.who,
        when: apiValue("when", draft.when),
        status: draft.status,
        factorId: apiValue("factorId", draft.factorId),
        ...(draft.ownerUserId !== undefined ? { ownerUserId: apiValue("ownerUserId", draft.ownerUserId) } : {}),
      });
      return parsed.success ? { value: parsed.data } : invalid(issuesToErrors(t, parsed.error.issues));
    },
    async (input) => {
      actionAdded(await addAction(input as Parameters<PlanEditing["addAction"]>[0]));
      setDraft(emptyDraft("", Boolean(owner)));
      setAdded(true);
    },
    {
      fields: DRAFT_FIELDS,
      errorsOf: (error) => (!(error instanceof ApiError) || error.transient ? { form: t("plan.newAction.failed") } : undefined),
    },
  );

  function change(field: DraftField, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
    clearError(field);
    setAdded(false);
  }

  return (
    <form ref={form} className="new-action" aria-labelledby="nieuwe-actie-titel" onSubmit={(e) => void onSubmit(e)} noValidate>
      <Heading3 id="nieuwe-actie-titel">{t("plan.newAction.title")}</Heading3>
      <Paragraph>{intro ?? t("plan.newAction.intro")}</Paragraph>
      <FormAlert message={errors.form} />
      <ActionFields idPrefix="nieuwe-actie" draft={draft} errors={errors} factors={factors} owner={owner} onChange={change} />
      <div className="new-action__submit">
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t("plan.newAction.submit")}
        </Button>
        <span role="status" className="new-action__added">
          {added && `✓ ${t("plan.newAction.added")}`}
        </span>
      </div>
    </form>
  );
}
