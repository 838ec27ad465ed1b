import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { memberRoleSchema, teamInputSchema, teamPatchSchema } from "../../domain/teams/inputs.ts";
import {
  createdResponse,
  teamDetailsResponse,
  teamInvitePreviewResponse,
  teamInviteResponse,
  teamJoinedResponse,
  teamListResponse,
  teamResponse,
} from "../../domain/teams/responses.ts";
import { emptyResponse } from "../../domain/wire.ts";
import type { Auth } from "../auth/auth.ts";
import { linkBase } from "../config.ts";
import { HttpError, notFound } from "../errors.ts";
import { SECRET_ID_PATTERN } from "../ids.ts";
import { sendEmpty } from "../replies.ts";
import type { ToolIndex } from "../tools/load.ts";
import { signedIn, teamAccess, useAccessRules } from "./access.ts";
import { checkedMunicipality } from "./comparison.ts";
import { closeDueRounds, listRounds } from "./rounds.ts";
import {
  acceptTeamInvite,
  coordinatorCount,
  createTeam,
  createTeamInvite,
  deleteTeam,
  findTeamInvite,
  getTeam,
  listMyTeams,
  listTeamInvites,
  removeMember,
  revokeTeamInvite,
  updateTeam,
} from "./service.ts";

/**
 * `publicUrl`: PUBLIC_URL; undefined: links follow the address each request came in on. `tools`: to close rounds past
 * their closing date before they are listed.
 */
export type TeamsPluginOptions = { db: Db; auth: Auth; publicUrl: string | undefined; tools: ReadonlyMap<string, ToolIndex> };

const teamParams = z.object({ id: z.string() });

const teamInviteUrl = (base: string, token: string) => `${base}/teams/uitnodiging/${token}`;

