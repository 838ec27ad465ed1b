import { roundOneDecimal } from "../checks/scoring.ts";
import { isVisible, type PerspectiveResult } from "./aggregation.ts";
import type { Perspective } from "./perspectives.ts";

export type RoundSummary = { id: string; name: string; startedAt: Date; results: PerspectiveResult[] };
export type TrendPoint = { roundId: string; roundName: string; means: Partial<Record<Perspective, number>> };

/** Per theme the means of every visible perspective, round after round (oldest first). */
export function themeTrend(rounds: RoundSummary[]): Record<string, TrendPoint[]> {
  const trend: Record<string, TrendPoint[]> = {};
  for (const round of [...rounds].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())) {
    const points = new Map<string, TrendPoint>();
    for (const result of round.results.filter(isVisible)) {
      for (const theme of result.themes) {
        const point = points.get(theme.id) ?? { roundId: round.id, roundName: round.name, means: {} };
        if (theme.mean !== null) point.means[result.perspective] = theme.mean;
        points.set(theme.id, point);
      }
    }
    for (const [themeId, point] of points) {
      trend[themeId] ??= [];
      trend[themeId].push(point);
    }
  }
  return trend;
}

/**
 * Per factor the means of every visible perspective, round after round (oldest first). Only what `disclose` released
 * in each round: a factor mean hidden in a round (too few answers) has no entry for that round, so the trend shows it
 * as hidden too. Each round's figures rest on their own respondents, so putting rounds next to each other gives
 * nothing away that one round does not.
 */
export function factorTrend(rounds: RoundSummary[]): Record<string, TrendPoint[]> {
  const trend: Record<string, TrendPoint[]> = {};
  for (const round of [...rounds].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())) {
    const points = new Map<string, TrendPoint>();
    for (const result of round.results.filter(isVisible)) {
      for (const item of result.items) {
        const point = points.get(item.id) ?? { roundId: round.id, roundName: round.name, means: {} };
        if (item.mean !== null) point.means[result.perspective] = item.mean;
        points.set(item.id, point);
      }
    }
    for (const [factorId, point] of points) {
      trend[factorId] ??= [];
      trend[factorId].push(point);
    }
  }
  return trend;
}

export type ScoreChange = { before: number | null; after: number | null; delta: number | null };

/** How a factor's mean moved between two rounds, per perspective that is visible in either. */
export function factorChange(
  factorId: string,
  previous: PerspectiveResult[] | undefined,
  current: PerspectiveResult[],
): Partial<Record<Perspective, ScoreChange>> {
  const meanIn = (results: PerspectiveResult[] | undefined, perspective: Perspective) => {
    const r = results?.find((x) => x.perspective === perspective);
    return r && isVisible(r) ? (r.items.find((i) => i.id === factorId)?.mean ?? null) : null;
  };
  const change: Partial<Record<Perspective, ScoreChange>> = {};
  for (const result of current) {
    const before = meanIn(previous, result.perspective);
    const after = meanIn(current, result.perspective);
    if (before === null && after === null) continue;
    change[result.perspective] = { before, after, delta: before !== null && after !== null ? roundOneDecimal(after - before) : null };
  }
  return change;
}
