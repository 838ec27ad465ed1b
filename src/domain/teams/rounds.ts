import { dutchDay } from "../dates.ts";

type RoundState = { status: "open" | "closed"; closesOn: string | null };

/** A round takes answers while it is open and its closing date (inclusive, Dutch time) has not passed. */
export function roundAcceptsAnswers(round: RoundState, now: Date): boolean {
  if (round.status !== "open") return false;
  if (!round.closesOn) return true;
  return dutchDay(now) <= round.closesOn;
}

/**
 * An open round whose closing day (Dutch time) is over: it closes by itself, through the same close as a
 * coordinator's. The closing day itself still takes answers.
 */
export function roundPastClosingDate(round: RoundState, now: Date): boolean {
  return round.status === "open" && round.closesOn !== null && round.closesOn < dutchDay(now);
}
