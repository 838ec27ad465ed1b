import { z } from "zod";
import { ACTION_STATUSES } from "../checks/plan.ts";

/**
 * Response schemas of the account routes: `/api/me`, `/api/account…` and the team hand-over. The server encodes
 * every response through them; none holds a password hash, a session token or another member's address.
 */

export const MEMBER_ROLES = ["coordinator", "member"] as const;
const memberRole = z.enum(MEMBER_ROLES);

/** The signed-in person as the pages need them. */
const signedInUser = z.object({ email: z.string(), name: z.string(), emailVerified: z.boolean() });

/** `GET /api/me`: who is signed in (`user: null` when nobody is) and whether they moderate. */
export const meResponse = z.object({ user: signedInUser.nullable(), moderator: z.boolean() });

/**
 * What happens to a team when its member deletes their account:
 * - `leave`: they leave it (a plain member, or one of several coordinators);
 * - `deleteAlong`: they are its only member, so it is deleted with the account;
 * - `choose`: they are its only coordinator and others are in it: hand over first, or delete the team along.
 */
export const TEAM_FATES = ["leave", "deleteAlong", "choose"] as const;

/** One of the account holder's teams, as the account page shows it. */
export const accountTeamResponse = z.object({
  id: z.string(),
  name: z.string(),
  role: memberRole,
  memberCount: z.number(),
  fate: z.enum(TEAM_FATES),
  /** Only for `choose`: the members who could become coordinator (names, never addresses). */
  candidates: z.array(z.object({ userId: z.string(), name: z.string() })),
});

/** `GET /api/account`: the account page's data. */
export const accountOverviewResponse = z.object({
  user: signedInUser,
  moderator: z.boolean(),
  teams: z.array(accountTeamResponse),
});

/**
 * `GET /api/account/export`: everything the database links to the account (AVG article 15), as a JSON download.
 * Never password hashes, session tokens, or other people's names and addresses (teams show a member count only).
 */
export const accountExportResponse = z.object({
  exportedAt: z.date(),
  about: z.string(),
  account: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    moderator: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  }),
  logins: z.array(z.object({ providerId: z.string(), method: z.string(), createdAt: z.date(), updatedAt: z.date() })),
  sessions: z.array(
    z.object({
      createdAt: z.date(),
      updatedAt: z.date(),
      expiresAt: z.date(),
      ipAddress: z.string().nullable(),
      userAgent: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
  teams: z.array(
    z.object({
      team: z.string(),
      organisation: z.string(),
      region: z.string(),
      role: memberRole,
      joinedAt: z.date(),
      memberCount: z.number(),
    }),
  ),
  teamPlanActionsAssignedToYou: z.array(
    z.object({
      team: z.string(),
      themeId: z.string(),
      factorId: z.string().nullable(),
      what: z.string(),
      due: z.string().nullable(),
      status: z.enum(ACTION_STATUSES),
      createdAt: z.date(),
    }),
  ),
});

/** `DELETE /api/account`: deleted, with the teams that went along. */
export const accountDeletedResponse = z.object({ deleted: z.literal(true), deletedTeams: z.array(z.string()) });

/** `PATCH /api/teams/:id/members/:userId`: the member's new role. */
export const memberRoleChangedResponse = z.object({ userId: z.string(), role: memberRole });
