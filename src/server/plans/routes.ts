import type { FastifyContextConfig, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import {
  actionInputSchema,
  actionPatchSchema,
  checkActionFactor,
  planActionResponse,
  themePlanInputSchema,
  themePlanSavedResponse,
} from "../../domain/checks/plan.ts";
import { teamActionInputSchema, teamActionPatchSchema } from "../../domain/teams/inputs.ts";
import { teamPlanActionResponse } from "../../domain/teams/responses.ts";
import { emptyResponse } from "../../domain/wire.ts";
import { HttpError, notFound } from "../errors.ts";
import { sendEmpty } from "../replies.ts";
import { addAction, deleteAction, findAction, type PlanOwner, type PlanOwnerKind, saveThemePlan, updateAction } from "./service.ts";

/** Whose plan a request is about, once the owner's own rules (existence, access) let it through. */
export type ResolvedOwner = { owner: PlanOwner; factorsByTheme: ReadonlyMap<string, ReadonlySet<string>> };

export type PlanRoutesOptions = {
  db: Db;
  /** Whose plans: a check's (`/api/checks/:id/plan…`) or a team's (`/api/teams/:id/plan…`). */
  owner: PlanOwnerKind;
  /**
   * Resolves `:id` to the owner and the factors of its tool per theme; throws the owner's refusals (404 for an
   * unknown check or a team the caller is not in, …) exactly as its other routes do.
   */
  resolve(request: FastifyRequest & { params: { id: string } }): Promise<ResolvedOwner>;
  /** Route config for every plan route of this owner (e.g. its access rule, see server/teams/access.ts). */
  config?: FastifyContextConfig;
};

/** What differs per owner on the wire: the path, the OpenAPI wording, and a team action's owner fields. */
const OWNERS = {
  check: {
    prefix: "/api/checks/:id",
    tag: "verbeterplan",
    summaries: {
      theme: "Sla het verbeterplan (vrije tekst) van een thema op",
      add: "Voeg een actie toe",
      change: "Wijzig een actie",
      remove: "Verwijder een actie",
    },
    input: actionInputSchema,
    patch: actionPatchSchema,
    action: planActionResponse,
  },
  team: {
    prefix: "/api/teams/:id",
    tag: "teamverbeterplan",
    summaries: {
      theme: "Sla het teamplan van een thema op",
      add: "Voeg een teamactie toe",
      change: "Wijzig een teamactie",
      remove: "Verwijder een teamactie",
    },
    input: teamActionInputSchema,
    patch: teamActionPatchSchema,
    action: teamPlanActionResponse,
  },
} as const;

const ownerParams = z.object({ id: z.string() });
const actionParams = z.object({ id: z.string(), actionId: z.string() });

/**
 * The write routes of a verbeterplan, the same for both owners (server/plans/service.ts): a theme's free text and
 * the actions. Registered once per owner kind; reading a plan is part of the owner's own routes (a check's GET, a
 * team's plan with score changes).
 */
export const planRoutes: FastifyPluginAsyncZod<PlanRoutesOptions> = async (app, { db, owner: kind, resolve, config = {} }) => {
  const o = OWNERS[kind];
  // Both owners' inputs share the action fields; a team action may also name its owner (teamActionInputSchema).
  const input = o.input as typeof teamActionInputSchema;
  const patch = o.patch as typeof teamActionPatchSchema;

  app.put(
    `${o.prefix}/plan/themes/:themeId`,
    {
      config,
      schema: {
        tags: [o.tag],
        summary: o.summaries.theme,
        params: z.object({ id: z.string(), themeId: z.string() }),
        body: themePlanInputSchema,
        response: { 200: themePlanSavedResponse },
      },
    },
    async (request) => {
      const { owner, factorsByTheme } = await resolve(request);
      if (!factorsByTheme.has(request.params.themeId))
        throw new HttpError(404, `Thema "${request.params.themeId}" niet gevonden.`, "themeId");
      await saveThemePlan(db, owner, request.params.themeId, request.body.text);
      return { themeId: request.params.themeId, text: request.body.text };
    },
  );

  app.post(
    `${o.prefix}/plan/actions`,
    { config, schema: { tags: [o.tag], summary: o.summaries.add, params: ownerParams, body: input, response: { 201: o.action } } },
    async (request, reply) => {
      const { owner, factorsByTheme } = await resolve(request);
      const problem = checkActionFactor(request.body.themeId, request.body.factorId, factorsByTheme);
      if (problem) throw new HttpError(400, problem.error, problem.field);
      return reply.status(201).send(await addAction(db, owner, request.body));
    },
  );

  app.patch(
    `${o.prefix}/plan/actions/:actionId`,
    { config, schema: { tags: [o.tag], summary: o.summaries.change, params: actionParams, body: patch, response: { 200: o.action } } },
    async (request) => {
      const { owner, factorsByTheme } = await resolve(request);
      const current = await findAction(db, owner, request.params.actionId);
      if (!current) throw notFound("Actie");
      // Nothing to change (`{}`): the action as it is.
      if (Object.keys(request.body).length === 0) return current;
      const themeId = request.body.themeId ?? current.themeId;
      const factorId = request.body.factorId !== undefined ? request.body.factorId : current.factorId;
      const problem = checkActionFactor(themeId, factorId, factorsByTheme);
      if (problem) throw new HttpError(400, problem.error, problem.field);
      const updated = await updateAction(db, owner, request.params.actionId, request.body);
      if (!updated) throw notFound("Actie");
      return updated;
    },
  );

  app.delete(
    `${o.prefix}/plan/actions/:actionId`,
    {
      config,
      schema: { tags: [o.tag], summary: o.summaries.remove, params: actionParams, response: { 204: emptyResponse("Verwijderd") } },
    },
    async (request, reply) => {
      const { owner } = await resolve(request);
      if (!(await deleteAction(db, owner, request.params.actionId))) throw notFound("Actie");
      return sendEmpty(reply, 204);
    },
  );
};
