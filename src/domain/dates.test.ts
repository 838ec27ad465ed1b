import { describe, expect, it } from "vitest";
import { dutchDay } from "./dates.ts";

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
