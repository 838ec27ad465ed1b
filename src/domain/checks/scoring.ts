import type { Tip, Tool } from "../content/schema.ts";
import type { Answers, AnswerValue } from "./answers.ts";

/** Factors scored at or below this value are marked as aandachtspunt. */
export const AANDACHTSPUNT_MAX = 5;

export type ThemeScore = {
  id: string;
  /** Mean of the answered factors, one decimal; null when none is answered with a number. */
  score: number | null;
  answered: number;
  notApplicable: number;
  unanswered: number;
};

export type ItemValue = { id: string; value: AnswerValue | null };

export type TipGroup = "aandachtspunt" | "overig" | "onbeantwoord" | "nvt";

export type FactorTips = {
  itemId: string;
  themeId: string;
  text: string;
  value: AnswerValue | null;
  group: TipGroup;
  tips: Tip[];
};

export type Results = {
  overall: number | null;
  themes: ThemeScore[];
  items: ItemValue[];
  tips: FactorTips[];
};

/** Rounds half away from zero to one decimal, avoiding binary artefacts (7.25 → 7.3). */
export function roundOneDecimal(value: number): number {
  return Math.round((value + Number.EPSILON) * 10) / 10;
}

/** Mean of the numeric answers; n.v.t. and unanswered are left out. null when there is nothing to average. */
export function meanOfScores(values: readonly (AnswerValue | null | undefined)[]): number | null {
  const scores = values.filter((v): v is number => typeof v === "number");
  if (scores.length === 0) return null;
  return roundOneDecimal(scores.reduce((a, b) => a + b, 0) / scores.length);
}

export function tipGroup(value: AnswerValue | null): TipGroup {
  if (value === null) return "onbeantwoord";
  // "Weet ik niet" is no judgement either: grouped with n.v.t.
  if (value === "nvt" || value === "weetniet") return "nvt";
  return value <= AANDACHTSPUNT_MAX ? "aandachtspunt" : "overig";
}

const GROUP_ORDER: Record<TipGroup, number> = { aandachtspunt: 0, overig: 1, onbeantwoord: 2, nvt: 3 };

/** Tips ordered for action: lowest scores first, then unanswered, then the factors deliberately not applied. */
export function prioritiseTips(entries: FactorTips[]): FactorTips[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const byGroup = GROUP_ORDER[a.entry.group] - GROUP_ORDER[b.entry.group];
      if (byGroup !== 0) return byGroup;
      const av = typeof a.entry.value === "number" ? a.entry.value : 0;
      const bv = typeof b.entry.value === "number" ? b.entry.value : 0;
      return av - bv || a.index - b.index;
    })
    .map(({ entry }) => entry);
}

export function computeResults(tool: Tool, answers: Answers): Results {
  const answerFor = (id: string): AnswerValue | null => answers[id] ?? null;
  const allValues: (AnswerValue | null)[] = [];
  const themes: ThemeScore[] = tool.themes.map((theme) => {
    const values = theme.items.map((item) => answerFor(item.id));
    allValues.push(...values);
    return {
      id: theme.id,
      score: meanOfScores(values),
      answered: values.filter((v) => typeof v === "number").length,
      notApplicable: values.filter((v) => v === "nvt").length,
      unanswered: values.filter((v) => v === null).length,
    };
  });
  const items = tool.themes.flatMap((t) => t.items.map((item) => ({ id: item.id, value: answerFor(item.id) })));
  const tips = prioritiseTips(
    tool.themes.flatMap((theme) =>
      theme.items.map((item) => {
        const value = answerFor(item.id);
        return { itemId: item.id, themeId: theme.id, text: item.text, value, group: tipGroup(value), tips: item.tips };
      }),
    ),
  );
  return { overall: meanOfScores(allValues), themes, items, tips };
}
