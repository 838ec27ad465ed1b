import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { teamPlanResponse } from "../../domain/teams/responses.ts";
import type { Auth } from "../auth/auth.ts";
import { planRoutes } from "../plans/routes.ts";
import type { ToolIndex } from "../tools/load.ts";
import { useAccessRules } from "./access.ts";
import { teamPlanWithChanges } from "./results.ts";

export type TeamPlanPluginOptions = { db: Db; auth: Auth; tool: ToolIndex };

/**
 * The team verbeterplan: the plan routes every owner shares (server/plans/), for members of the team, and the plan
 * with each action's score change (server/teams/results.ts).
 */
export const teamPlanRoutes: FastifyPluginAsyncZod<TeamPlanPluginOptions> = async (app, { db, auth, tool }) => {
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
    async (request) => teamPlanWithChanges(db, request.params.id, tool.tool),
  );

  await app.register(planRoutes, {
    db,
    owner: "team",
    config: { access: { team: "member" } },
    resolve: async (request) => ({ owner: { kind: "team", id: request.params.id }, factorsByTheme: tool.factorsByTheme }),
  });
};
