import { z } from "zod";
import type { ActionStatus } from "../checks/plan.ts";
import { addDays, dutchDay, monthsBefore } from "../dates.ts";

/*
 * Follow-up over time (issue 15, item 5): the next round a team plans, the reminder to its coordinators before it,
 * and the actions of the team plan that were due before the latest round started.
 */

/** The reminder of a planned round goes to the team's coordinators this many days before its date. */
export const NEXT_ROUND_REMINDER_DAYS = 14;
/** A next round may be planned at most this many months ahead. */
export const NEXT_ROUND_MAX_MONTHS = 24;

const isoDay = z
  .string({ message: "moet een datum zijn (jjjj-mm-dd)" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "moet een datum zijn (jjjj-mm-dd)")
  .refine(
    (s) => {
      const date = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
    },
    { message: "moet een bestaande datum zijn" },
  );

/** `PUT /api/teams/:id/next-round`: the planned day (yyyy-mm-dd), or null to plan none. */
export const nextRoundInputSchema = z.strictObject({
  plannedOn: z.union([isoDay, z.null()], { message: "moet een datum zijn (jjjj-mm-dd) of leeg" }),
});

/** `GET/PUT /api/teams/:id/next-round`. */
export const nextRoundResponse = z.object({
  /** The planned day (yyyy-mm-dd, Dutch time), or null. */
  plannedOn: z.string().nullable(),
  /** How many days before that day the coordinators get their reminder. */
  reminderDays: z.number(),
  /** When the reminder went out (null: not yet). */
  reminderSentAt: z.date().nullable(),
});

/** Why `plannedOn` cannot be the next round's day, in Dutch, or null when it can: today up to 24 months ahead. */
export function plannedDateProblem(plannedOn: string, now: Date): string | null {
  const today = dutchDay(now);
  if (plannedOn < today) return "mag niet in het verleden liggen";
  if (plannedOn > monthsBefore(today, -NEXT_ROUND_MAX_MONTHS)) return `mag hoogstens ${NEXT_ROUND_MAX_MONTHS} maanden vooruit liggen`;
  return null;
}

/**
 * The planned days whose reminder is due on `today`: from today through `days` days ahead (a round planned sooner
 * than that is reminded of at once; one whose day has passed is not).
 */
export function reminderWindow(today: string, days = NEXT_ROUND_REMINDER_DAYS): { from: string; through: string } {
  return { from: today, through: addDays(today, days) };
}

/** Whole days from `today` until `day` (both yyyy-mm-dd). */
export function daysUntil(day: string, today: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

type DatedAction = { id: string; when: string | null; status: ActionStatus };

/**
 * The actions that were due before a round started and were not done: a due day (`when`) before the round's first
 * day (Dutch time) and a status other than "klaar". In the order given.
 */
export function actionsDueBeforeRound<A extends DatedAction>(actions: readonly A[], roundStartedAt: Date): A[] {
  const firstDay = dutchDay(roundStartedAt);
  return actions.filter((a) => a.when !== null && a.when < firstDay && a.status !== "klaar");
}
