import { type FormEvent, useRef, useState } from "react";
import type { Item } from "../../../domain/content/schema.ts";
import { ApiError } from "../../api/client.ts";
import { useTranslation } from "../../app/i18n.ts";
import { Alert, Button, Heading3, Paragraph } from "../../app/utrecht.tsx";
import { ActionFields, type OwnerOptions } from "./ActionFields.tsx";
import { type ActionDraft, apiValue, type DraftField, type FieldErrors, issuesToErrors, serverError } from "./actionFields.ts";
import { type PlanEditing, usePlanEditing } from "./PlanEditing.ts";

const emptyDraft = (factorId: string, owner: boolean): ActionDraft => ({
  what: "",
  who: "",
  when: "",
  status: "open",
  factorId,
  ...(owner ? { ownerUserId: "" } : {}),
});

type Props = { themeId: string; factors: Item[]; initialFactor: string; owner?: OwnerOptions };

/** Adds an action to a theme: validated with the shared schema first, then by the API. */
export function NewActionForm({ themeId, factors, initialFactor, owner }: Props) {
  const { t } = useTranslation();
  const { addAction, actionAdded, schemas } = usePlanEditing();
  const [draft, setDraft] = useState<ActionDraft>(() => emptyDraft(initialFactor, Boolean(owner)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  function change(field: DraftField, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
    setAdded(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const input = {
      themeId,
      what: draft.what,
      who: draft.who,
      when: apiValue("when", draft.when),
      status: draft.status,
      factorId: apiValue("factorId", draft.factorId),
      ...(draft.ownerUserId !== undefined ? { ownerUserId: apiValue("ownerUserId", draft.ownerUserId) } : {}),
    };
    const parsed = schemas.input.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesToErrors(t, parsed.error));
      form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      return;
    }
    setBusy(true);
    try {
      actionAdded(await addAction(parsed.data as Parameters<PlanEditing["addAction"]>[0]));
      setDraft(emptyDraft("", Boolean(owner)));
      setErrors({});
      setAdded(true);
    } catch (error) {
      const offline = !(error instanceof ApiError) || error.transient;
      setErrors(offline ? { form: t("plan.newAction.failed") } : serverError(error.field, error.message));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} className="new-action" aria-labelledby="nieuwe-actie-titel" onSubmit={(e) => void submit(e)} noValidate>
      <Heading3 id="nieuwe-actie-titel">{t("plan.newAction.title")}</Heading3>
      <Paragraph>{t("plan.newAction.intro")}</Paragraph>
      {errors.form && (
        <Alert type="error" role="alert">
          <Paragraph>{errors.form}</Paragraph>
        </Alert>
      )}
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
