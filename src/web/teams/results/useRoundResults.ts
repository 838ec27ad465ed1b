import { getTool } from "../../api/checks.ts";
import { teamsApi } from "../../api/teams.ts";
import { useLoad } from "../../app/useLoad.ts";

/** A round's results with its tool (titles of themes and factors) and its team (name, role). */
export function useRoundResults(teamId: string, roundId: string) {
  return useLoad(
    async (signal) => {
      const [results, team] = await Promise.all([teamsApi.results(roundId, signal), teamsApi.get(teamId, signal)]);
      const tool = await getTool(results.round.toolId);
      return { results, team, tool };
    },
    [teamId, roundId],
  );
}
