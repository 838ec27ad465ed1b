import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { teamInvites, teamMembers, teams, user } from "../../db/schema.ts";
import { teamMunicipality } from "../../domain/teams/comparison.ts";
import { newSecretId } from "../ids.ts";
import { regionsOf } from "../kennisbank/regions.ts";
import type { Role } from "./access.ts";

export async function createTeam(
  db: Db,
  userId: string,
  input: { name: string; organisation: string; region: string },
): Promise<{ id: string }> {
  const id = newSecretId();
  await db.transaction(async (tx) => {
    await tx.insert(teams).values({ id, ...input });
    await tx.insert(teamMembers).values({ teamId: id, userId, role: "coordinator" });
  });
  return { id };
}

export async function listMyTeams(db: Db, userId: string) {
  return db
    .select({ id: teams.id, name: teams.name, organisation: teams.organisation, region: teams.region, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teams.name));
}

/**
 * A team with its members as `viewer` may see them: coordinators see every member's e-mail address (to recognise
 * who joined), members (and callers that need only the team, the default) names and roles: the privacy page promises it.
 */
export async function getTeam(db: Db, teamId: string, viewer: Role = "member") {
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  if (!team) return undefined;
  const rows = await db
    .select({ userId: user.id, name: user.name, email: user.email, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(user, eq(user.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(user.name));
  const members: { userId: string; name: string; role: Role; email?: string }[] =
    viewer === "coordinator" ? rows : rows.map(({ email: _email, ...member }) => member);
  // Free text from before the structured fields shows as the municipality it names (decision 0043).
  return { ...team, municipality: teamMunicipality(team, regionsOf())?.name ?? null, members };
}

/** Only the team's name ("" for a team deleted meanwhile): for mails and documents, without its members. */
export async function teamName(db: Db, teamId: string): Promise<string> {
  const [row] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId));
  return row?.name ?? "";
}

export async function updateTeam(db: Db, teamId: string, patch: Partial<typeof teams.$inferInsert>) {
  if (Object.keys(patch).length === 0) return;
  await db.update(teams).set(patch).where(eq(teams.id, teamId));
}

/** Deletes the team and, through the cascades, its members, invites, rounds, responses and plan. */
export async function deleteTeam(db: Db, teamId: string): Promise<void> {
  await db.delete(teams).where(eq(teams.id, teamId));
}

/** How long a team invite link works; a coordinator can revoke it sooner. */
export const TEAM_INVITE_VALID_DAYS = 14;

export type TeamInvite = { token: string; role: Role; createdAt: Date; expiresAt: Date };

/** A new invite link, valid for TEAM_INVITE_VALID_DAYS; the team's expired links are cleared out on the way. */
export async function createTeamInvite(db: Db, teamId: string, role: Role): Promise<TeamInvite> {
  const token = newSecretId();
  return db.transaction(async (tx) => {
    await tx.delete(teamInvites).where(and(eq(teamInvites.teamId, teamId), lte(teamInvites.expiresAt, sql`now()`)));
    const [row] = await tx
      .insert(teamInvites)
      .values({ token, teamId, role, expiresAt: sql`now() + make_interval(days => ${TEAM_INVITE_VALID_DAYS})` })
      .returning({ token: teamInvites.token, role: teamInvites.role, createdAt: teamInvites.createdAt, expiresAt: teamInvites.expiresAt });
    if (!row) throw new Error("team invite not stored");
    return row;
  });
}

/** The team's invite links that still work, oldest first (coordinators: to copy again or revoke). */
export async function listTeamInvites(db: Db, teamId: string): Promise<TeamInvite[]> {
  return db
    .select({ token: teamInvites.token, role: teamInvites.role, createdAt: teamInvites.createdAt, expiresAt: teamInvites.expiresAt })
    .from(teamInvites)
    .where(and(eq(teamInvites.teamId, teamId), gt(teamInvites.expiresAt, sql`now()`)))
    .orderBy(asc(teamInvites.createdAt), asc(teamInvites.token));
}

/** Revokes an invite link of the team (it answers 404 from then on); false when the team has no such link. */
export async function revokeTeamInvite(db: Db, teamId: string, token: string): Promise<boolean> {
  const deleted = await db
    .delete(teamInvites)
    .where(and(eq(teamInvites.teamId, teamId), eq(teamInvites.token, token)))
    .returning({ token: teamInvites.token });
  return deleted.length > 0;
}

/** A working invite link: neither expired nor revoked. */
export async function findTeamInvite(db: Db, token: string) {
  const [row] = await db
    .select({ teamId: teamInvites.teamId, role: teamInvites.role, teamName: teams.name })
    .from(teamInvites)
    .innerJoin(teams, eq(teams.id, teamInvites.teamId))
    .where(and(eq(teamInvites.token, token), gt(teamInvites.expiresAt, sql`now()`)));
  return row;
}

/** Joins the team; an existing member keeps the higher of the two roles. */
export async function acceptTeamInvite(db: Db, token: string, userId: string): Promise<{ teamId: string; role: Role } | undefined> {
  const invite = await findTeamInvite(db, token);
  if (!invite) return undefined;
  await db
    .insert(teamMembers)
    .values({ teamId: invite.teamId, userId, role: invite.role })
    .onConflictDoUpdate({
      target: [teamMembers.teamId, teamMembers.userId],
      set: { role: sql`CASE WHEN ${teamMembers.role} = 'coordinator' THEN 'coordinator' ELSE excluded.role END` },
    });
  return { teamId: invite.teamId, role: invite.role };
}

export async function removeMember(db: Db, teamId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
    .returning({ userId: teamMembers.userId });
  return rows.length > 0;
}

export async function coordinatorCount(db: Db, teamId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.role, "coordinator")));
  return row?.n ?? 0;
}
