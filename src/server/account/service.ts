import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { account, planActions, session, teamMembers, teams, user, verification } from "../../db/schema.ts";
import { type AccountTeam, teamFate } from "../../domain/teams/account-teams.ts";

/** Operator-made accounts (the command line) count as verified: the operator vouches for the address. */
export async function markEmailVerified(db: Db, email: string): Promise<boolean> {
  const rows = await db
    .update(user)
    .set({ emailVerified: true, updatedAt: new Date() })
    .where(sql`lower(${user.email}) = ${email.toLowerCase()}`)
    .returning({ id: user.id });
  return rows.length > 0;
}

/** The account holder's teams with what deleting the account would do to each. */
export async function accountTeams(db: Db, userId: string): Promise<AccountTeam[]> {
  const mine = await db
    .select({
      id: teams.id,
      name: teams.name,
      role: teamMembers.role,
      memberCount: sql<number>`(select count(*) from ${teamMembers} m where m.team_id = ${teams.id})`.mapWith(Number),
      coordinatorCount:
        sql<number>`(select count(*) from ${teamMembers} m where m.team_id = ${teams.id} and m.role = 'coordinator')`.mapWith(Number),
    })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teams.name));
  const choosing = mine.filter((t) => teamFate(t.role, t.memberCount, t.coordinatorCount) === "choose").map((t) => t.id);
  const others =
    choosing.length === 0
      ? []
      : await db
          .select({ teamId: teamMembers.teamId, userId: user.id, name: user.name })
          .from(teamMembers)
          .innerJoin(user, eq(user.id, teamMembers.userId))
          .where(and(inArray(teamMembers.teamId, choosing), ne(teamMembers.userId, userId)))
          .orderBy(asc(user.name));
  return mine.map(({ coordinatorCount, ...team }) => {
    const fate = teamFate(team.role, team.memberCount, coordinatorCount);
    const candidates =
      fate === "choose" ? others.filter((o) => o.teamId === team.id).map(({ userId: id, name }) => ({ userId: id, name })) : [];
    return { ...team, fate, candidates };
  });
}

/**
 * Everything the database links to the account (AVG article 15), as the holder downloads it. Never: password hashes,
 * session tokens, or other people's names and addresses (teams show a member count only).
 */
export async function exportAccount(db: Db, userId: string, currentSessionId: string | undefined, moderator: boolean) {
  const [me] = await db.select().from(user).where(eq(user.id, userId));
  if (!me) return undefined;
  const logins = await db
    .select({ providerId: account.providerId, createdAt: account.createdAt, updatedAt: account.updatedAt })
    .from(account)
    .where(eq(account.userId, userId))
    .orderBy(asc(account.createdAt));
  const sessions = await db
    .select({
      id: session.id,
      createdAt: session.createdAt,
      updatedAt: session.updatedAt,
      expiresAt: session.expiresAt,
      ipAddress: session.ipAddress,
      userAgent: session.userAgent,
    })
    .from(session)
    .where(eq(session.userId, userId))
    .orderBy(asc(session.createdAt));
  const memberships = await db
    .select({
      team: teams.name,
      organisation: teams.organisation,
      region: teams.region,
      role: teamMembers.role,
      joinedAt: teamMembers.joinedAt,
      memberCount: sql<number>`(select count(*) from ${teamMembers} m where m.team_id = ${teams.id})`.mapWith(Number),
    })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teams.name));
  const actions = await db
    .select({
      team: teams.name,
      themeId: planActions.themeId,
      factorId: planActions.factorId,
      what: planActions.what,
      due: planActions.when,
      status: planActions.status,
      createdAt: planActions.createdAt,
    })
    .from(planActions)
    .innerJoin(teams, eq(teams.id, planActions.teamId))
    .where(eq(planActions.ownerUserId, userId))
    .orderBy(asc(teams.name), asc(planActions.createdAt));
  return {
    exportedAt: new Date(),
    about:
      "Alle gegevens die de Verbetertool Jongeren & Arbeid aan je account koppelt. Checks en antwoorden in metingen zijn anoniem en hangen niet aan een account.",
    account: {
      id: me.id,
      name: me.name,
      email: me.email,
      emailVerified: me.emailVerified,
      moderator,
      createdAt: me.createdAt,
      updatedAt: me.updatedAt,
    },
    logins: logins.map((l) => ({ ...l, method: l.providerId === "credential" ? "e-mailadres en wachtwoord" : l.providerId })),
    sessions: sessions.map(({ id, ...s }) => ({ ...s, current: id === currentSessionId })),
    teams: memberships,
    teamPlanActionsAssignedToYou: actions,
  };
}
export type AccountExport = NonNullable<Awaited<ReturnType<typeof exportAccount>>>;

