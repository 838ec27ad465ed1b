import { dutchDay } from "../dates.ts";

/** A round takes answers while open; closed by a coordinator or by its closing date. */
export const ROUND_STATUSES = ["open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/**
 * How a respondent came in: the open link of a perspective, the open link on a shared device (kiosk) or a personal
 * single-use invitation.
 */
export const RESPONSE_CHANNELS = ["open", "kiosk", "personal"] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

type RoundState = { status: RoundStatus; closesOn: string | null };

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
