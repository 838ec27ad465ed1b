import type { TFunction } from "i18next";
import type { z } from "zod";
import type { ActionStatus } from "../../../domain/checks/plan.ts";

/** The editable fields of an action as the form holds them (strings; "" for empty date and factor). */
export type ActionDraft = { what: string; who: string; when: string; status: ActionStatus; factorId: string };
export type ActionField = keyof ActionDraft;
export type FieldErrors = Partial<Record<ActionField | "form", string>>;

export const ACTION_FIELDS: ActionField[] = ["what", "who", "when", "status", "factorId"];

/** Text fields are saved after a typing pause; choices at once. */
export const SAVE_DELAY: Record<ActionField, number> = { what: 600, who: 600, when: 0, status: 0, factorId: 0 };

export function toDraft(action: {
  what: string;
  who: string;
  when: string | null;
  status: ActionStatus;
  factorId: string | null;
}): ActionDraft {
  return { what: action.what, who: action.who, when: action.when ?? "", status: action.status, factorId: action.factorId ?? "" };
}

/** The API's value for a form value: empty date and factor are null. */
export function apiValue(field: ActionField, value: string): string | null {
  return (field === "when" || field === "factorId") && value === "" ? null : value;
}

export function fieldLabel(t: TFunction, field: ActionField): string {
  return t(`plan.action.fields.${field}.label`);
}

/** zod issues of the shared schema, as "Wat is verplicht: …" per field. */
export function issuesToErrors(t: TFunction, error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const key = (ACTION_FIELDS as string[]).includes(field) ? (field as ActionField) : "form";
    if (errors[key]) continue;
    errors[key] = key === "form" ? issue.message : t("plan.action.fieldError", { label: fieldLabel(t, key), message: issue.message });
  }
  return errors;
}

/** A refusal of the API ({error, field}) next to the field it names. */
export function serverError(field: string | null, message: string): FieldErrors {
  const key = field && (ACTION_FIELDS as string[]).includes(field) ? (field as ActionField) : "form";
  return { [key]: message };
}
