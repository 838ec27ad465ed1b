import { formatScore } from "../checks/format.ts";
import type { Tool } from "../content/schema.ts";

/** The perspectives a measurement round can ask. Keys are API names; labels are Dutch. */
export const PERSPECTIVES = ["professional", "youth", "employer", "ketenpartner"] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

/** What a round asks when it was started before perspectives could be chosen. */
export const ORIGINAL_PERSPECTIVES: Perspective[] = ["professional", "youth", "employer"];

export const PERSPECTIVE_LABELS: Record<Perspective, string> = {
  professional: "Professionals",
  youth: "Jongeren",
  employer: "Werkgevers",
  ketenpartner: "Ketenpartners",
};

/** "Professionals 7,0", "Werkgevers 3,0", …: the groups that have a mean, in the usual order. */
export function formatGroupMeans(means: Partial<Record<Perspective, number>>): string[] {
  return PERSPECTIVES.flatMap((p) => {
    const mean = means[p];
    return mean === undefined ? [] : [`${PERSPECTIVE_LABELS[p]} ${formatScore(mean)}`];
  });
}

/** Respondents outside the professional group may answer "weet ik niet": they cannot see everything. */
export const allowsDontKnow = (perspective: Perspective | null | undefined) =>
  perspective !== undefined && perspective !== null && perspective !== "professional";

/** Group results are shown from this many responses per perspective; a team may raise it, never lower it. */
export const MIN_ANONYMITY_THRESHOLD = 3;
export const MAX_ANONYMITY_THRESHOLD = 50;

export function effectiveThreshold(teamSetting: number | undefined): number {
  return Math.max(MIN_ANONYMITY_THRESHOLD, Math.floor(teamSetting ?? MIN_ANONYMITY_THRESHOLD));
}

/** The factors a perspective is asked: all of them for professionals, otherwise those not marked "not asked of". */
export function askedFactorIds(tool: Tool, perspective: Perspective): string[] {
  return tool.themes.flatMap((t) =>
    t.items.filter((i) => perspective === "professional" || !i.notAskedOf?.includes(perspective)).map((i) => i.id),
  );
}
