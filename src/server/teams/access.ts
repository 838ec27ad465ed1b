import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../db/client.ts";
import { rounds, teamMembers } from "../../db/schema.ts";
import type { Auth } from "../auth/auth.ts";
import { currentUser, type SignedInUser } from "../auth/plugin.ts";
import { HttpError, notFound } from "../errors.ts";

export type Role = "coordinator" | "member";
export type Membership = { user: SignedInUser; teamId: string; role: Role };

export async function requireUser(auth: Auth, request: FastifyRequest): Promise<SignedInUser> {
  const user = await currentUser(auth, request);
  if (!user) throw new HttpError(401, "Log in om verder te gaan.");
  return user;
}

/**
 * The signed-in user's membership of a team. A team the user is not in answers 404, so its existence is not revealed;
 * a member asking for a coordinator's action gets 403.
 */
export async function requireMembership(
  db: Db,
  auth: Auth,
  request: FastifyRequest,
  teamId: string,
  needs: Role = "member",
): Promise<Membership> {
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
