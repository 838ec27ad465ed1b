/** A member's role in a team: coordinators manage the team and its rounds, members take part. */
export const MEMBER_ROLES = ["coordinator", "member"] as const;
export type Role = (typeof MEMBER_ROLES)[number];
