import { describe, expect, it } from "vitest";
import { addDays, dutchDay, dutchWeekStart } from "./dates.ts";

describe("dutchDay", () => {
  it("turns at Dutch midnight, also when asked again within the same minute", () => {
    // Winter (UTC+1): midnight is 23:00 UTC; summer (UTC+2): 22:00 UTC.
    expect(dutchDay(new Date("2026-01-14T22:59:59.999Z"))).toBe("2026-01-14");
    expect(dutchDay(new Date("2026-01-14T23:00:00.000Z"))).toBe("2026-01-15");
    expect(dutchDay(new Date("2026-01-14T23:00:59.999Z"))).toBe("2026-01-15");
    expect(dutchDay(new Date("2026-01-14T22:59:30.000Z"))).toBe("2026-01-14");
    expect(dutchDay(new Date("2026-07-01T21:59:59.000Z"))).toBe("2026-07-01");
    expect(dutchDay(new Date("2026-07-01T22:00:00.000Z"))).toBe("2026-07-02");
  });

  it("refuses an invalid date as before", () => {
    expect(() => dutchDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("dutchWeekStart", () => {
  it("is the Monday of the week, turning at Monday 00:00 in Amsterdam (winter and summer time)", () => {
    // Sunday 23:30 in Amsterdam (winter, UTC+1) is still the week before; Monday 00:00 starts the new one.
    expect(dutchWeekStart(new Date("2030-01-06T22:30:00Z"))).toBe("2029-12-31");
    expect(dutchWeekStart(new Date("2030-01-06T23:00:00Z"))).toBe("2030-01-07");
    // Summer time (UTC+2): Monday 00:00 is Sunday 22:00 UTC.
    expect(dutchWeekStart(new Date("2030-06-09T21:59:00Z"))).toBe("2030-06-03");
    expect(dutchWeekStart(new Date("2030-06-09T22:00:00Z"))).toBe("2030-06-10");
    // Every day of a week gives the same Monday.
    for (let d = 0; d < 7; d++) expect(dutchWeekStart(new Date(Date.UTC(2030, 0, 7 + d, 12)))).toBe("2030-01-07");
  });

  it("adds days across months and years", () => {
    expect(addDays("2029-12-31", 7)).toBe("2030-01-07");
    expect(addDays("2030-03-01", -1)).toBe("2030-02-28");
  });
});
