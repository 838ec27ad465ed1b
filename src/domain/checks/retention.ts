import { monthsBefore } from "../dates.ts";

/** Months a check without a round (a "solo" check) is kept after it was last opened (SOLO_CHECK_RETENTION_MONTHS). */
export const DEFAULT_SOLO_CHECK_RETENTION_MONTHS = 24;

/**
 * The latest "last opened" day of a solo check that is deleted on `today`: one opened on this day or before has not
 * been opened for `months` months. Opened on 2024-03-15 with 24 months: kept through 2026-03-14, deleted on 2026-03-15.
 */
export function soloCheckDeletionCutoff(today: string, months: number): string {
  return monthsBefore(today, months);
}

export function soloCheckExpired(lastOpenedOn: string, today: string, months: number): boolean {
  return lastOpenedOn <= soloCheckDeletionCutoff(today, months);
}
