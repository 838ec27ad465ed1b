import type { Db } from "../../db/client.ts";
import type { Tool } from "../../domain/content/schema.ts";
import { minimumAnswers, type PerspectiveResult } from "../../domain/teams/aggregation.ts";
import { actionsDueBeforeRound } from "../../domain/teams/followup.ts";
import { largestGaps, mirror } from "../../domain/teams/mirror.ts";
import { roundAcceptsAnswers } from "../../domain/teams/rounds.ts";
import { factorChange, factorTrend, themeTrend } from "../../domain/teams/trend.ts";
import { loadPlan } from "../plans/service.ts";
import { channelCounts, previousRound, type RoundRecord, roundAggregates, teamRounds } from "./rounds.ts";

/**
 * What a team sees of its rounds, built from the figures every output shares (`roundAggregates`, which applies the
 * anonymity rules): a round's results with mirror and the round before, the trend over rounds, and the team plan with
 * each action's score change. Routes call these and stay thin.
 */

/** A round's results: per perspective only above the threshold, the mirror, the largest gaps and the round before. */
export async function roundResults(db: Db, round: RoundRecord, tool: Tool, now: Date) {
  const perspectives = await roundAggregates(db, round, tool);
  const mirrored = mirror(perspectives);
  const prev = await previousRound(db, round);
  return {
    round: { ...round, acceptsAnswers: roundAcceptsAnswers(round, now) },
    threshold: round.threshold,
    minimumAnswers: minimumAnswers(tool),
    perspectives,
    channels: await channelCounts(db, round.id),
    mirror: mirrored,
    largestGaps: largestGaps(mirrored.items),
    previous: prev ? { id: prev.id, name: prev.name, perspectives: await roundAggregates(db, prev, tool) } : null,
  };
}

/**
 * Per theme and per factor the means of every round of the team (oldest first), per visible perspective; `toolOf`
 * throws for a tool no longer present.
 */
export async function teamTrend(db: Db, teamId: string, toolOf: (round: RoundRecord) => Tool) {
  const list = await teamRounds(db, teamId);
  const summaries = await Promise.all(
    list.map(async (r) => ({ id: r.id, name: r.name, startedAt: r.startedAt, results: await roundAggregates(db, r, toolOf(r)) })),
  );
  return {
    rounds: list.map((r) => ({ id: r.id, name: r.name, startedAt: r.startedAt, status: r.status })),
    themes: themeTrend(summaries),
    factors: factorTrend(summaries),
  };
}

/**
 * The team plan with, per action with a factor, how that factor's mean moved: between the round the action was made
 * in (or, for actions made in the latest round or before any, the round before the latest) and the latest round.
 */
export async function teamPlanWithChanges(db: Db, teamId: string, toolOf: (toolId: string) => Tool) {
  const [plan, list] = await Promise.all([loadPlan(db, { kind: "team", id: teamId }), teamRounds(db, teamId)]);
  const results = new Map<string, PerspectiveResult[]>();
  for (const r of list) results.set(r.id, await roundAggregates(db, r, toolOf(r.toolId)));
  const latest = list.at(-1);
  const beforeLatest = list.at(-2);
  // Actions due before the latest round began and not done: marked, and listed at the top of the plan page.
  const due = new Set(latest ? actionsDueBeforeRound(plan.actions, latest.startedAt).map((a) => a.id) : []);
  return {
    themes: plan.themes,
    latestRound: latest ? { id: latest.id, name: latest.name } : null,
    actions: plan.actions.map((action) => {
      const baselineId = action.createdInRoundId && action.createdInRoundId !== latest?.id ? action.createdInRoundId : beforeLatest?.id;
      const baseline = list.find((r) => r.id === baselineId);
      const change =
        action.factorId && latest
          ? factorChange(action.factorId, baselineId ? results.get(baselineId) : undefined, results.get(latest.id) ?? [])
          : {};
      return {
        ...action,
        change,
        comparedWith: baseline ? { id: baseline.id, name: baseline.name } : null,
        dueBeforeLatestRound: due.has(action.id),
      };
    }),
    dueBeforeLatestRound: plan.actions.filter((a) => due.has(a.id)).map((a) => a.id),
  };
}
