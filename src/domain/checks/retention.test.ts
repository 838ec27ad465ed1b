import { describe, expect, it } from "vitest";
import { dutchDay, monthsBefore } from "../dates.ts";
import { DEFAULT_SOLO_CHECK_RETENTION_MONTHS, soloCheckDeletionCutoff, soloCheckExpired } from "./retention.ts";

describe("solo check retention", () => {
  it("counts calendar days in Dutch time", () => {
    expect(dutchDay(new Date("2026-11-25T22:30:00Z"))).toBe("2026-11-25"); // 23:30 in Amsterdam (winter)
    expect(dutchDay(new Date("2026-11-25T23:30:00Z"))).toBe("2026-11-26"); // 00:30 the next day
    expect(dutchDay(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01"); // 00:30 in summer time
  });

  it("goes back whole months, to the last day of a shorter month", () => {
    expect(monthsBefore("2026-03-15", 24)).toBe("2024-03-15");
    expect(monthsBefore("2026-03-31", 1)).toBe("2026-02-28");
    expect(monthsBefore("2028-03-31", 1)).toBe("2028-02-29");
    expect(monthsBefore("2026-01-10", 1)).toBe("2025-12-10");
    expect(monthsBefore("2026-01-10", 13)).toBe("2024-12-10");
    expect(monthsBefore("2026-12-04", 0)).toBe("2026-12-04");
  });

  it("deletes a solo check once it was not opened for the whole period", () => {
    expect(DEFAULT_SOLO_CHECK_RETENTION_MONTHS).toBe(24);
    expect(soloCheckDeletionCutoff("2026-03-15", 24)).toBe("2024-03-15");
    expect(soloCheckExpired("2024-03-15", "2026-03-14", 24)).toBe(false);
    expect(soloCheckExpired("2024-03-15", "2026-03-15", 24)).toBe(true);
    expect(soloCheckExpired("2024-03-16", "2026-03-15", 24)).toBe(false);
    expect(soloCheckExpired("2019-01-01", "2026-03-15", 24)).toBe(true);
    expect(soloCheckExpired("2026-03-15", "2026-03-15", 1)).toBe(false);
  });
});
