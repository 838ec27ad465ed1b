import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { teamPlanActions as actions, teamPlanThemes as themes, user } from "../../db/schema.ts";
import type { PlanAction } from "../../domain/checks/plan.ts";
import type { TeamActionInput, TeamActionPatch } from "../../domain/teams/inputs.ts";
import { newSecretId } from "../checks/service.ts";

export type TeamAction = PlanAction & { ownerUserId: string | null; ownerName: string | null; createdInRoundId: string | null };

const actionColumns = {
  id: actions.id,
  themeId: actions.themeId,
  factorId: actions.factorId,
  what: actions.what,
  who: actions.ownerText,
  when: actions.due,
  status: actions.status,
  ownerUserId: actions.ownerUserId,
  ownerName: user.name,
  createdInRoundId: actions.createdInRoundId,
};

export async function loadTeamPlan(db: Db, teamId: string): Promise<{ themes: Record<string, string>; actions: TeamAction[] }> {
  const [themeRows, actionRows] = await Promise.all([
    db.select().from(themes).where(eq(themes.teamId, teamId)),
    db
      .select(actionColumns)
      .from(actions)
      .leftJoin(user, eq(user.id, actions.ownerUserId))
      .where(eq(actions.teamId, teamId))
      .orderBy(asc(actions.createdAt)),
  ]);
  return { themes: Object.fromEntries(themeRows.map((r) => [r.themeId, r.text])), actions: actionRows };
}

export async function saveTeamThemePlan(db: Db, teamId: string, themeId: string, text: string): Promise<void> {
  await db
    .insert(themes)
    .values({ teamId, themeId, text })
    .onConflictDoUpdate({ target: [themes.teamId, themes.themeId], set: { text, updatedAt: sql`now()` } });
}

export async function addTeamAction(db: Db, teamId: string, input: TeamActionInput, roundId: string | null): Promise<string> {
  const id = newSecretId();
  await db.insert(actions).values({
    id,
    teamId,
    themeId: input.themeId,
    factorId: input.factorId,
    what: input.what,
    ownerText: input.who,
    ownerUserId: input.ownerUserId,
    due: input.when,
    status: input.status,
    createdInRoundId: roundId,
  });
  return id;
}

export async function findTeamAction(db: Db, teamId: string, actionId: string): Promise<TeamAction | undefined> {
  const [row] = await db
    .select(actionColumns)
    .from(actions)
    .leftJoin(user, eq(user.id, actions.ownerUserId))
    .where(and(eq(actions.teamId, teamId), eq(actions.id, actionId)));
  return row;
}

export async function updateTeamAction(db: Db, teamId: string, actionId: string, patch: TeamActionPatch): Promise<void> {
  const set = {
    ...(patch.themeId !== undefined && { themeId: patch.themeId }),
    ...(patch.factorId !== undefined && { factorId: patch.factorId }),
    ...(patch.what !== undefined && { what: patch.what }),
    ...(patch.who !== undefined && { ownerText: patch.who }),
    ...(patch.ownerUserId !== undefined && { ownerUserId: patch.ownerUserId }),
    ...(patch.when !== undefined && { due: patch.when }),
    ...(patch.status !== undefined && { status: patch.status }),
  };
  if (Object.keys(set).length === 0) return;
  await db
    .update(actions)
    .set(set)
    .where(and(eq(actions.teamId, teamId), eq(actions.id, actionId)));
}

export async function deleteTeamAction(db: Db, teamId: string, actionId: string): Promise<boolean> {
  const rows = await db
    .delete(actions)
    .where(and(eq(actions.teamId, teamId), eq(actions.id, actionId)))
    .returning({ id: actions.id });
  return rows.length > 0;
}
