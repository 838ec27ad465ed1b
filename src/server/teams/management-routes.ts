import { and, asc, eq, isNull } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { managementLinks, rounds, user } from "../../db/schema.ts";
import { managementLinkInputSchema } from "../../domain/teams/inputs.ts";
import { managementExpiryProblem, managementLinkWorks, managementSummary } from "../../domain/teams/management.ts";
import { managementLinkResponse, managementLinksResponse, managementSummaryResponse } from "../../domain/teams/responses.ts";
import { emptyResponse } from "../../domain/wire.ts";
import type { Auth } from "../auth/auth.ts";
import { linkBase } from "../config.ts";
import { HttpError, notFound } from "../errors.ts";
import { isSecretId, newSecretId } from "../ids.ts";
import { sendEmpty } from "../replies.ts";
import type { ToolIndex } from "../tools/load.ts";
import { roundAccess, signedIn, useAccessRules } from "./access.ts";
import { closeDueRounds, roundAggregates } from "./rounds.ts";

export type ManagementPluginOptions = {
  db: Db;
  auth: Auth;
  /** PUBLIC_URL; undefined: links follow the address each request came in on. */
  publicUrl: string | undefined;
  tools: ReadonlyMap<string, ToolIndex>;
};

const roundParams = z.object({ id: z.string() });
const linkParams = z.object({ id: z.string(), token: z.string() });
/** The same answer for an unknown, a revoked and an expired link: which of the three is not revealed. */
const linkNotFound = () => notFound("Managementlink");

/**
 * Read-only management links: a coordinator shares a round's management summary with a manager or alderman until a
 * chosen day (at most 12 months ahead) or until revoked. The public route answers only `managementSummary`, built from
 * the same disclosed figures as the team's own results.
 */
export const managementRoutes: FastifyPluginAsyncZod<ManagementPluginOptions> = async (app, { db, auth, publicUrl, tools }) => {
  useAccessRules(app, { db, auth });
  const toolOf = (toolId: string) => tools.get(toolId)?.tool;

  async function linksOf(roundId: string, base: string) {
    const rows = await db
      .select({
        token: managementLinks.token,
        createdAt: managementLinks.createdAt,
        expiresOn: managementLinks.expiresOn,
        revokedAt: managementLinks.revokedAt,
        createdByName: user.name,
      })
      .from(managementLinks)
      .leftJoin(user, eq(user.id, managementLinks.createdBy))
      .where(and(eq(managementLinks.roundId, roundId), isNull(managementLinks.revokedAt)))
      .orderBy(asc(managementLinks.createdAt), asc(managementLinks.token));
    const now = new Date();
    return rows
      .filter((row) => managementLinkWorks(row, now))
      .map(({ revokedAt: _revoked, ...row }) => ({ ...row, url: `${base}/management/${row.token}` }));
  }

  app.get(
    "/api/rounds/:id/management-links",
    {
      config: { access: { round: "coordinator" } },
      schema: {
        tags: ["metingen"],
        summary: "De managementlinks van een meting die nog werken (coördinatoren)",
        params: roundParams,
        response: { 200: managementLinksResponse },
      },
    },
    async (request) => linksOf(roundAccess(request).round.id, linkBase(publicUrl, request)),
  );

  app.post(
    "/api/rounds/:id/management-links",
    {
      config: { access: { round: "coordinator" } },
      schema: {
        tags: ["metingen"],
        summary: "Maak een alleen-lezen link naar de managementsamenvatting, geldig tot en met een datum (coördinatoren)",
        params: roundParams,
        body: managementLinkInputSchema,
        response: { 201: managementLinkResponse },
      },
    },
    async (request, reply) => {
      const { round } = roundAccess(request);
      const problem = managementExpiryProblem(request.body.expiresOn, new Date());
      if (problem) throw new HttpError(400, `Geldig tot en met ${problem}.`, "expiresOn");
      const base = linkBase(publicUrl, request);
      const token = newSecretId();
      const creator = signedIn(request);
      const [row] = await db
        .insert(managementLinks)
        .values({ token, roundId: round.id, createdBy: creator.id, expiresOn: request.body.expiresOn })
        .returning({ createdAt: managementLinks.createdAt });
      if (!row) throw new Error("management link not stored");
      return reply.status(201).send({
        token,
        url: `${base}/management/${token}`,
        createdAt: row.createdAt,
        expiresOn: request.body.expiresOn,
        createdByName: creator.name,
      });
    },
  );

  app.delete(
    "/api/rounds/:id/management-links/:token",
    {
      config: { access: { round: "coordinator" } },
      schema: {
        tags: ["metingen"],
        summary: "Trek een managementlink in (coördinatoren)",
        params: linkParams,
        response: { 204: emptyResponse("Ingetrokken") },
      },
    },
    async (request, reply) => {
      const { round } = roundAccess(request);
      const revoked = await db
        .update(managementLinks)
        .set({ revokedAt: new Date() })
        .where(
          and(eq(managementLinks.roundId, round.id), eq(managementLinks.token, request.params.token), isNull(managementLinks.revokedAt)),
        )
        .returning({ token: managementLinks.token });
      if (revoked.length === 0) throw linkNotFound();
      return sendEmpty(reply, 204);
    },
  );

  app.get(
    "/api/management/:token",
    {
      // A public key-only route: guessing is hopeless (144 bits), but a client hammering it is slowed down anyway.
      config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags: ["metingen"],
        summary: "Managementsamenvatting van een meting via een alleen-lezen link (alleen vrijgegeven groepscijfers)",
        params: z.object({ token: z.string() }),
        response: { 200: managementSummaryResponse },
      },
    },
    async (request) => {
      const { token } = request.params;
      if (!isSecretId(token)) throw linkNotFound();
      const now = new Date();
      const [link] = await db.select().from(managementLinks).where(eq(managementLinks.token, token));
      if (!link || !managementLinkWorks(link, now)) throw linkNotFound();
      // A round past its closing date closes first, as on every team route.
      await closeDueRounds(db, toolOf, now, { roundId: link.roundId });
      const [round] = await db.select().from(rounds).where(eq(rounds.id, link.roundId));
      const tool = round ? toolOf(round.toolId) : undefined;
      if (!round || !tool) throw linkNotFound();
      return managementSummary(tool, round, await roundAggregates(db, round, tool));
    },
  );
};
