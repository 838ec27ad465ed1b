/**
 * What happens to a team when its member deletes their account:
 * - `leave`: they leave it (a plain member, or one of several coordinators);
 * - `deleteAlong`: they are its only member, so it is deleted with the account;
 * - `choose`: they are its only coordinator and others are in it: hand over first, or delete the team along.
 */
export type TeamFate = "leave" | "deleteAlong" | "choose";

/** One of the account holder's teams, as the account page shows it. */
export type AccountTeam = {
  id: string;
  name: string;
  role: "coordinator" | "member";
  memberCount: number;
  fate: TeamFate;
  /** Only for `choose`: the members who could become coordinator (names, never addresses). */
  candidates: { userId: string; name: string }[];
};

export function teamFate(role: AccountTeam["role"], memberCount: number, coordinatorCount: number): TeamFate {
  if (memberCount <= 1) return "deleteAlong";
  if (role === "coordinator" && coordinatorCount <= 1) return "choose";
  return "leave";
}
