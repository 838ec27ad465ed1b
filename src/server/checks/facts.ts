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

/**
 * A bounded in-process cache of check id → facts, least recently used out first (a Map keeps insertion order: a
 * hit moves its entry to the end). Per app instance; a stale entry (the check was deleted) only means the statement
 * finds no row, which is answered as before. 10,000 entries take a few MB.
 */
export class CheckFactsCache {
  private readonly entries = new Map<string, CheckFacts>();

  constructor(private readonly capacity = 10_000) {}

  get(id: string): CheckFacts | undefined {
    const facts = this.entries.get(id);
    if (facts) {
      this.entries.delete(id);
      this.entries.set(id, facts);
    }
    return facts;
  }

  remember(id: string, facts: CheckFacts): void {
    this.entries.delete(id);
    this.entries.set(id, facts);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
