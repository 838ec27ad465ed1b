import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { teamPlanResponse } from "../../domain/teams/responses.ts";
import type { Auth } from "../auth/auth.ts";
import { planRoutes } from "../plans/routes.ts";
import { defaultTool, type ToolIndex } from "../tools/load.ts";
import { useAccessRules } from "./access.ts";
import { teamPlanWithChanges } from "./results.ts";
import { teamRounds } from "./rounds.ts";

export type TeamPlanPluginOptions = { db: Db; auth: Auth; tools: ReadonlyMap<string, ToolIndex> };

/**
 * The team verbeterplan: the plan routes every owner shares (server/plans/), for members of the team, and the plan
 * with each action's score change (server/teams/results.ts).
 */
export const teamPlanRoutes: FastifyPluginAsyncZod<TeamPlanPluginOptions> = async (app, { db, auth, tools }) => {
  // A team's plan is about the tool of its latest round; before its first round, the default tool.
  const toolOfTeam = async (teamId: string) => {
    const latest = (await teamRounds(db, teamId)).at(-1);
    return (latest && tools.get(latest.toolId)) || defaultTool(tools);
  };

  useAccessRules(app, { db, auth });

  app.get(
    "/api/teams/:id/plan",
    {
      config: { access: { team: "member" } },
      schema: {
        tags: ["teamverbeterplan"],
        summary: "Het gedeelde verbeterplan, met per actie hoe de score van de factor bewoog",
        params: z.object({ id: z.string() }),
        response: { 200: teamPlanResponse },
      },
    },
    async (request) => teamPlanWithChanges(db, request.params.id, (toolId) => (tools.get(toolId) ?? defaultTool(tools)).tool),
  );

  await app.register(planRoutes, {
    db,
    owner: "team",
    config: { access: { team: "member" } },
    resolve: async (request) => ({
      owner: { kind: "team", id: request.params.id },
      factorsByTheme: (await toolOfTeam(request.params.id)).factorsByTheme,
    }),
  });
};
