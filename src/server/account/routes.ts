import { fromNodeHeaders } from "better-auth/node";
import { and, eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { account } from "../../db/schema.ts";
import {
  accountDeletedResponse,
  accountExportResponse,
  accountOverviewResponse,
  memberRoleChangedResponse,
  meResponse,
} from "../../domain/account/responses.ts";
import { memberRoleSchema } from "../../domain/teams/inputs.ts";
import { errorResponse } from "../../domain/wire.ts";
import type { Auth } from "../auth/auth.ts";
import { currentUser, isModerator, type SignedInUser } from "../auth/plugin.ts";
import { clearCookie } from "../cookies.ts";
import { HttpError, notFound } from "../errors.ts";
import { schemaJson, sendJson } from "../replies.ts";
import { useAccessRules } from "../teams/access.ts";
import { accountTeams, deleteAccount, exportAccount, setMemberRole } from "./service.ts";

export type AccountPluginOptions = { db: Db; auth: Auth; moderatorEmails: readonly string[] };

/** Wrong passwords one client address may try per minute when deleting an account. */
export const DELETE_ATTEMPTS_PER_MINUTE = 10;

const deleteBody = z.strictObject({
  password: z.string().min(1, "Vul je wachtwoord in.").max(200),
  /** Teams of which the holder is the only coordinator and that should be deleted along with the account. */
  deleteTeams: z.array(z.string().max(100)).max(200).default([]),
});

/** The signed-in user with the id of the session the request came with. */
async function signedIn(auth: Auth, request: FastifyRequest): Promise<{ user: SignedInUser; sessionId: string }> {
  const found = await auth.use((betterAuth) => betterAuth.api.getSession({ headers: fromNodeHeaders(request.headers) }), request.log);
  if (!found) throw new HttpError(401, "Log in om je account te bekijken.");
  const { id, email, name, emailVerified } = found.user;
  return { user: { id, email, name, emailVerified }, sessionId: found.session.id };
}

/**
 * Who is signed in (GET /api/me); the account page's data (GET /api/account), its download (AVG art. 15) and deletion
 * (AVG art. 17); team hand-over.
 */
export const accountRoutes: FastifyPluginAsyncZod<AccountPluginOptions> = async (app, { db, auth, moderatorEmails }) => {
  useAccessRules(app, { db, auth });
  app.get(
    "/api/me",
    {
      schema: {
        tags: ["account"],
        summary: "Wie er is ingelogd (user is null als niemand) en of die moderator is",
        response: { 200: meResponse },
      },
    },
    async (request) => {
      const user = await currentUser(auth, request);
      if (!user) return { user: null, moderator: false };
      return { user, moderator: isModerator(user, moderatorEmails) };
    },
  );

  app.get(
    "/api/account",
    {
      schema: {
        tags: ["account"],
        summary: "Je account, je teams en wat verwijderen met elk team doet",
        response: { 200: accountOverviewResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const { user } = await signedIn(auth, request);
      return {
        user,
        moderator: isModerator(user, moderatorEmails),
        teams: await accountTeams(db, user.id),
      };
    },
  );

  app.get(
    "/api/account/export",
    {
      schema: {
        tags: ["account"],
        summary: "Download alle gegevens die aan je account hangen (JSON)",
        response: {
          200: {
            description: "Je gegevens als JSON-bestand",
            content: { "application/json": { schema: accountExportResponse } },
          },
          401: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const { user, sessionId } = await signedIn(auth, request);
      const data = await exportAccount(db, user.id, sessionId, isModerator(user, moderatorEmails));
      if (!data) throw new HttpError(401, "Log in om je account te bekijken.");
      const day = data.exportedAt.toISOString().slice(0, 10);
      reply
        .header("Content-Disposition", `attachment; filename="mijn-gegevens-verbetertool-${day}.json"`)
        .header("Cache-Control", "no-store");
      // Indented for people who open the file; encoded through the schema as any other response.
      return sendJson(reply, schemaJson(accountExportResponse, data, 2));
    },
  );

  app.delete(
    "/api/account",
    {
      schema: {
        tags: ["account"],
        summary: "Verwijder je account (met je wachtwoord ter bevestiging)",
        body: deleteBody,
        response: { 200: accountDeletedResponse, 400: errorResponse, 401: errorResponse, 409: errorResponse },
      },
      config: { rateLimit: { max: DELETE_ATTEMPTS_PER_MINUTE, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { user } = await signedIn(auth, request);
      await checkPassword(auth, db, user.id, request.body.password);
      const outcome = await deleteAccount(db, user.id, request.body.deleteTeams);
      if ("blockedTeams" in outcome) {
        throw new HttpError(
          409,
          `Je bent de enige coördinator van ${listNames(outcome.blockedTeams)}, waar nog anderen in zitten. Maak eerst iemand anders coördinator of kies ervoor het team te verwijderen.`,
          "deleteTeams",
        );
      }
      if (!outcome.deleted) throw new HttpError(400, "Je kunt alleen teams verwijderen waarvan je coördinator bent.", "deleteTeams");
      await clearSessionCookies(auth, reply);
      return reply.status(200).send({ deleted: true as const, deletedTeams: outcome.deletedTeams });
    },
  );

  app.patch(
    "/api/teams/:id/members/:userId",
    {
      config: { access: { team: "coordinator" } },
      schema: {
        tags: ["teams"],
        summary: "Maak een teamlid coördinator of weer lid (coördinatoren)",
        params: z.object({ id: z.string(), userId: z.string() }),
        body: z.strictObject({ role: memberRoleSchema }),
        response: { 200: memberRoleChangedResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => {
      const result = await setMemberRole(db, request.params.id, request.params.userId, request.body.role);
      if (result === "notMember") throw notFound("Teamlid");
      if (result === "lastCoordinator") {
        throw new HttpError(409, "Het team heeft altijd een coördinator nodig: maak eerst iemand anders coördinator.", "role");
      }
      return { userId: request.params.userId, role: request.body.role };
    },
  );
};

/** "team A", "team A en team B", "team A, team B en team C". */
function listNames(names: string[]): string {
  const quoted = names.map((n) => `team “${n}”`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} en ${quoted.at(-1)}`;
}

/** The account's password, checked with better-auth's own hashing; 400 on the field `password` when it is wrong. */
async function checkPassword(auth: Auth, db: Db, userId: string, password: string): Promise<void> {
  const [login] = await db
    .select({ hash: account.password })
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, "credential")));
  const hash = login?.hash;
  const ok = hash ? await auth.use(async (betterAuth) => (await betterAuth.$context).password.verify({ hash, password })) : false;
  if (!ok) throw new HttpError(400, "Dit wachtwoord klopt niet.", "password");
}

/** The session is gone with the account; the browser's cookies for it are cleared too. */
async function clearSessionCookies(auth: Auth, reply: FastifyReply): Promise<void> {
  const { authCookies } = await auth.use(async (betterAuth) => betterAuth.$context);
  for (const cookie of [authCookies.sessionToken, authCookies.sessionData, authCookies.dontRememberToken]) {
    clearCookie(reply, cookie.name, { path: cookie.attributes.path ?? "/", secure: cookie.attributes.secure });
  }
}
