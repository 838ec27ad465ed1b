/** The three perspectives a measurement round asks. Keys are API names; labels are Dutch. */
export const PERSPECTIVES = ["professional", "youth", "employer"] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

export const PERSPECTIVE_LABELS: Record<Perspective, string> = {
  professional: "Professionals",
  youth: "Jongeren",
  employer: "Werkgevers en partners",
};

/** Group results are shown from this many responses per perspective; a team may raise it, never lower it. */
export const MIN_ANONYMITY_THRESHOLD = 3;
export const MAX_ANONYMITY_THRESHOLD = 50;

export function effectiveThreshold(teamSetting: number | undefined): number {
  return Math.max(MIN_ANONYMITY_THRESHOLD, Math.floor(teamSetting ?? MIN_ANONYMITY_THRESHOLD));
}