export type DeleteOutcome =
  | { deleted: true; deletedTeams: string[] }
  | { deleted: false; blockedTeams: string[] }
  | { deleted: false; notCoordinator: string[] };

/**
 * Deletes the account and everything linked to it (AVG article 17): sessions, logins, memberships and pending reset
 * links go with the user row (cascades and below); team actions assigned to them keep their text without the owner.
 * Teams they are the only member of are deleted along; a team where they are the only coordinator and others remain
 * is deleted only when named in `deleteTeamIds`, otherwise nothing happens and the teams are named. The teams'
 * rows are locked first, so a hand-over or a second deletion at the same moment cannot leave a team without a
 * coordinator.
 */
export async function deleteAccount(db: Db, userId: string, deleteTeamIds: readonly string[]): Promise<DeleteOutcome> {
  return db.transaction(async (tx) => {
    const memberOf = await tx.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId));
    const ids = memberOf.map((m) => m.teamId);
    if (ids.length > 0) await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, ids)).orderBy(asc(teams.id)).for("update");
    const current = await accountTeams(tx, userId);
    const wanted = new Set(deleteTeamIds);
    const notCoordinator = current.filter((t) => wanted.has(t.id) && t.role !== "coordinator").map((t) => t.name);
    const unknown = [...wanted].filter((id) => !current.some((t) => t.id === id));
    if (notCoordinator.length > 0 || unknown.length > 0) return { deleted: false, notCoordinator };
    const blockedTeams = current.filter((t) => t.fate === "choose" && !wanted.has(t.id)).map((t) => t.name);
    if (blockedTeams.length > 0) return { deleted: false, blockedTeams };
    const toDelete = current.filter((t) => t.fate === "deleteAlong" || wanted.has(t.id));
    if (toDelete.length > 0)
      await tx.delete(teams).where(
        inArray(
          teams.id,
          toDelete.map((t) => t.id),
        ),
      );
    // Password-reset links (better-auth keeps the user id as their value).
    await tx.delete(verification).where(eq(verification.value, userId));
    await tx.delete(user).where(eq(user.id, userId));
    return { deleted: true, deletedTeams: toDelete.map((t) => t.name) };
  });
}

/**
 * Makes a member of the team coordinator (or back to member). A coordinator cannot make themselves a member while
 * they are the only coordinator. Returns false when the user is not in the team.
 */
export async function setMemberRole(
  db: Db,
  teamId: string,
  memberId: string,
  role: "coordinator" | "member",
): Promise<"ok" | "notMember" | "lastCoordinator"> {
  return db.transaction(async (tx) => {
    await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for("update");
    const [row] = await tx
      .select({ role: teamMembers.role })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, memberId)));
    if (!row) return "notMember";
    if (row.role === "coordinator" && role === "member") {
      const [count] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.role, "coordinator")));
      if ((count?.n ?? 0) <= 1) return "lastCoordinator";
    }
    await tx
      .update(teamMembers)
      .set({ role })
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, memberId)));
    return "ok";
  });
}
