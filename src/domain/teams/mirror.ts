import { roundOneDecimal } from "../checks/scoring.ts";
import { isVisible, type PerspectiveResult } from "./aggregation.ts";
import type { Perspective } from "./perspectives.ts";

export type MirrorRow = {
  id: string;
  /** Mean per perspective that reached the threshold. */
  means: Partial<Record<Perspective, number>>;
  /** Largest difference between two perspectives; null when fewer than two perspectives have a mean. */
  gap: number | null;
};

function rows(
  results: PerspectiveResult[],
  pick: (r: Extract<PerspectiveResult, { visible: true }>) => { id: string; mean: number | null }[],
): MirrorRow[] {
  const visible = results.filter(isVisible);
  const byId = new Map<string, MirrorRow>();
  for (const result of visible) {
    for (const { id, mean } of pick(result)) {
      const row = byId.get(id) ?? { id, means: {}, gap: null };
      if (mean !== null) row.means[result.perspective] = mean;
      byId.set(id, row);
    }
  }
  for (const row of byId.values()) {
    const values = Object.values(row.means);
    row.gap = values.length >= 2 ? roundOneDecimal(Math.max(...values) - Math.min(...values)) : null;
  }
  return [...byId.values()];
}

/** Perspectives side by side per theme and per factor, in content order. */
export function mirror(results: PerspectiveResult[]): { themes: MirrorRow[]; items: MirrorRow[] } {
  return { themes: rows(results, (r) => r.themes), items: rows(results, (r) => r.items) };
}

/** The factors where perspectives differ most: the conversation starters of a spiegelsessie. */
export function largestGaps(mirrorRows: MirrorRow[], count = 5): MirrorRow[] {
  return mirrorRows
    .filter((r) => r.gap !== null && r.gap > 0)
    .sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0))
    .slice(0, count);
}
