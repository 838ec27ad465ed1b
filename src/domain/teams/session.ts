import type { Tool } from "../content/schema.ts";
import type { PerspectiveResult } from "./aggregation.ts";
import { largestGaps, type MirrorRow, mirror } from "./mirror.ts";
import type { Perspective } from "./perspectives.ts";

/**
 * A spiegelsessie: a coordinator steps a team through a round theme by theme. Per theme this chooses what to put on
 * the screen — the theme's mirror, the factors where the perspectives differ most, the discussion questions from the
 * content, and a few tips and kennisbank examples of the factors that most need the conversation. Built only from the
 * disclosed results (`roundAggregates`), so a figure the anonymity rules hide never reaches it.
 */

/** How much one theme shows at most, so a projected page stays readable. */
export const SESSION_LIMITS = { gaps: 3, tips: 3, examples: 3 } as const;

/** A kennisbank entry as the session links it (the default tool's factors only). */
export type SessionExample = { slug: string; type: string; title: string };

export type SessionFactor = { id: string; text: string; means: Partial<Record<Perspective, number>>; gap: number | null };

export type SessionTheme = {
  id: string;
  title: string;
  intro: string;
  /** The theme's mean per perspective that is shown, and the gap between the highest and lowest. */
  mirror: { means: Partial<Record<Perspective, number>>; gap: number | null };
  /** Every factor of the theme in content order, with its released means (absent: hidden or not asked). */
  factors: SessionFactor[];
  /** The factors of this theme where the perspectives differ most (gap > 0), largest first. */
  gaps: SessionFactor[];
  questions: string[];
  tips: { factorId: string; title: string; text: string }[];
  examples: (SessionExample & { factorIds: string[] })[];
};

const lowestMean = (row: MirrorRow | undefined): number | null => {
  const values = row ? Object.values(row.means) : [];
  return values.length > 0 ? Math.min(...values) : null;
};

/**
 * The factors of a theme in the order the conversation needs them: the largest gaps first, then the lowest means,
 * then the rest in content order (so a theme without figures still offers its first tips and examples).
 */
export function focusFactors(factorIds: readonly string[], rows: ReadonlyMap<string, MirrorRow>, gapIds: readonly string[]): string[] {
  const byLowest = factorIds
    .map((id, index) => ({ id, index, low: lowestMean(rows.get(id)) }))
    .filter((f) => f.low !== null)
    .sort((a, b) => (a.low ?? 0) - (b.low ?? 0) || a.index - b.index)
    .map((f) => f.id);
  return [...new Set([...gapIds, ...byLowest, ...factorIds])];
}

/** The session's themes, in content order, from the round's disclosed results. */
export function sessionThemes(
  tool: Tool,
  results: readonly PerspectiveResult[],
  examplesByFactor: Readonly<Record<string, readonly SessionExample[]>> = {},
): SessionTheme[] {
  const mirrored = mirror([...results]);
  const themeRows = new Map(mirrored.themes.map((row) => [row.id, row]));
  const itemRows = new Map(mirrored.items.map((row) => [row.id, row]));
  return tool.themes.map((theme) => {
    const texts = new Map(theme.items.map((item) => [item.id, item.text]));
    const factorOf = (row: MirrorRow): SessionFactor => ({ id: row.id, text: texts.get(row.id) ?? "", means: row.means, gap: row.gap });
    const ids = theme.items.map((item) => item.id);
    const rowsOfTheme = ids.flatMap((id) => {
      const row = itemRows.get(id);
      return row ? [row] : [];
    });
    const gaps = largestGaps(rowsOfTheme, SESSION_LIMITS.gaps).map(factorOf);
    const focus = focusFactors(
      ids,
      itemRows,
      gaps.map((g) => g.id),
    );
    const tips = focus
      .flatMap((id) => {
        const tip = theme.items.find((item) => item.id === id)?.tips[0];
        return tip ? [{ factorId: id, title: tip.title, text: tip.text }] : [];
      })
      .slice(0, SESSION_LIMITS.tips);
    const examples = new Map<string, SessionExample & { factorIds: string[] }>();
    for (const id of focus) {
      for (const entry of examplesByFactor[id] ?? []) {
        const known = examples.get(entry.slug);
        if (known) {
          if (!known.factorIds.includes(id)) known.factorIds.push(id);
        } else if (examples.size < SESSION_LIMITS.examples) {
          examples.set(entry.slug, { slug: entry.slug, type: entry.type, title: entry.title, factorIds: [id] });
        }
      }
    }
    const themeRow = themeRows.get(theme.id);
    return {
      id: theme.id,
      title: theme.title,
      intro: theme.intro,
      mirror: { means: themeRow?.means ?? {}, gap: themeRow?.gap ?? null },
      factors: ids.map((id) => factorOf(itemRows.get(id) ?? { id, means: {}, gap: null })),
      gaps,
      questions: theme.discussionQuestions ?? [],
      tips,
      examples: [...examples.values()],
    };
  });
}
