import type { Tool } from "../content/schema.ts";
import { dutchDay, monthsBefore } from "../dates.ts";
import type { PerspectiveResult } from "./aggregation.ts";
import type { Perspective } from "./perspectives.ts";

/**
 * The management summary a coordinator shares through a read-only link (a manager, an alderman). It is built only
 * from what `disclose` released (`roundAggregates`), and only of those figures: per group the number of responses
 * and the theme and factor means, every figure null where the team's own results hide it. Nothing else of the team.
 */

/** A link may be valid for at most this many months from today. */
export const MANAGEMENT_LINK_MAX_MONTHS = 12;

/** Why `expiresOn` (yyyy-mm-dd) cannot be a link's last day, in Dutch, or null when it can: today up to 12 months ahead. */
export function managementExpiryProblem(expiresOn: string, now: Date): string | null {
  const today = dutchDay(now);
  if (expiresOn < today) return "mag niet in het verleden liggen";
  if (expiresOn > monthsBefore(today, -MANAGEMENT_LINK_MAX_MONTHS))
    return `mag hoogstens ${MANAGEMENT_LINK_MAX_MONTHS} maanden vooruit liggen`;
  return null;
}

/** A link works through its last day (inclusive, Dutch time) and until it is revoked. */
export function managementLinkWorks(link: { expiresOn: string; revokedAt: Date | null }, now: Date): boolean {
  return link.revokedAt === null && dutchDay(now) <= link.expiresOn;
}

export type ManagementSummary = {
  round: { name: string; startedAt: Date; closedAt: Date | null; closesOn: string | null };
  threshold: number;
  perspectives: {
    perspective: Perspective;
    responses: number;
    visible: boolean;
    overall: number | null;
    themes: { id: string; title: string; mean: number | null; factors: { id: string; title: string; mean: number | null }[] }[];
  }[];
};

/** The summary of a round from its disclosed results; hidden groups keep their themes and factors, with null figures. */
export function managementSummary(
  tool: Tool,
  round: { name: string; startedAt: Date; closedAt: Date | null; closesOn: string | null; threshold: number },
  results: readonly PerspectiveResult[],
): ManagementSummary {
  return {
    round: { name: round.name, startedAt: round.startedAt, closedAt: round.closedAt, closesOn: round.closesOn },
    threshold: round.threshold,
    perspectives: results.map((result) => {
      const themeMeans = new Map(result.visible ? result.themes.map((t) => [t.id, t.mean]) : []);
      const itemMeans = new Map(result.visible ? result.items.map((i) => [i.id, i.mean]) : []);
      return {
        perspective: result.perspective,
        responses: result.responses,
        visible: result.visible,
        overall: result.visible ? result.overall : null,
        themes: tool.themes.map((theme) => ({
          id: theme.id,
          title: theme.title,
          mean: themeMeans.get(theme.id) ?? null,
          // Only the factors this group is asked (disclose lists exactly those).
          factors: theme.items
            .filter((item) => !result.visible || itemMeans.has(item.id))
            .map((item) => ({ id: item.id, title: item.text, mean: itemMeans.get(item.id) ?? null })),
        })),
      };
    }),
  };
}
