import { describe, expect, it } from "vitest";
import type { Answers } from "../checks/answers.ts";
import { addDays } from "../dates.ts";
import { toolWith } from "../test/synthetic-tool.ts";
import { AGENDA_LIMITS, type AgendaActionInput, intervisieAgenda } from "./agenda.ts";
import { discloseRound, releaseRound } from "./aggregation.ts";
import type { Perspective } from "./perspectives.ts";
import { SESSION_LIMITS, sessionThemes } from "./session.ts";

const tip = (title: string) => ({ title, text: `${title} tekst`, source: { document: "verbetertool" } });
const tool = toolWith([
  {
    id: "1",
    title: "Een",
    discussionQuestions: ["Vraag een?", "Vraag twee?"],
    items: ["1.1", "1.2", "1.3", "1.4", "1.5"].map((id) => ({ id, text: `factor ${id}`, tips: [tip(`tip ${id}`), tip(`tweede ${id}`)] })),
  },
  { id: "2", title: "Twee", items: [{ id: "2.6", text: "factor 2.6", tips: [tip("tip 2.6")] }] },
]);
const round = (responses: Partial<Record<Perspective, Answers[]>>, threshold = 3) =>
  discloseRound(tool, releaseRound(tool, responses, threshold), threshold);
const same = (answers: Answers, n = 3) => Array.from({ length: n }, () => answers);

describe("spiegelsessie themes", () => {
  // Professionals score 1.1 high and 1.3 low; young people the other way round on 1.1; 1.2 agrees.
  const results = round({
    professional: same({ "1.1": 9, "1.2": 6, "1.3": 2, "1.4": 7, "1.5": 8, "2.6": 5 }),
    youth: same({ "1.1": 3, "1.2": 6, "1.3": 4, "1.4": 7, "1.5": 8, "2.6": 5 }),
    employer: same({ "1.1": 1, "1.2": 1 }, 2), // below the threshold: hidden
  });
  const themes = sessionThemes(tool, results, {
    "1.1": [{ slug: "a", type: "praktijkvoorbeeld", title: "A" }],
    "1.3": [
      { slug: "b", type: "methode", title: "B" },
      { slug: "a", type: "praktijkvoorbeeld", title: "A" },
    ],
    "1.5": [
      { slug: "c", type: "methode", title: "C" },
      { slug: "d", type: "methode", title: "D" },
    ],
  });

  it("lists every theme of the tool in content order with its questions", () => {
    expect(themes.map((t) => t.id)).toEqual(["1", "2"]);
    expect(themes[0]?.questions).toEqual(["Vraag een?", "Vraag twee?"]);
    expect(themes[1]?.questions).toEqual([]);
  });

  it("puts the largest gaps of the theme first, never a hidden group", () => {
    const first = themes[0];
    expect(first?.gaps.map((g) => [g.id, g.gap])).toEqual([
      ["1.1", 6],
      ["1.3", 2],
    ]);
    expect(first?.gaps.length).toBeLessThanOrEqual(SESSION_LIMITS.gaps);
    for (const theme of themes) {
      expect(Object.keys(theme.mirror.means)).not.toContain("employer");
      for (const f of theme.factors) expect(f.means.employer).toBeUndefined();
    }
    expect(first?.mirror.means).toEqual({ professional: 6.4, youth: 5.6 });
  });

  it("chooses the tips of the gap factors, then the lowest, one per factor, at most three", () => {
    expect(themes[0]?.tips.map((t) => t.title)).toEqual(["tip 1.1", "tip 1.3", "tip 1.2"]);
    expect(themes[1]?.tips.map((t) => t.title)).toEqual(["tip 2.6"]);
  });

  it("links kennisbank examples of those factors, each once, at most three", () => {
    expect(themes[0]?.examples).toEqual([
      { slug: "a", type: "praktijkvoorbeeld", title: "A", factorIds: ["1.1", "1.3"] },
      { slug: "b", type: "methode", title: "B", factorIds: ["1.3"] },
      { slug: "c", type: "methode", title: "C", factorIds: ["1.5"] },
    ]);
  });

  it("without released figures still offers the first tips and no gaps", () => {
    const empty = sessionThemes(tool, round({ professional: same({ "1.1": 5, "1.2": 5, "1.3": 5 }, 2) }));
    expect(empty[0]?.gaps).toEqual([]);
    expect(empty[0]?.mirror).toEqual({ means: {}, gap: null });
    expect(empty[0]?.tips.map((t) => t.factorId)).toEqual(["1.1", "1.2", "1.3"]);
    expect(empty[0]?.factors.every((f) => Object.keys(f.means).length === 0)).toBe(true);
  });
});

