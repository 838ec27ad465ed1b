import type { ActionStatus } from "../checks/plan.ts";
import type { Tool } from "../content/schema.ts";
import { addDays } from "../dates.ts";
import type { PerspectiveResult } from "./aggregation.ts";
import { largestGaps, mirror } from "./mirror.ts";
import type { Perspective } from "./perspectives.ts";

/**
 * The intervisie agenda of a round: one page with what most needs discussing — the factors with the lowest means, the
 * factors where the perspectives differ most, and the team plan's actions that are due soon or overdue. Built only
 * from the disclosed results (`roundAggregates`): a mean the anonymity rules hide is never chosen or shown.
 */

/** At most this many items per list; actions count as due from `dueWithinDays` days ahead (and every overdue one). */
export const AGENDA_LIMITS = { lowest: 5, gaps: 5, actions: 5, dueWithinDays: 14 } as const;

type FactorRef = { id: string; themeId: string; themeTitle: string; text: string };
export type AgendaLowFactor = FactorRef & { perspective: Perspective; mean: number };
export type AgendaGap = FactorRef & { means: Partial<Record<Perspective, number>>; gap: number };
export type AgendaActionInput = {
  id: string;
  themeId: string;
  factorId: string | null;
  what: string;
  who: string;
  ownerName: string | null;
  when: string | null;
  status: ActionStatus;
};
export type AgendaAction = AgendaActionInput & { overdue: boolean };

export type IntervisieAgenda = {
  /** The day (yyyy-mm-dd, Dutch time) the agenda was made for; `dueUntil` is the last day an action counts as due. */
  today: string;
  dueUntil: string;
  lowest: AgendaLowFactor[];
  gaps: AgendaGap[];
  actions: AgendaAction[];
  /** Due actions left off the list (beyond the limit). */
  moreActions: number;
};

/** Chooses the agenda; `today` is the Dutch day (dates.ts `dutchDay`). */
export function intervisieAgenda(
  tool: Tool,
  results: readonly PerspectiveResult[],
  actions: readonly AgendaActionInput[],
  today: string,
): IntervisieAgenda {
  const refs = new Map<string, FactorRef & { order: number }>();
  for (const theme of tool.themes)
    for (const item of theme.items)
      refs.set(item.id, { id: item.id, themeId: theme.id, themeTitle: theme.title, text: item.text, order: refs.size });
  const ref = (id: string): FactorRef => {
    const { order: _order, ...found } = refs.get(id) ?? { id, themeId: "", themeTitle: "", text: "", order: 0 };
    return found;
  };
  const orderOf = (id: string) => refs.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  const rows = mirror([...results]).items.filter((row) => refs.has(row.id));

  // Per factor its lowest released mean and the group that gave it; lowest first, content order on ties.
  const lowest = rows
    .flatMap((row) => {
      const entries = Object.entries(row.means) as [Perspective, number][];
      if (entries.length === 0) return [];
      const [perspective, mean] = entries.reduce((low, entry) => (entry[1] < low[1] ? entry : low));
      return [{ ...ref(row.id), perspective, mean }];
    })
    .sort((a, b) => a.mean - b.mean || orderOf(a.id) - orderOf(b.id))
    .slice(0, AGENDA_LIMITS.lowest);

  const gaps = largestGaps(
    [...rows].sort((a, b) => orderOf(a.id) - orderOf(b.id)),
    AGENDA_LIMITS.gaps,
  ).map((row) => ({ ...ref(row.id), means: row.means, gap: row.gap ?? 0 }));

  const dueUntil = addDays(today, AGENDA_LIMITS.dueWithinDays);
  const due = actions
    .filter((a): a is AgendaActionInput & { when: string } => a.status !== "klaar" && a.when !== null && a.when <= dueUntil)
    .sort((a, b) => a.when.localeCompare(b.when) || a.themeId.localeCompare(b.themeId) || a.id.localeCompare(b.id))
    .map((a) => ({ ...a, overdue: a.when < today }));

  return {
    today,
    dueUntil,
    lowest,
    gaps,
    actions: due.slice(0, AGENDA_LIMITS.actions),
    moreActions: Math.max(0, due.length - AGENDA_LIMITS.actions),
  };
}
