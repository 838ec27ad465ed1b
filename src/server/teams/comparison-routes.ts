import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { ORGANISATION_KINDS } from "../../domain/teams/comparison.ts";
import { sharingInputSchema, spiegelAcceptInputSchema } from "../../domain/teams/inputs.ts";
import {
  comparisonResponse,
  createdResponse,
  municipalitiesResponse,
  sharingResponse,
  spiegelMirrorResponse,
  spiegelResponse,
  spiegelsResponse,
} from "../../domain/teams/responses.ts";
import { emptyResponse } from "../../domain/wire.ts";
import type { Auth } from "../auth/auth.ts";
import { notFound } from "../errors.ts";
import { sendEmpty } from "../replies.ts";
import type { ToolIndex } from "../tools/load.ts";
import { roundAccess, teamAccess, useAccessRules } from "./access.ts";
import {
  acceptSpiegel,
  comparisonOf,
  createSpiegel,
  listSpiegels,
  municipalityList,
  setSharing,
  spiegelMirror,
  withdrawSpiegel,
} from "./comparison.ts";

export type ComparisonPluginOptions = {
  db: Db;
  auth: Auth;
  tools: ReadonlyMap<string, ToolIndex>;
  /** The time the weekly peer pool is chosen by (tests move it); default the real time. */
  clock?: () => Date;
};

const idParams = z.object({ id: z.string() });
const spiegelParams = z.object({ id: z.string(), spiegelId: z.string() });
const comparisonQuery = z.strictObject({
  kind: z.enum(ORGANISATION_KINDS, { message: "is geen bekende soort organisatie" }).optional(),
  area: z.enum(["province", "labourRegion"], { message: "moet province of labourRegion zijn" }).optional(),
});

/**
 * Comparison with peers (opt-in per team) and the cross-organisation spiegel (both coordinators agree). The rules are
 * in domain/teams/comparison.ts, the queries in ./comparison.ts (decision 0043).
 */
export const comparisonRoutes: FastifyPluginAsyncZod<ComparisonPluginOptions> = async (
  app,
  { db, auth, tools, clock = () => new Date() },
) => {
  useAccessRules(app, { db, auth });
  const toolOf = (toolId: string) => tools.get(toolId)?.tool;

  app.get(
    "/api/places/municipalities",
    {
      schema: {
        tags: ["teams"],
        summary: "De gemeenten waaruit een team kiest (uit content/regions.yaml)",
        response: { 200: municipalitiesResponse },
      },
    },
    async () => municipalityList(),
  );

  app.put(
    "/api/teams/:id/sharing",
    {
      config: { access: { team: "coordinator" } },
      schema: {
        tags: ["teams"],
        summary:
          "Deel de cijfers van afgesloten metingen anoniem met vergelijkbare teams, of stop ermee, vanaf de vergelijking van volgende week maandag (coördinatoren)",
        params: idParams,
        body: sharingInputSchema,
        response: { 200: sharingResponse },
      },
    },
    async (request) => setSharing(db, teamAccess(request).teamId, request.body.share, clock()),
  );

  app.get(
    "/api/rounds/:id/comparison",
    {
      config: { access: { round: "member" } },
      schema: {
        tags: ["metingen"],
        summary:
          "De cijfers van een meting naast het gemiddelde van vergelijkbare teams, uit de groep van deze week (alleen als het team daarin zelf deelt)",
        params: idParams,
        querystring: comparisonQuery,
        response: { 200: comparisonResponse },
      },
    },
    async (request) => {
      const { round } = roundAccess(request);
      const tool = toolOf(round.toolId);
      if (!tool) throw notFound("Meting");
      return comparisonOf(db, round, tool, request.query, clock());
    },
  );

  app.get(
    "/api/teams/:id/spiegels",
    {
      config: { access: { team: "member" } },
      schema: {
        tags: ["teams"],
        summary: "Spiegels met teams van andere organisaties: openstaande uitnodigingen en afspraken",
        params: idParams,
        response: { 200: spiegelsResponse },
      },
    },
    async (request) => {
      const { teamId, role } = teamAccess(request);
      return listSpiegels(db, teamId, role === "coordinator");
    },
  );

  app.post(
    "/api/teams/:id/spiegels",
    {
      config: { access: { team: "coordinator" } },
      schema: {
        tags: ["teams"],
        summary: "Nodig een team van een andere organisatie uit voor een spiegel: een code om door te geven (coördinatoren)",
        params: idParams,
        response: { 201: spiegelResponse },
      },
    },
    async (request, reply) => {
      const row = await createSpiegel(db, teamAccess(request).teamId, clock());
      return reply.status(201).send({ ...row, invitedByUs: true, otherTeamName: null });
    },
  );

  app.post(
    "/api/teams/:id/spiegels/accept",
    {
      config: { access: { team: "coordinator" } },
      schema: {
        tags: ["teams"],
        summary: "Neem een uitnodiging voor een spiegel aan met de code van het andere team (coördinatoren)",
        params: idParams,
        body: spiegelAcceptInputSchema,
        response: { 200: createdResponse },
      },
    },
    async (request) => ({ id: await acceptSpiegel(db, teamAccess(request).teamId, request.body.code, clock()) }),
  );

  app.delete(
    "/api/teams/:id/spiegels/:spiegelId",
    {
      config: { access: { team: "coordinator" } },
      schema: {
        tags: ["teams"],
        summary: "Stop een spiegel of trek een uitnodiging in; dan stopt die voor beide teams (coördinatoren)",
        params: spiegelParams,
        response: { 204: emptyResponse("Gestopt") },
      },
    },
    async (request, reply) => {
      await withdrawSpiegel(db, teamAccess(request).teamId, request.params.spiegelId);
      return sendEmpty(reply, 204);
    },
  );

  app.get(
    "/api/teams/:id/spiegels/:spiegelId",
    {
      config: { access: { team: "member" } },
      schema: {
        tags: ["teams"],
        summary: "De spiegels van beide teams naast elkaar (alleen als beide coördinatoren akkoord zijn)",
        params: spiegelParams,
        response: { 200: spiegelMirrorResponse },
      },
    },
    async (request) => spiegelMirror(db, teamAccess(request).teamId, request.params.spiegelId, toolOf),
  );
};
