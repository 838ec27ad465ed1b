import { describe, expect, it } from "vitest";
import { actionInputSchema, actionPatchSchema, checkActionFactor } from "./plan.ts";

describe("plan actions", () => {
  it("fills defaults for a minimal action", () => {
    expect(actionInputSchema.parse({ themeId: "1", what: "Intakegesprek herzien" })).toEqual({
      themeId: "1",
      factorId: null,
      what: "Intakegesprek herzien",
      who: "",
      when: null,
      status: "open",
    });
  });

  it("requires what, a valid status and a real date", () => {
    expect(actionInputSchema.safeParse({ themeId: "1", what: "  " }).success).toBe(false);
    expect(actionInputSchema.safeParse({ themeId: "1", what: "x", status: "gedaan" }).success).toBe(false);
    expect(actionInputSchema.safeParse({ themeId: "1", what: "x", when: "2026-02-30" }).success).toBe(false);
    expect(actionInputSchema.safeParse({ themeId: "1", what: "x", when: "2026-02-28" }).success).toBe(true);
  });

  it("patches only the fields given, without defaults", () => {
    expect(actionPatchSchema.parse({ status: "klaar" })).toEqual({ status: "klaar" });
    expect(actionPatchSchema.safeParse({ unknown: 1 }).success).toBe(false);
  });

  it("only links a factor of the action's own theme", () => {
    const themes = new Map([
      ["1", new Set(["1.1", "1.2"])],
      ["2", new Set(["2.3"])],
    ]);
    expect(checkActionFactor("1", "1.2", themes)).toBeNull();
    expect(checkActionFactor("1", null, themes)).toBeNull();
    expect(checkActionFactor("1", "2.3", themes)?.field).toBe("factorId");
    expect(checkActionFactor("9", null, themes)?.field).toBe("themeId");
  });
});
