import type { z } from "zod";
import type { Tip, Tool } from "../content/schema.ts";
import type { Answers, AnswerValue } from "./answers.ts";
import type { resultsSummaryResponse, TIP_GROUPS, themeScoreResponse } from "./responses.ts";

/** Factors scored at or below this value are marked as aandachtspunt. */
export const AANDACHTSPUNT_MAX = 5;

/** A theme's score; the shape is the API's (responses.ts). */
export type ThemeScore = z.output<typeof themeScoreResponse>;

export type ItemValue = { id: string; value: AnswerValue | null };

export type TipGroup = (typeof TIP_GROUPS)[number];

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
export function prioritiseTips<T extends Pick<FactorTips, "group" | "value">>(entries: T[]): T[] {
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

/**
 * The results as the API sends them (`resultsSummaryResponse`): scores, the answered factors and the order of the
 * factors' tips, without the tips themselves, which the client has in the tool it loaded.
 */
export type ResultsSummary = z.output<typeof resultsSummaryResponse>;

/**
 * `computeResults` without the tips, in one pass over the factors (every results read runs it). Scores are whole
 * numbers, so the sums are exact and the means the same as `meanOfScores` gives.
 */
export function summariseResults(tool: Tool, answers: Answers): ResultsSummary {
  const themes: ThemeScore[] = [];
  const answered: Answers = {};
  const entries: { itemId: string; group: TipGroup; value: AnswerValue | null }[] = [];
  let total = 0;
  let scored = 0;
  for (const theme of tool.themes) {
    let sum = 0;
    let numbers = 0;
    let notApplicable = 0;
    let unanswered = 0;
    for (const item of theme.items) {
      const value = answers[item.id] ?? null;
      entries.push({ itemId: item.id, group: tipGroup(value), value });
      if (value !== null) answered[item.id] = value;
      if (typeof value === "number") {
        sum += value;
        numbers++;
      } else if (value === "nvt") notApplicable++;
      else if (value === null) unanswered++;
    }
    themes.push({ id: theme.id, score: numbers > 0 ? roundOneDecimal(sum / numbers) : null, answered: numbers, notApplicable, unanswered });
    total += sum;
    scored += numbers;
  }
  const tipOrder = prioritiseTips(entries).map(({ itemId }) => itemId);
  return { overall: scored > 0 ? roundOneDecimal(total / scored) : null, themes, answers: answered, tipOrder };
}

/** The full results again, from a summary and the tool it was computed with: tip texts and factor wording from the tool. */
export function withTips(tool: Tool, summary: ResultsSummary): Results {
  const answerFor = (id: string): AnswerValue | null => summary.answers[id] ?? null;
  const factors = new Map(tool.themes.flatMap((theme) => theme.items.map((item) => [item.id, { themeId: theme.id, item }] as const)));
  const tips = summary.tipOrder.flatMap((itemId): FactorTips[] => {
    const factor = factors.get(itemId);
    if (!factor) return [];
    const { themeId, item } = factor;
    const value = answerFor(itemId);
    return [{ itemId, themeId, text: item.text, value, group: tipGroup(value), tips: item.tips }];
  });
  const items = tool.themes.flatMap((theme) => theme.items.map((item) => ({ id: item.id, value: answerFor(item.id) })));
  return { overall: summary.overall, themes: summary.themes, items, tips };
}
