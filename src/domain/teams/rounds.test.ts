import { describe, expect, it } from "vitest";
import { roundAcceptsAnswers, roundPastClosingDate } from "./rounds.ts";

describe("a round past its closing date", () => {
  const lateOnClosingDay = new Date("2026-11-25T22:30:00Z"); // 23:30 in Amsterdam
  const nextDay = new Date("2026-11-25T23:30:00Z"); // 00:30 in Amsterdam

  it("still takes answers on its closing day and closes by itself the day after", () => {
    const round = { status: "open" as const, closesOn: "2026-11-25" };
    expect(roundAcceptsAnswers(round, lateOnClosingDay)).toBe(true);
    expect(roundPastClosingDate(round, lateOnClosingDay)).toBe(false);
    expect(roundAcceptsAnswers(round, nextDay)).toBe(false);
    expect(roundPastClosingDate(round, nextDay)).toBe(true);
  });

  it("never closes a round without a closing date or one already closed", () => {
    expect(roundPastClosingDate({ status: "open", closesOn: null }, nextDay)).toBe(false);
    expect(roundPastClosingDate({ status: "closed", closesOn: "2020-01-01" }, nextDay)).toBe(false);
  });
});
