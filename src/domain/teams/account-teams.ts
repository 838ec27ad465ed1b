import type { z } from "zod";
import type { accountTeamResponse, TEAM_FATES } from "../account/responses.ts";

/** What happens to a team when its member deletes their account (the values: `TEAM_FATES` in account/responses.ts). */
export type TeamFate = (typeof TEAM_FATES)[number];

/** One of the account holder's teams, as the account page shows it (`accountTeamResponse`). */
export type AccountTeam = z.output<typeof accountTeamResponse>;

export function teamFate(role: AccountTeam["role"], memberCount: number, coordinatorCount: number): TeamFate {
  if (memberCount <= 1) return "deleteAlong";
  if (role === "coordinator" && coordinatorCount <= 1) return "choose";
  return "leave";
}
