import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { teamInvites, teamMembers, teams, user } from "../../db/schema.ts";
import { newSecretId } from "../checks/service.ts";
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

export async function getTeam(db: Db, teamId: string) {
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  if (!team) return undefined;
  const members = await db
    .select({ userId: user.id, name: user.name, email: user.email, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(user, eq(user.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(user.name));
  return { ...team, members };
}

export async function updateTeam(db: Db, teamId: string, patch: Partial<typeof teams.$inferInsert>) {
  if (Object.keys(patch).length === 0) return;
  await db.update(teams).set(patch).where(eq(teams.id, teamId));
}

/** Deletes the team and, through the cascades, its members, invites, rounds, responses and plan. */
export async function deleteTeam(db: Db, teamId: string): Promise<void> {
  await db.delete(teams).where(eq(teams.id, teamId));
}

export async function createTeamInvite(db: Db, teamId: string, role: Role): Promise<string> {
  const token = newSecretId();
  await db.insert(teamInvites).values({ token, teamId, role });
  return token;
}

export async function findTeamInvite(db: Db, token: string) {
  const [row] = await db
    .select({ teamId: teamInvites.teamId, role: teamInvites.role, teamName: teams.name })
    .from(teamInvites)
    .innerJoin(teams, eq(teams.id, teamInvites.teamId))
    .where(eq(teamInvites.token, token));
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
