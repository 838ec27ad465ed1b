import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import type { Tool } from "../../domain/content/schema.ts";
import { dutchDay } from "../../domain/dates.ts";
import { AGENDA_LIMITS, intervisieAgenda } from "../../domain/teams/agenda.ts";
import type { PerspectiveResult } from "../../domain/teams/aggregation.ts";
import { sessionThemes } from "../../domain/teams/session.ts";
import { agendaResponse, sessionResponse } from "../../domain/teams/session-responses.ts";
import { fileResponse } from "../../domain/wire.ts";
import type { Auth } from "../auth/auth.ts";
import { abortOnClose } from "../client-gone.ts";
import { notFound } from "../errors.ts";
import { entriesByFactor } from "../kennisbank/service.ts";
import { loadPlan } from "../plans/service.ts";
import type { ToolIndex } from "../tools/load.ts";
import { roundAccess, useAccessRules } from "./access.ts";
import { type RoundRecord, roundAggregates } from "./rounds.ts";
import { teamName } from "./service.ts";

export type SessionPluginOptions = { db: Db; auth: Auth; tools: ReadonlyMap<string, ToolIndex> };

const roundParams = z.object({ id: z.string() });
const groupCounts = (results: readonly PerspectiveResult[]) =>
  results.map(({ perspective, responses, visible }) => ({ perspective, responses, visible }));

/**
 * The spiegelsessie (coordinators step the team through a round theme by theme) and the intervisie agenda (members:
 * web and PDF). Both read only `roundAggregates`, the disclosed figures every other output shares; the choices are
 * made in domain/teams/session.ts and agenda.ts.
 */
export const sessionRoutes: FastifyPluginAsyncZod<SessionPluginOptions> = async (app, { db, auth, tools }) => {
  useAccessRules(app, { db, auth });
  const toolOf = (round: RoundRecord): Tool => {
    const tool = tools.get(round.toolId);
    if (!tool) throw notFound("Verbetertool van deze meting");
    return tool.tool;
  };

  app.get(
    "/api/rounds/:id/session",
    {
      config: { access: { round: "coordinator" } },
      schema: {
        tags: ["metingen"],
        summary: "Spiegelsessie: per thema de spiegel, de grootste verschillen, gespreksvragen, tips en voorbeelden (coördinatoren)",
        params: roundParams,
        response: { 200: sessionResponse },
      },
    },
    async (request) => {
      const { round } = roundAccess(request);
      const tool = toolOf(round);
      const [results, name] = await Promise.all([roundAggregates(db, round, tool), teamName(db, round.teamId)]);
      // Kennisbank entries are about the default tool's factors (ids such as 1.1 repeat across tools).
      const examples = tool.default ? await entriesByFactor(db) : {};
      return {
        round: { id: round.id, teamId: round.teamId, name: round.name, toolId: round.toolId, status: round.status },
        teamName: name,
        threshold: round.threshold,
        perspectives: groupCounts(results),
        themes: sessionThemes(tool, results, examples),
      };
    },
  );

  async function agendaOf(request: FastifyRequest) {
    const { round } = roundAccess(request);
    const tool = toolOf(round);
    const [results, name, plan] = await Promise.all([
      roundAggregates(db, round, tool),
      teamName(db, round.teamId),
      loadPlan(db, { kind: "team", id: round.teamId }),
    ]);
    const agenda = intervisieAgenda(tool, results, plan.actions, dutchDay(new Date()));
    return {
      tool,
      results,
      body: {
        round: { id: round.id, teamId: round.teamId, name: round.name, startedAt: round.startedAt, closedAt: round.closedAt },
        teamName: name,
        threshold: round.threshold,
        perspectives: groupCounts(results),
        ...agenda,
        limits: { ...AGENDA_LIMITS },
      },
    };
  }

  app.get(
    "/api/rounds/:id/agenda",
    {
      config: { access: { round: "member" } },
      schema: {
        tags: ["metingen"],
        summary: "Agenda voor de intervisie: laagste scores, grootste verschillen en acties die af moeten",
        params: roundParams,
        response: { 200: agendaResponse },
      },
    },
    async (request) => (await agendaOf(request)).body,
  );

  app.get(
    "/api/rounds/:id/agenda.pdf",
    {
      config: { access: { round: "member" } },
      schema: {
        tags: ["metingen"],
        summary: "Agenda voor de intervisie (PDF, één pagina)",
        params: roundParams,
        response: { 200: fileResponse("application/pdf", "De agenda voor de intervisie") },
      },
      onRequest: app.renders.limit,
    },
    async (request, reply) => {
      const clientGone = abortOnClose(reply);
      const { tool, results, body } = await agendaOf(request);
      const { round: _round, perspectives: _groups, limits: _limits, ...agenda } = body;
      const pdf = await app.renders.run(
        {
          kind: "round-agenda",
          agenda: {
            ...agenda,
            toolTitle: tool.title,
            roundName: body.round.name,
            hiddenGroups: results.filter((r) => !r.visible).map((r) => r.perspective),
          },
        },
        clientGone,
      );
      const slug =
        body.round.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "") || "meting";
      return reply.type("application/pdf").header("Content-Disposition", `attachment; filename="agenda-${slug}.pdf"`).send(pdf);
    },
  );
};
