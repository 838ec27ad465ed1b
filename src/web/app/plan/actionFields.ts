import type { ActionStatus } from "../../../domain/checks/plan.ts";
import { type FormErrors, fieldOf, type Issue, issueErrors } from "../ui/useForm.ts";
import type { PlanT } from "./i18n.ts";

/**
 * The editable fields of an action as the form holds them (strings; "" for empty date, factor and owner). A team plan's
 * action also has `ownerUserId`, a team member.
 */
export type ActionDraft = { what: string; who: string; when: string; status: ActionStatus; factorId: string; ownerUserId?: string };
/** The fields every plan has (their labels are in plan.action.fields). */
export type ActionField = "what" | "who" | "when" | "status" | "factorId";
export type DraftField = ActionField | "ownerUserId";
export type FieldErrors = FormErrors<DraftField>;

export const ACTION_FIELDS: ActionField[] = ["what", "who", "when", "status", "factorId"];
export const DRAFT_FIELDS: DraftField[] = [...ACTION_FIELDS, "ownerUserId"];

/** Text fields are saved after a typing pause; choices at once. */
export const SAVE_DELAY: Record<DraftField, number> = { what: 600, who: 600, when: 0, status: 0, factorId: 0, ownerUserId: 0 };

export function toDraft(action: {
  what: string;
  who: string;
  when: string | null;
  status: ActionStatus;
  factorId: string | null;
  ownerUserId?: string | null;
}): ActionDraft {
  const draft: ActionDraft = {
    what: action.what,
    who: action.who,
    when: action.when ?? "",
    status: action.status,
    factorId: action.factorId ?? "",
  };
  if (action.ownerUserId !== undefined) draft.ownerUserId = action.ownerUserId ?? "";
  return draft;
}

/** The API's value for a form value: empty date, factor and owner are null. */
export function apiValue(field: DraftField, value: string): string | null {
  return (field === "when" || field === "factorId" || field === "ownerUserId") && value === "" ? null : value;
}

export function fieldLabel(t: PlanT, field: ActionField): string {
  return t(`plan.action.fields.${field}.label`);
}

/** zod issues of the shared schema, as "Wat is verplicht: …" per field. */
export function issuesToErrors(t: PlanT, issues: readonly Issue[]): FieldErrors {
  return issueErrors(issues, ACTION_FIELDS, (field, issue) =>
    field === "form" ? issue.message : t("plan.action.fieldError", { label: fieldLabel(t, field), message: issue.message }),
  );
}

/** A refusal of the API ({error, field}) next to the field it names (a save that failed in the queue). */
export function serverError(field: string | null, message: string): FieldErrors {
  return { [fieldOf(field, DRAFT_FIELDS)]: message };
}
