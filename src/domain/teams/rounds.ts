/** A round takes answers while it is open and its closing date (inclusive, Dutch time) has not passed. */
export function roundAcceptsAnswers(round: { status: "open" | "closed"; closesOn: string | null }, now: Date): boolean {
  if (round.status !== "open") return false;
  if (!round.closesOn) return true;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(now); // yyyy-mm-dd
  return today <= round.closesOn;
}
