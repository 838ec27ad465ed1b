import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { memberRoleSchema, teamInputSchema, teamPatchSchema } from "../../domain/teams/inputs.ts";
import type { Auth } from "../auth/auth.ts";
import { SECRET_ID_PATTERN } from "../checks/service.ts";
import { linkBase } from "../config.ts";
import { HttpError, notFound } from "../errors.ts";
import type { ToolIndex } from "../tools/load.ts";
import { requireMembership, requireUser } from "./access.ts";
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
  app.post(
    "/api/teams",
    { schema: { tags: ["teams"], summary: "Maak een team; jij wordt coördinator", body: teamInputSchema } },
    async (request, reply) => {
      const user = await requireUser(auth, request);
      return reply.status(201).send(await createTeam(db, user.id, request.body));
    },
  );

  app.get("/api/teams", { schema: { tags: ["teams"], summary: "Jouw teams" } }, async (request) => {
    const user = await requireUser(auth, request);
    return listMyTeams(db, user.id);
  });

  app.get(
    "/api/teams/:id",
    { schema: { tags: ["teams"], summary: "Een team met leden en metingen", params: teamParams } },
    async (request) => {
      const { role } = await requireMembership(db, auth, request, request.params.id);
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
    { schema: { tags: ["teams"], summary: "Wijzig het team (coördinatoren)", params: teamParams, body: teamPatchSchema } },
    async (request) => {
      await requireMembership(db, auth, request, request.params.id, "coordinator");
      await updateTeam(db, request.params.id, request.body);
      return getTeam(db, request.params.id, "coordinator");
    },
  );

  app.delete(
    "/api/teams/:id",
    { schema: { tags: ["teams"], summary: "Verwijder het team met alles erin (coördinatoren)", params: teamParams } },
    async (request, reply) => {
      await requireMembership(db, auth, request, request.params.id, "coordinator");
      await deleteTeam(db, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/teams/:id/invites",
    {
      schema: {
        tags: ["teams"],
        summary: "Maak een uitnodigingslink voor leden of coördinatoren",
        params: teamParams,
        body: z.strictObject({ role: memberRoleSchema }),
      },
    },
    async (request, reply) => {
      await requireMembership(db, auth, request, request.params.id, "coordinator");
      const base = linkBase(publicUrl, request);
      const invite = await createTeamInvite(db, request.params.id, request.body.role);
      return reply.status(201).send({ ...invite, url: teamInviteUrl(base, invite.token) });
    },
  );

  app.delete(
    "/api/teams/:id/invites/:token",
    {
      schema: {
        tags: ["teams"],
        summary: "Trek een uitnodigingslink in (coördinatoren); de link werkt daarna niet meer",
        params: z.object({ id: z.string(), token: z.string() }),
      },
    },
    async (request, reply) => {
      await requireMembership(db, auth, request, request.params.id, "coordinator");
      const revoked = SECRET_ID_PATTERN.test(request.params.token) && (await revokeTeamInvite(db, request.params.id, request.params.token));
      if (!revoked) throw notFound("Uitnodiging");
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/team-invites/:token",
    { schema: { tags: ["teams"], summary: "Bekijk een teamuitnodiging", params: z.object({ token: z.string() }) } },
    async (request) => {
      const invite = SECRET_ID_PATTERN.test(request.params.token) ? await findTeamInvite(db, request.params.token) : undefined;
      if (!invite) throw notFound("Uitnodiging");
      return { teamName: invite.teamName, role: invite.role };
    },
  );

  app.post(
    "/api/team-invites/:token/accept",
    { schema: { tags: ["teams"], summary: "Neem een teamuitnodiging aan", params: z.object({ token: z.string() }) } },
    async (request) => {
      const user = await requireUser(auth, request);
      const joined = SECRET_ID_PATTERN.test(request.params.token) ? await acceptTeamInvite(db, request.params.token, user.id) : undefined;
      if (!joined) throw notFound("Uitnodiging");
      return joined;
    },
  );

  app.delete(
    "/api/teams/:id/members/:userId",
    {
      schema: {
        tags: ["teams"],
        summary: "Haal iemand uit het team (coördinatoren)",
        params: z.object({ id: z.string(), userId: z.string() }),
      },
    },
    async (request, reply) => {
      const { user } = await requireMembership(db, auth, request, request.params.id, "coordinator");
      if (user.id === request.params.userId && (await coordinatorCount(db, request.params.id)) <= 1) {
        throw new HttpError(409, "Je bent de enige coördinator: maak eerst iemand anders coördinator of verwijder het team.", "userId");
      }
      if (!(await removeMember(db, request.params.id, request.params.userId))) throw notFound("Teamlid");
      return reply.status(204).send();
    },
  );
};
