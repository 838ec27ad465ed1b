import type { AnswerValue } from "./answers.ts";
import type { ActionStatus } from "./plan.ts";

const oneDecimal = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Dutch notation of a mean ("7,3"); "geen score" when nothing was answered. */
export function formatScore(score: number | null): string {
  return score === null ? "geen score" : oneDecimal.format(score);
}

/** A plan action's status as documents print it. */
export const ACTION_STATUS_LABELS = { open: "Open", bezig: "Bezig", klaar: "Klaar" } as const satisfies Record<ActionStatus, string>;

/** A single answer as the user sees it. */
export function formatAnswer(value: AnswerValue | null): string {
  if (value === null) return "niet ingevuld";
  if (value === "nvt") return "n.v.t.";
  return String(value);
}

const dateFormat = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" });

/** "24 november 2026" from an ISO date (yyyy-mm-dd) or Date. */
export function formatDate(date: string | Date): string {
  return dateFormat.format(typeof date === "string" ? new Date(`${date}T12:00:00Z`) : date);
}
