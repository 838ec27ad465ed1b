import type { Answers } from "../checks/answers.ts";
import { meanOfScores } from "../checks/scoring.ts";
import type { Tool } from "../content/schema.ts";
import { effectiveThreshold, PERSPECTIVES, type Perspective } from "./perspectives.ts";

export type ItemAggregate = {
  id: string;
  mean: number | null;
  answered: number;
  notApplicable: number;
  /** How many respondents gave each score: index 0 is score 1, index 9 is score 10. */
  distribution: number[];
};
export type ThemeAggregate = { id: string; mean: number | null; answered: number; notApplicable: number };

export type PerspectiveResult =
  | { perspective: Perspective; responses: number; visible: false }
  | {
      perspective: Perspective;
      responses: number;
      visible: true;
      overall: number | null;
      themes: ThemeAggregate[];
      items: ItemAggregate[];
    };

export type VisiblePerspectiveResult = Extract<PerspectiveResult, { visible: true }>;

function aggregateItem(id: string, responses: readonly Answers[]): ItemAggregate {
  const distribution = Array.from({ length: 10 }, () => 0);
  let notApplicable = 0;
  const values = responses.map((r) => r[id] ?? null);
  for (const v of values) {
    if (v === "nvt") notApplicable++;
    else if (typeof v === "number") distribution[v - 1] = (distribution[v - 1] ?? 0) + 1;
  }
  return { id, mean: meanOfScores(values), answered: distribution.reduce((a, b) => a + b, 0), notApplicable, distribution };
}

/**
 * Aggregates one perspective. Below the anonymity threshold nothing but the response count leaves this function,
 * so no caller can show scores of a group that is too small.
 */
export function aggregatePerspective(
  tool: Tool,
  perspective: Perspective,
  responses: readonly Answers[],
  threshold: number,
): PerspectiveResult {
  if (responses.length < effectiveThreshold(threshold)) return { perspective, responses: responses.length, visible: false };
  const themes = tool.themes.map((theme) => {
    // Theme mean over every numeric answer of every respondent to the theme's factors.
    const values = responses.flatMap((r) => theme.items.map((item) => r[item.id] ?? null));
    return {
      id: theme.id,
      mean: meanOfScores(values),
      answered: values.filter((v) => typeof v === "number").length,
      notApplicable: values.filter((v) => v === "nvt").length,
    };
  });
  const items = tool.themes.flatMap((t) => t.items.map((item) => aggregateItem(item.id, responses)));
  const overall = meanOfScores(responses.flatMap((r) => Object.values(r)));
  return { perspective, responses: responses.length, visible: true, overall, themes, items };
}

export function aggregateRound(tool: Tool, responses: Record<Perspective, readonly Answers[]>, threshold: number): PerspectiveResult[] {
  return PERSPECTIVES.map((p) => aggregatePerspective(tool, p, responses[p], threshold));
}

export const isVisible = (r: PerspectiveResult): r is VisiblePerspectiveResult => r.visible;