export const teamsRoutes: FastifyPluginAsyncZod<TeamsPluginOptions> = async (app, { db, auth, publicUrl, tools }) => {
  useAccessRules(app, { db, auth });

  app.post(
    "/api/teams",
    {
      config: { access: "user" },
      schema: {
        tags: ["teams"],
        summary: "Maak een team; jij wordt coördinator",
        body: teamInputSchema,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createTeam(db, signedIn(request).id, request.body)),
  );

  app.get(
    "/api/teams",
    { config: { access: "user" }, schema: { tags: ["teams"], summary: "Jouw teams", response: { 200: teamListResponse } } },
    async (request) => listMyTeams(db, signedIn(request).id),
  );

  app.get(
    "/api/teams/:id",
    {
      config: { access: { team: "member" } },
      schema: { tags: ["teams"], summary: "Een team met leden en metingen", params: teamParams, response: { 200: teamResponse } },
    },
    async (request) => {
      const { role } = teamAccess(request);
      const team = await getTeam(db, request.params.id, role);
      if (!team) throw notFound("Team");
      // No round is listed as open past its closing date: such rounds close now (see closeDueRounds).
      await closeDueRounds(db, (toolId) => tools.get(toolId)?.tool, new Date(), { teamId: team.id });
      // Coordinators see the invite links that still work, to copy them again or revoke them; members see none.
      const base = role === "coordinator" ? linkBase(publicUrl, request) : "";
      const invites =
        role === "coordinator"
          ? (await listTeamInvites(db, team.id)).map((invite) => ({ ...invite, url: teamInviteUrl(base, invite.token) }))
          : null;
      return { ...team, myRole: role, invites, rounds: await listRounds(db, team.id) };
    },
  );

  app.patch(
    "/api/teams/:id",
    {
      config: { access: { team: "coordinator" } },
      schema: {
        tags: ["teams"],
        summary: "Wijzig het team (coördinatoren)",
        params: teamParams,
        body: teamPatchSchema,
        response: { 200: teamDetailsResponse },
      },
    },
    async (request) => {
      // A municipality must be on the list (its spelling there is stored).
      await updateTeam(db, request.params.id, { ...request.body, municipality: checkedMunicipality(request.body.municipality) });
      const team = await getTeam(db, request.params.id, "coordinator");
      if (!team) throw notFound("Team");
      return team;
    },
  );

  app.delete(
    "/api/teams/:id",
    {
      config: { access: { team: "coordinator" } },
      schema: {
        tags: ["teams"],
        summary: "Verwijder het team met alles erin (coördinatoren)",
        params: teamParams,
        response: { 204: emptyResponse("Verwijderd") },
      },
    },
    async (request, reply) => {
      await deleteTeam(db, request.params.id);
      return sendEmpty(reply, 204);
    },
  );

  app.post(
    "/api/teams/:id/invites",
    {
      config: { access: { team: "coordinator" } },
      schema: {
        tags: ["teams"],
        summary: "Maak een uitnodigingslink voor leden of coördinatoren",
        params: teamParams,
        body: z.strictObject({ role: memberRoleSchema }),
        response: { 201: teamInviteResponse },
      },
    },
    async (request, reply) => {
      const base = linkBase(publicUrl, request);
      const invite = await createTeamInvite(db, request.params.id, request.body.role);
      return reply.status(201).send({ ...invite, url: teamInviteUrl(base, invite.token) });
    },
  );

  app.delete(
    "/api/teams/:id/invites/:token",
    {
      config: { access: { team: "coordinator" } },
      schema: {
        tags: ["teams"],
        summary: "Trek een uitnodigingslink in (coördinatoren); de link werkt daarna niet meer",
        params: z.object({ id: z.string(), token: z.string() }),
        response: { 204: emptyResponse("Ingetrokken") },
      },
    },
    async (request, reply) => {
      const revoked = SECRET_ID_PATTERN.test(request.params.token) && (await revokeTeamInvite(db, request.params.id, request.params.token));
      if (!revoked) throw notFound("Uitnodiging");
      return sendEmpty(reply, 204);
    },
  );

  app.get(
    "/api/team-invites/:token",
    {
      schema: {
        tags: ["teams"],
        summary: "Bekijk een teamuitnodiging",
        params: z.object({ token: z.string() }),
        response: { 200: teamInvitePreviewResponse },
      },
    },
    async (request) => {
      const invite = SECRET_ID_PATTERN.test(request.params.token) ? await findTeamInvite(db, request.params.token) : undefined;
      if (!invite) throw notFound("Uitnodiging");
      return { teamName: invite.teamName, role: invite.role };
    },
  );

  app.post(
    "/api/team-invites/:token/accept",
    {
      config: { access: "user" },
      schema: {
        tags: ["teams"],
        summary: "Neem een teamuitnodiging aan",
        params: z.object({ token: z.string() }),
        response: { 200: teamJoinedResponse },
      },
    },
    async (request) => {
      const user = signedIn(request);
      const joined = SECRET_ID_PATTERN.test(request.params.token) ? await acceptTeamInvite(db, request.params.token, user.id) : undefined;
      if (!joined) throw notFound("Uitnodiging");
      return joined;
    },
  );

  app.delete(
    "/api/teams/:id/members/:userId",
    {
      config: { access: { team: "coordinator" } },
      schema: {
        tags: ["teams"],
        summary: "Haal iemand uit het team (coördinatoren)",
        params: z.object({ id: z.string(), userId: z.string() }),
        response: { 204: emptyResponse("Uit het team gehaald") },
      },
    },
    async (request, reply) => {
      const { user } = teamAccess(request);
      if (user.id === request.params.userId && (await coordinatorCount(db, request.params.id)) <= 1) {
        throw new HttpError(409, "Je bent de enige coördinator: maak eerst iemand anders coördinator of verwijder het team.", "userId");
      }
      if (!(await removeMember(db, request.params.id, request.params.userId))) throw notFound("Teamlid");
      return sendEmpty(reply, 204);
    },
  );
};
