import { and, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.ts";
import { rounds, teamMembers } from "../../db/schema.ts";
import type { Role } from "../../domain/teams/roles.ts";
import type { Auth } from "../auth/auth.ts";
import { currentUser, type SignedInUser } from "../auth/plugin.ts";
import { HttpError, notFound } from "../errors.ts";

export type { Role };
export type Membership = { user: SignedInUser; teamId: string; role: Role };
export type RoundRecord = typeof rounds.$inferSelect;

/**
 * Who may call a route, declared once in its config (`config: { access: … }`) and checked before its handler:
 * - `"user"`: signed in (else 401);
 * - `{ team: role }`: `:id` is a team the caller is in (else 404, so its existence is not revealed), with at least
 *   that role (a member doing a coordinator's task: 403);
 * - `{ round: role }`: `:id` is a round of a team the caller is in (unknown rounds and rounds of other teams: 404).
 * What the check found (the user, the membership, the round) is loaded once and read in the handler with
 * `signedIn`, `teamAccess` and `roundAccess`.
 */
export type AccessRule = "user" | { team: Role } | { round: Role };

declare module "fastify" {
  interface FastifyContextConfig {
    /** Who may call this route (server/teams/access.ts); checked by the `useAccessRules` hook of its plugin. */
    access?: AccessRule;
  }
}

type Granted = { user: SignedInUser; membership?: Membership; round?: RoundRecord };
const granted = new WeakMap<FastifyRequest, Granted>();

export async function requireUser(auth: Auth, request: FastifyRequest): Promise<SignedInUser> {
  const user = await currentUser(auth, request);
  if (!user) throw new HttpError(401, "Log in om verder te gaan.");
  return user;
}

/**
 * The signed-in user's membership of a team. A team the user is not in answers 404, so its existence is not revealed;
 * a member asking for a coordinator's action gets 403.
 */
async function requireMembership(db: Db, auth: Auth, request: FastifyRequest, teamId: string, needs: Role = "member"): Promise<Membership> {
  const user = await requireUser(auth, request);
  const [row] = await db
    .select({ role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, user.id)));
  if (!row) throw notFound("Team");
  if (needs === "coordinator" && row.role !== "coordinator") throw new HttpError(403, "Alleen coördinatoren van het team mogen dit.");
  return { user, teamId, role: row.role };
}

/** Membership via a round id; unknown rounds and rounds of other teams are both 404. */
export async function requireRoundAccess(db: Db, auth: Auth, request: FastifyRequest, roundId: string, needs: Role = "member") {
  const [round] = await db.select().from(rounds).where(eq(rounds.id, roundId));
  if (!round) {
    await requireUser(auth, request);
    throw notFound("Meting");
  }
  const membership = await requireMembership(db, auth, request, round.teamId, needs).catch((error: unknown) => {
    if (error instanceof HttpError && error.statusCode === 404) throw notFound("Meting");
    throw error;
  });
  return { round, membership };
}

async function grant(db: Db, auth: Auth, request: FastifyRequest, rule: AccessRule): Promise<Granted> {
  if (rule === "user") return { user: await requireUser(auth, request) };
  const id = (request.params as { id?: unknown } | undefined)?.id;
  if (typeof id !== "string") throw new Error(`access rule ${JSON.stringify(rule)} on a route without :id`);
  if ("team" in rule) {
    const membership = await requireMembership(db, auth, request, id, rule.team);
    return { user: membership.user, membership };
  }
  const { round, membership } = await requireRoundAccess(db, auth, request, id, rule.round);
  return { user: membership.user, membership, round };
}

/**
 * Checks the access rule of every route of the calling plugin (and the plugins it registers) that declares one, in a
 * `preHandler` hook: after the input is validated (so bad input stays a 400 first, as before), before the handler.
 * Register it after hooks that must run first (a round past its date closes before it is loaded).
 */
export function useAccessRules(app: FastifyInstance, { db, auth }: { db: Db; auth: Auth }): void {
  app.addHook("preHandler", async (request) => {
    const rule = request.routeOptions.config.access;
    if (rule) granted.set(request, await grant(db, auth, request, rule));
  });
}

function grantOf(request: FastifyRequest): Granted {
  const found = granted.get(request);
  if (!found) throw new Error(`route ${request.routeOptions.url} reads its access without declaring config.access`);
  return found;
}

/** The signed-in user of a route with any access rule. */
export const signedIn = (request: FastifyRequest): SignedInUser => grantOf(request).user;

/** The caller's membership of the team of a `{ team }` or `{ round }` route. */
export function teamAccess(request: FastifyRequest): Membership {
  const { membership } = grantOf(request);
  if (!membership) throw new Error(`route ${request.routeOptions.url} has no team access rule`);
  return membership;
}

/** The round (loaded once, after any closing by date) and the caller's membership of a `{ round }` route. */
export function roundAccess(request: FastifyRequest): { round: RoundRecord; membership: Membership } {
  const { round, membership } = grantOf(request);
  if (!round || !membership) throw new Error(`route ${request.routeOptions.url} has no round access rule`);
  return { round, membership };
}
