import type { Perspective } from "../../domain/teams/perspectives.ts";
import type { CheckRecord } from "./service.ts";

/**
 * What saving or reading a check needs before it touches the database and what never changes once the check exists:
 * its tool, and for a respondent's check its round, perspective and channel. Whether it was handed in and whether
 * its round still takes answers do change, so they are never kept here (they are decided in the statement itself).
 */
export type CheckFacts = {
  toolId: string;
  round: { id: string; perspective: Perspective } | null;
  channel: CheckRecord["channel"];
};

export function factsOf(check: CheckRecord): CheckFacts {
  return {
    toolId: check.toolId,
    round: check.round ? { id: check.round.id, perspective: check.round.perspective } : null,
    channel: check.channel,
  };
}
