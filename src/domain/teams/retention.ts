/** Raw responses of a closed round are kept this many months unless the team sets another period. */
export const DEFAULT_RETENTION_MONTHS = 24;

/** The moment the raw responses of a round closed at `closedAt` must be gone. */
export function retentionDeadline(closedAt: Date, months: number): Date {
  const deadline = new Date(closedAt);
  deadline.setUTCMonth(deadline.getUTCMonth() + months);
  return deadline;
}

export function rawResponsesExpired(closedAt: Date | null, months: number, now: Date): boolean {
  return closedAt !== null && retentionDeadline(closedAt, months).getTime() <= now.getTime();
}
