import { useEffect, useMemo, useState } from "react";
import type { Tool } from "../../../domain/content/schema.ts";
import { type TeamActionPatch, teamActionInputSchema, teamActionPatchSchema } from "../../../domain/teams/inputs.ts";
import { getMainTool, getTool } from "../../api/checks.ts";
import { ApiError } from "../../api/client.ts";
import { type RoundResults, type Team, type TeamPlan, teamsApi } from "../../api/teams.ts";
import type { EditableAction, PlanEditing } from "../../app/plan/PlanEditing.ts";
import { usePlanEditors, withPendingChanges } from "../../app/plan/usePlanEditors.ts";
import { SaveQueue } from "../../app/save/queue.ts";
import "../../app/zod.ts";

export type TeamPlanLoad =
  | { status: "loading" }
  | { status: "error"; error: ApiError; retry: () => void }
  | {
      status: "ready";
      team: Team;
      tool: Tool;
      /** As loaded: the score change per action is computed by the server for the action's factor at that moment. */
      loaded: TeamPlan;
      latest: RoundResults | null;
      editing: PlanEditing;
      queue: SaveQueue<TeamActionPatch>;
    };

export const teamPlanStorageKey = (teamId: string) => `verbetertool:teamplan-onopgeslagen:${teamId}`;

function createQueue(teamId: string): SaveQueue<TeamActionPatch> {
  return new SaveQueue<TeamActionPatch>(teamPlanStorageKey(teamId), {
    answers: () => Promise.resolve(),
    themeText: (themeId, text, keepalive) => teamsApi.putThemeText(teamId, themeId, text, keepalive),
    action: (actionId, patch, keepalive) => teamsApi.patchAction(teamId, actionId, patch, keepalive),
  });
}

/**
 * The team plan with the same save queue as a personal plan: every change is kept in localStorage until the server
 * has it, so nothing is lost on refresh or a bad connection; the unsent changes are laid over what the server sends.
 */
export function useTeamPlan(teamId: string): TeamPlanLoad {
  const queue = useMemo(() => createQueue(teamId), [teamId]);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<
    | { status: "loading" }
    | { status: "error"; error: ApiError }
    | { status: "ready"; team: Team; tool: Tool; loaded: TeamPlan; latest: RoundResults | null }
  >({ status: "loading" });
  const [plan, setPlan] = useState<{ themes: Record<string, string>; actions: EditableAction[] }>({ themes: {}, actions: [] });

  useEffect(() => {
    queue.start();
    return () => queue.stop();
  }, [queue]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger
  useEffect(() => {
    const abort = new AbortController();
    setOutcome({ status: "loading" });
    void (async () => {
      try {
        const before = structuredClone(queue.pending);
        const [loaded, team] = await Promise.all([teamsApi.plan(teamId, abort.signal), teamsApi.get(teamId, abort.signal)]);
        const tool = await (team.rounds[0] ? getTool(team.rounds[0].toolId) : getMainTool()); // the latest round's tool
        const latest = loaded.latestRound ? await teamsApi.results(loaded.latestRound.id, abort.signal).catch(() => null) : null;
        if (abort.signal.aborted) return;
        const pending = queue.pending;
        setPlan(withPendingChanges<EditableAction, TeamActionPatch>(loaded, before, pending));
        setOutcome({ status: "ready", team, tool, loaded, latest });
      } catch (error) {
        if (abort.signal.aborted) return;
        setOutcome({ status: "error", error: error instanceof ApiError ? error : new ApiError(0, "network") });
      }
    })();
    return () => abort.abort();
  }, [teamId, queue, attempt]);

  const { setThemeText, changeAction, actionAdded, actionRemoved } = usePlanEditors(setPlan, queue);

  const editing = useMemo<PlanEditing>(
    () => ({
      plan,
      setThemeText,
      changeAction,
      actionAdded,
      actionRemoved,
      addAction: (input) => teamsApi.addAction(teamId, input),
      deleteAction: (actionId) => teamsApi.deleteAction(teamId, actionId),
      queue,
      schemas: { input: teamActionInputSchema, patch: teamActionPatchSchema },
    }),
    [plan, setThemeText, changeAction, actionAdded, actionRemoved, teamId, queue],
  );

  const retry = () => setAttempt((n) => n + 1);
  if (outcome.status === "loading") return outcome;
  if (outcome.status === "error") return { ...outcome, retry };
  return { ...outcome, editing, queue };
}
