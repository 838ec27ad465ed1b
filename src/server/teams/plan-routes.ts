import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { teamMembers } from "../../db/schema.ts";
import { checkActionFactor, themePlanInputSchema } from "../../domain/checks/plan.ts";
import type { PerspectiveResult } from "../../domain/teams/aggregation.ts";
import { teamActionInputSchema, teamActionPatchSchema } from "../../domain/teams/inputs.ts";
import { factorChange } from "../../domain/teams/trend.ts";
import type { Auth } from "../auth/auth.ts";
import { HttpError, notFound } from "../errors.ts";
import type { ToolIndex } from "../tools/load.ts";
import { requireMembership } from "./access.ts";
import { addTeamAction, deleteTeamAction, findTeamAction, loadTeamPlan, saveTeamThemePlan, updateTeamAction } from "./plan.ts";
import { roundAggregates, teamRounds } from "./rounds.ts";

export type TeamPlanPluginOptions = { db: Db; auth: Auth; tool: ToolIndex };

const teamParams = z.object({ id: z.string() });
const actionParams = z.object({ id: z.string(), actionId: z.string() });

export const teamPlanRoutes: FastifyPluginAsyncZod<TeamPlanPluginOptions> = async (app, { db, auth, tool }) => {
  async function assertOwnerIsMember(teamId: string, ownerUserId: string | null | undefined) {
    if (!ownerUserId) return;
    const [row] = await db
      .select()
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, ownerUserId)));
    if (!row) throw new HttpError(400, "De eigenaar van een actie moet lid van het team zijn.", "ownerUserId");
  }

  app.get(
    "/api/teams/:id/plan",
    {
      schema: {
        tags: ["teamverbeterplan"],
        summary: "Het gedeelde verbeterplan, met per actie hoe de score van de factor bewoog",
        params: teamParams,
      },
    },
    async (request) => {
      await requireMembership(db, auth, request, request.params.id);
      const plan = await loadTeamPlan(db, request.params.id);
      const list = await teamRounds(db, request.params.id);
      const results = new Map<string, PerspectiveResult[]>();
      for (const r of list) results.set(r.id, await roundAggregates(db, r, tool.tool));
      const latest = list.at(-1);
      const beforeLatest = list.at(-2);
      return {
        ...plan,
        latestRound: latest ? { id: latest.id, name: latest.name } : null,
        actions: plan.actions.map((action) => {
          // Compare the latest round with the round the action was made in (or else the one before the latest).
          const baselineId = action.createdInRoundId && action.createdInRoundId !== latest?.id ? action.createdInRoundId : beforeLatest?.id;
          const baseline = list.find((r) => r.id === baselineId);
          const change =
            action.factorId && latest
              ? factorChange(action.factorId, baselineId ? results.get(baselineId) : undefined, results.get(latest.id) ?? [])
              : {};
          return { ...action, change, comparedWith: baseline ? { id: baseline.id, name: baseline.name } : null };
        }),
      };
    },
  );

  app.put(
    "/api/teams/:id/plan/themes/:themeId",
    {
      schema: {
        tags: ["teamverbeterplan"],
        summary: "Sla het teamplan van een thema op",
        params: z.object({ id: z.string(), themeId: z.string() }),
        body: themePlanInputSchema,
      },
    },
    async (request) => {
      await requireMembership(db, auth, request, request.params.id);
      if (!tool.factorsByTheme.has(request.params.themeId))
        throw new HttpError(404, `Thema "${request.params.themeId}" niet gevonden.`, "themeId");
      await saveTeamThemePlan(db, request.params.id, request.params.themeId, request.body.text);
      return { themeId: request.params.themeId, text: request.body.text };
    },
  );

  app.post(
    "/api/teams/:id/plan/actions",
    { schema: { tags: ["teamverbeterplan"], summary: "Voeg een teamactie toe", params: teamParams, body: teamActionInputSchema } },
    async (request, reply) => {
      await requireMembership(db, auth, request, request.params.id);
      const problem = checkActionFactor(request.body.themeId, request.body.factorId, tool.factorsByTheme);
      if (problem) throw new HttpError(400, problem.error, problem.field);
      await assertOwnerIsMember(request.params.id, request.body.ownerUserId);
      const latest = (await teamRounds(db, request.params.id)).at(-1);
      const id = await addTeamAction(db, request.params.id, request.body, latest?.id ?? null);
      return reply.status(201).send(await findTeamAction(db, request.params.id, id));
    },
  );

  app.patch(
    "/api/teams/:id/plan/actions/:actionId",
    { schema: { tags: ["teamverbeterplan"], summary: "Wijzig een teamactie", params: actionParams, body: teamActionPatchSchema } },
    async (request) => {
      await requireMembership(db, auth, request, request.params.id);
      const current = await findTeamAction(db, request.params.id, request.params.actionId);
      if (!current) throw notFound("Actie");
      const problem = checkActionFactor(
        request.body.themeId ?? current.themeId,
        request.body.factorId !== undefined ? request.body.factorId : current.factorId,
        tool.factorsByTheme,
      );
      if (problem) throw new HttpError(400, problem.error, problem.field);
      await assertOwnerIsMember(request.params.id, request.body.ownerUserId);
      await updateTeamAction(db, request.params.id, request.params.actionId, request.body);
      return findTeamAction(db, request.params.id, request.params.actionId);
    },
  );

  app.delete(
    "/api/teams/:id/plan/actions/:actionId",
    { schema: { tags: ["teamverbeterplan"], summary: "Verwijder een teamactie", params: actionParams } },
    async (request, reply) => {
      await requireMembership(db, auth, request, request.params.id);
      if (!(await deleteTeamAction(db, request.params.id, request.params.actionId))) throw notFound("Actie");
      return reply.status(204).send();
    },
  );
};