describe("intervisie agenda", () => {
  const action = (id: string, when: string | null, status: AgendaActionInput["status"] = "open"): AgendaActionInput => ({
    id,
    themeId: "1",
    factorId: null,
    what: `actie ${id}`,
    who: "",
    ownerName: null,
    when,
    status,
  });

  it("chooses the lowest released means with their group, lowest first", () => {
    const results = round({
      professional: same({ "1.1": 9, "1.2": 6, "1.3": 2, "1.4": 7, "1.5": 8, "2.6": 5 }),
      youth: same({ "1.1": 3, "1.2": 6, "1.3": 4, "1.4": 7, "1.5": 8, "2.6": 5 }),
      employer: same({ "1.1": 1, "1.2": 1 }, 2),
    });
    const agenda = intervisieAgenda(tool, results, [], "2026-03-01");
    expect(agenda.lowest.map((f) => [f.id, f.perspective, f.mean])).toEqual([
      ["1.3", "professional", 2],
      ["1.1", "youth", 3],
      ["2.6", "professional", 5],
      ["1.2", "professional", 6],
      ["1.4", "professional", 7],
    ]);
    expect(agenda.lowest[0]).toMatchObject({ themeId: "1", themeTitle: "Een", text: "factor 1.3" });
    // The employers' 1 (two answers, below the threshold) is never chosen.
    expect(agenda.lowest.every((f) => f.perspective !== "employer")).toBe(true);
    expect(agenda.gaps.map((g) => [g.id, g.gap])).toEqual([
      ["1.1", 6],
      ["1.3", 2],
    ]);
  });

  it("has no gaps with one group and nothing at all without released figures", () => {
    const answers = { "1.1": 4, "1.2": 6, "2.6": 5 };
    const one = intervisieAgenda(tool, round({ professional: same(answers) }), [], "2026-03-01");
    expect(one.gaps).toEqual([]);
    expect(one.lowest.map((f) => f.id)).toEqual(["1.1", "2.6", "1.2"]);
    const none = intervisieAgenda(tool, round({ professional: same(answers, 2) }), [], "2026-03-01");
    expect(none.lowest).toEqual([]);
  });

  it("lists actions due within two weeks or overdue, not done ones, soonest first, at most five", () => {
    const actions = [
      action("later", "2026-03-16"),
      action("edge", "2026-03-15"),
      action("done", "2026-02-01", "klaar"),
      action("undated", null),
      action("late", "2026-02-20", "bezig"),
      action("today", "2026-03-01"),
      ...["a", "b", "c", "d"].map((id) => action(id, "2026-03-10")),
    ];
    const agenda = intervisieAgenda(tool, round({}), actions, "2026-03-01");
    expect(agenda.dueUntil).toBe("2026-03-15");
    expect(agenda.actions.map((a) => [a.id, a.overdue])).toEqual([
      ["late", true],
      ["today", false],
      ["a", false],
      ["b", false],
      ["c", false],
    ]);
    expect(agenda.actions).toHaveLength(AGENDA_LIMITS.actions);
    expect(agenda.moreActions).toBe(2);
  });

  it("adds days across months and years", () => {
    expect(addDays("2026-12-25", 14)).toBe("2027-01-08");
    expect(addDays("2028-02-20", 14)).toBe("2028-03-05");
  });
});
