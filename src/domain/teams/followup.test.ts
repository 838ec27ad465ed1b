import { describe, expect, it } from "vitest";
import type { Answers } from "../checks/answers.ts";
import { addDays } from "../dates.ts";
import { toolWith } from "../test/synthetic-tool.ts";
import { discloseRound, releaseRound } from "./aggregation.ts";
import {
  actionsDueBeforeRound,
  daysUntil,
  NEXT_ROUND_REMINDER_DAYS,
  nextRoundInputSchema,
  plannedDateProblem,
  reminderWindow,
} from "./followup.ts";
import { factorTrend } from "./trend.ts";

const tip = { title: "T", text: "t", source: { document: "verbetertool" } };
const tool = toolWith([
  {
    id: "1",
    title: "Een",
    items: [
      { id: "1.1", text: "a", tips: [tip] },
      { id: "1.2", text: "b", tips: [tip] },
    ],
  },
]);

// 12:00 UTC is 13:00 or 14:00 in the Netherlands: the same calendar day.
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

describe("planned next round", () => {
  it("accepts today up to 24 months ahead and refuses the past and beyond, in Dutch", () => {
    expect(plannedDateProblem("2026-12-04", noon("2026-12-04"))).toBeNull();
    expect(plannedDateProblem("2028-12-04", noon("2026-12-04"))).toBeNull();
    expect(plannedDateProblem("2026-12-03", noon("2026-12-04"))).toBe("mag niet in het verleden liggen");
    expect(plannedDateProblem("2028-12-05", noon("2026-12-04"))).toBe("mag hoogstens 24 maanden vooruit liggen");
  });

  it("counts the day in Dutch time: just after midnight in Amsterdam is already the next day", () => {
    // 23:30 UTC on 4 December is 00:30 on 5 December in Amsterdam.
    expect(plannedDateProblem("2026-12-04", new Date("2026-12-04T23:30:00Z"))).toBe("mag niet in het verleden liggen");
  });

  it("takes a real calendar day or null, and names what is wrong", () => {
    expect(nextRoundInputSchema.parse({ plannedOn: "2027-02-28" })).toEqual({ plannedOn: "2027-02-28" });
    expect(nextRoundInputSchema.parse({ plannedOn: null })).toEqual({ plannedOn: null });
    for (const plannedOn of ["2027-02-30", "28-02-2027", "morgen", 20270228]) {
      const result = nextRoundInputSchema.safeParse({ plannedOn });
      expect(result.success, String(plannedOn)).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["plannedOn"]);
    }
    expect(nextRoundInputSchema.safeParse({ plannedOn: "2027-01-01", extra: 1 }).success).toBe(false);
  });

  it("reminds from 14 days before the day through the day itself", () => {
    expect(NEXT_ROUND_REMINDER_DAYS).toBe(14);
    expect(reminderWindow("2026-12-20")).toEqual({ from: "2026-12-20", through: "2027-01-03" });
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(daysUntil("2027-01-03", "2026-12-20")).toBe(14);
    expect(daysUntil("2026-12-20", "2026-12-20")).toBe(0);
  });
});

describe("actions due before a round", () => {
  const action = (id: string, when: string | null, status: "open" | "bezig" | "klaar" = "open") => ({ id, when, status });

  it("marks actions due before the round's first day that are not done", () => {
    const actions = [
      action("a", "2026-09-01"),
      action("b", "2026-09-01", "bezig"),
      action("c", "2026-09-01", "klaar"),
      action("d", "2026-10-01"),
      action("e", "2026-10-02"),
      action("f", null),
    ];
    // The round started on 1 October (Dutch time): an action due that day was not due before it.
    expect(actionsDueBeforeRound(actions, new Date("2026-10-01T08:00:00Z")).map((a) => a.id)).toEqual(["a", "b"]);
  });

  it("takes the round's first day in Dutch time", () => {
    // 22:30 UTC on 30 September is 00:30 on 1 October in Amsterdam: an action due on 30 September was due before.
    expect(actionsDueBeforeRound([action("a", "2026-09-30")], new Date("2026-09-30T22:30:00Z"))).toHaveLength(1);
    expect(actionsDueBeforeRound([action("a", "2026-09-30")], new Date("2026-09-30T21:30:00Z"))).toHaveLength(0);
  });
});

describe("trend per factor", () => {
  const at = (day: string) => new Date(`${day}T10:00:00Z`);
  const scores = (n: number, a: number, b?: number): Answers[] =>
    Array.from({ length: n }, (): Answers => (b === undefined ? { "1.1": a } : { "1.1": a, "1.2": b }));

  it("gives per factor and perspective the means of every round, oldest first, hiding what each round hides", () => {
    const first = discloseRound(tool, releaseRound(tool, { professional: scores(3, 6, 8), youth: scores(3, 4) }, 3), 3);
    const second = discloseRound(tool, releaseRound(tool, { professional: scores(3, 7), youth: scores(2, 9) }, 3), 3);
    const trend = factorTrend([
      { id: "r2", name: "Tweede", startedAt: at("2026-10-01"), results: second },
      { id: "r1", name: "Eerste", startedAt: at("2026-03-01"), results: first },
    ]);
    expect(trend["1.1"]).toEqual([
      { roundId: "r1", roundName: "Eerste", means: { professional: 6, youth: 4 } },
      // Two young people in the second round: below the threshold, so no youth figure at all.
      { roundId: "r2", roundName: "Tweede", means: { professional: 7 } },
    ]);
    // 1.2 only answered by the professionals in the first round: the second round has a point without a figure.
    expect(trend["1.2"]).toEqual([
      { roundId: "r1", roundName: "Eerste", means: { professional: 8 } },
      { roundId: "r2", roundName: "Tweede", means: {} },
    ]);
  });

  it("never has a figure for a factor whose mean its round hid", () => {
    const results = discloseRound(tool, releaseRound(tool, { professional: [...scores(3, 5), { "1.2": 9 }, { "1.2": 9 }] }, 3), 3);
    const hidden = results.flatMap((r) => (r.visible ? r.items.filter((i) => i.mean === null).map((i) => i.id) : []));
    expect(hidden).toContain("1.2");
    const trend = factorTrend([{ id: "r", name: "R", startedAt: at("2026-03-01"), results }]);
    expect(trend["1.2"]?.[0]?.means).toEqual({});
  });
});
