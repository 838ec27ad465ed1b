import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { planActions, planThemes, rounds, teamMembers, user } from "../../db/schema.ts";
import type { ActionInput, ActionPatch, Plan, PlanAction } from "../../domain/checks/plan.ts";
import { HttpError, notFound } from "../errors.ts";
import { newSecretId } from "../ids.ts";

/**
 * One verbeterplan service for both owners: a check's personal plan and a team's shared plan live in the same tables
 * (plan_themes / plan_actions, one of check_id / team_id set; decision 0031). What differs per owner is small: a team
 * action may be owned by a team member and remembers the round it was made in.
 */
export type PlanOwner = { kind: "check"; id: string } | { kind: "team"; id: string };
export type PlanOwnerKind = PlanOwner["kind"];

/** An action with what a team plan adds (null in a personal plan). */
export type PlanActionRecord = PlanAction & { ownerUserId: string | null; ownerName: string | null; createdInRoundId: string | null };
export type PlanRecord = { themes: Record<string, string>; actions: PlanActionRecord[] };

/** A new action; `ownerUserId` only in a team plan. */
export type NewAction = ActionInput & { ownerUserId?: string | null };
export type ActionChange = ActionPatch & { ownerUserId?: string | null };

const themesOf = (owner: PlanOwner): SQL => (owner.kind === "check" ? eq(planThemes.checkId, owner.id) : eq(planThemes.teamId, owner.id));
const actionsOf = (owner: PlanOwner): SQL =>
  owner.kind === "check" ? eq(planActions.checkId, owner.id) : eq(planActions.teamId, owner.id);

const actionColumns = {
  id: planActions.id,
  themeId: planActions.themeId,
  factorId: planActions.factorId,
  what: planActions.what,
  who: planActions.who,
  when: planActions.when,
  status: planActions.status,
  ownerUserId: planActions.ownerUserId,
  ownerName: user.name,
  createdInRoundId: planActions.createdInRoundId,
};

function selectActions(db: Db) {
  return db.select(actionColumns).from(planActions).leftJoin(user, eq(user.id, planActions.ownerUserId));
}

/** The owner's plan: free text per theme and the actions, in their order (oldest first). */
export async function loadPlan(db: Db, owner: PlanOwner): Promise<PlanRecord> {
  const [themeRows, actionRows] = await Promise.all([
    db.select({ themeId: planThemes.themeId, text: planThemes.text }).from(planThemes).where(themesOf(owner)),
    selectActions(db).where(actionsOf(owner)).orderBy(asc(planActions.position), asc(planActions.createdAt), asc(planActions.id)),
  ]);
  return { themes: Object.fromEntries(themeRows.map((r) => [r.themeId, r.text])), actions: actionRows };
}

/** A personal plan as the check routes and its report show it (no team fields). */
export async function loadPersonalPlan(db: Db, checkId: string): Promise<Plan> {
  const plan = await loadPlan(db, { kind: "check", id: checkId });
  return {
    themes: plan.themes,
    actions: plan.actions.map(({ id, themeId, factorId, what, who, when, status }) => ({ id, themeId, factorId, what, who, when, status })),
  };
}

export async function saveThemePlan(db: Db, owner: PlanOwner, themeId: string, text: string): Promise<void> {
  const ownerColumn = owner.kind === "check" ? planThemes.checkId : planThemes.teamId;
  await db
    .insert(planThemes)
    .values({ [owner.kind === "check" ? "checkId" : "teamId"]: owner.id, themeId, text })
    .onConflictDoUpdate({ target: [ownerColumn, planThemes.themeId], set: { text, updatedAt: sql`now()` } });
}

/** A team action's owner must be a member of that team (400 otherwise); a personal plan has no owners. */
async function assertOwnerAllowed(db: Db, owner: PlanOwner, ownerUserId: string | null | undefined): Promise<void> {
  if (!ownerUserId) return;
  if (owner.kind === "team") {
    const [row] = await db
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, owner.id), eq(teamMembers.userId, ownerUserId)));
    if (row) return;
  }
  throw new HttpError(400, "De eigenaar van een actie moet lid van het team zijn.", "ownerUserId");
}

/** The team's latest round: a new team action remembers it, to show its factor's score change from there. */
async function latestRoundId(db: Db, teamId: string): Promise<string | null> {
  const [row] = await db.select({ id: rounds.id }).from(rounds).where(eq(rounds.teamId, teamId)).orderBy(desc(rounds.startedAt)).limit(1);
  return row?.id ?? null;
}

/** Adds an action at the end of the owner's plan. */
export async function addAction(db: Db, owner: PlanOwner, input: NewAction): Promise<PlanActionRecord> {
  await assertOwnerAllowed(db, owner, input.ownerUserId);
  const id = newSecretId();
  await db.insert(planActions).values({
    id,
    checkId: owner.kind === "check" ? owner.id : null,
    teamId: owner.kind === "team" ? owner.id : null,
    themeId: input.themeId,
    factorId: input.factorId ?? null,
    what: input.what,
    who: input.who,
    when: input.when ?? null,
    status: input.status,
    ownerUserId: input.ownerUserId ?? null,
    createdInRoundId: owner.kind === "team" ? await latestRoundId(db, owner.id) : null,
    position: sql`(SELECT coalesce(max(${planActions.position}), 0) + 1 FROM ${planActions} WHERE ${actionsOf(owner)})`,
  });
  const added = await findAction(db, owner, id);
  // Its team or check was deleted in the meantime (the action went with it): answered as the owner being gone.
  if (!added) throw notFound(owner.kind === "team" ? "Team" : "Check");
  return added;
}

export async function findAction(db: Db, owner: PlanOwner, actionId: string): Promise<PlanActionRecord | undefined> {
  const [row] = await selectActions(db).where(and(actionsOf(owner), eq(planActions.id, actionId)));
  return row;
}

/** Changes only the fields given; undefined when the owner has no such action. */
export async function updateAction(db: Db, owner: PlanOwner, actionId: string, patch: ActionChange): Promise<PlanActionRecord | undefined> {
  await assertOwnerAllowed(db, owner, patch.ownerUserId);
  const set = {
    ...(patch.themeId !== undefined && { themeId: patch.themeId }),
    ...(patch.factorId !== undefined && { factorId: patch.factorId }),
    ...(patch.what !== undefined && { what: patch.what }),
    ...(patch.who !== undefined && { who: patch.who }),
    ...(patch.when !== undefined && { when: patch.when }),
    ...(patch.status !== undefined && { status: patch.status }),
    ...(patch.ownerUserId !== undefined && { ownerUserId: patch.ownerUserId }),
  };
  if (Object.keys(set).length > 0) {
    const rows = await db
      .update(planActions)
      .set(set)
      .where(and(actionsOf(owner), eq(planActions.id, actionId)))
      .returning({ id: planActions.id });
    if (rows.length === 0) return undefined;
  }
  return findAction(db, owner, actionId);
}

export async function deleteAction(db: Db, owner: PlanOwner, actionId: string): Promise<boolean> {
  const rows = await db
    .delete(planActions)
    .where(and(actionsOf(owner), eq(planActions.id, actionId)))
    .returning({ id: planActions.id });
  return rows.length > 0;
}
