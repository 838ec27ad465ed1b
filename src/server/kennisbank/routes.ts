import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import {
  entriesByFactorResponse,
  entryPageResponse,
  facetsResponse,
  moderatedResponse,
  searchPageResponse,
  submissionCreatedResponse,
  submissionListResponse,
  submissionStatusResponse,
} from "../../domain/kennisbank/responses.ts";
import { SLUG_PATTERN } from "../../domain/kennisbank/schema.ts";
import { searchParamsSchema } from "../../domain/kennisbank/search.ts";
import { moderationSchema, submissionSchema } from "../../domain/kennisbank/submission.ts";
import { errorResponse } from "../../domain/wire.ts";
import type { Auth } from "../auth/auth.ts";
import { requireModerator } from "../auth/plugin.ts";
import { HttpError, notFound } from "../errors.ts";
import { SECRET_ID_PATTERN } from "../ids.ts";
import { sendJson } from "../replies.ts";
import type { ToolIndex } from "../tools/load.ts";
import { regionsOf } from "./regions.ts";
import { SearchCache } from "./search-cache.ts";
import {
  entriesByFactor,
  findPublishedEntry,
  findSubmissionByToken,
  listSubmissions,
  moderateSubmission,
  relatedEntries,
  searchFacets,
  submitProject,
} from "./service.ts";

export type KennisbankPluginOptions = {
  db: Db;
  /** PostgreSQL: other instances may change the kennisbank too (the search cache reads the change counter). */
  sharedDatabase: boolean;
  auth: Auth;
  moderatorEmails: readonly string[];
  tool: ToolIndex;
  submissionsPerHour: number;
  /** Where content/regions.yaml is (read at the first submission). */
  contentDir: string;
};

const slugParams = z.object({ slug: z.string() });

export const kennisbankRoutes: FastifyPluginAsyncZod<KennisbankPluginOptions> = async (
  app,
  { db, sharedDatabase, auth, moderatorEmails, tool, submissionsPerHour, contentDir },
) => {
  const searches = new SearchCache(db, { shared: sharedDatabase });
  const factorText = new Map(tool.tool.themes.flatMap((t) => t.items.map((i) => [i.id, { themeId: t.id, text: i.text }] as const)));

  app.get(
    "/api/kennisbank",
    {
      schema: {
        tags: ["kennisbank"],
        summary: "Zoek in de kennisbank (Nederlandse zoektermen, filters combineren)",
        description:
          "Filters: type, thema, factor, doelgroep, organisatie, bewijsniveau (evidence), en plaats als gemeente (municipality), arbeidsmarktregio (labourRegion), provincie (province) of landelijk (national=true); een item in een gemeente valt ook onder haar arbeidsmarktregio en provincie. region is de regio zoals geschreven.",
        querystring: searchParamsSchema,
        response: { 200: searchPageResponse, 400: errorResponse },
      },
    },
    async (request, reply) => {
      // The page's JSON is made once per cached result, through searchPageResponse (search-cache.ts).
      const { json } = await searches.search(request.query);
      return sendJson(reply, json);
    },
  );

  app.get(
    "/api/kennisbank/facets",
    { schema: { tags: ["kennisbank"], summary: "Waarden voor de filters", response: { 200: facetsResponse } } },
    async () => searchFacets(db),
  );

  app.get(
    "/api/kennisbank/by-factor",
    {
      schema: {
        tags: ["kennisbank"],
        summary: "Kennisbank-items per factor (Zo doen anderen het)",
        response: { 200: entriesByFactorResponse },
      },
    },
    async () => entriesByFactor(db),
  );

  app.get(
    "/api/kennisbank/:slug",
    {
      schema: {
        tags: ["kennisbank"],
        summary: "Eén kennisbank-item",
        params: slugParams,
        response: { 200: entryPageResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const entry = SLUG_PATTERN.test(request.params.slug) ? await findPublishedEntry(db, request.params.slug) : undefined;
      if (!entry) throw notFound("Kennisbank-item");
      return {
        ...entry,
        factorDetails: entry.factors.map((id) => ({ id, ...factorText.get(id) })),
        related: await relatedEntries(db, entry),
      };
    },
  );

  app.post(
    "/api/kennisbank/submissions",
    {
      config: { rateLimit: { max: submissionsPerHour, timeWindow: "1 hour" } },
      schema: {
        tags: ["projectendatabank"],
        summary: "Stuur een eigen project in (zichtbaar na goedkeuring)",
        body: submissionSchema,
        response: { 201: submissionCreatedResponse, 400: errorResponse },
      },
    },
    async (request, reply) => {
      const unknown = request.body.factors.find((f) => !tool.factorIds.has(f));
      if (unknown) throw new HttpError(400, `Onbekende factor "${unknown}".`, "factors");
      const { slug, token } = await submitProject(db, request.body, regionsOf(contentDir));
      return reply.status(201).send({ slug, status: "pending" as const, statusToken: token });
    },
  );

  app.get(
    "/api/kennisbank/submissions/status/:token",
    {
      schema: {
        tags: ["projectendatabank"],
        summary: "Status van je inzending",
        params: z.object({ token: z.string() }),
        response: { 200: submissionStatusResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const found = SECRET_ID_PATTERN.test(request.params.token) ? await findSubmissionByToken(db, request.params.token) : undefined;
      if (!found) throw notFound("Inzending");
      return found;
    },
  );

  app.get(
    "/api/kennisbank/submissions",
    {
      schema: {
        tags: ["moderatie"],
        summary: "Inzendingen per status (alleen moderatoren)",
        querystring: z.object({ status: z.enum(["pending", "published", "rejected"]).default("pending") }),
        response: { 200: submissionListResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => {
      await requireModerator(auth, moderatorEmails, request);
      return listSubmissions(db, request.query.status);
    },
  );

  app.post(
    "/api/kennisbank/submissions/:slug/moderation",
    {
      schema: {
        tags: ["moderatie"],
        summary: "Keur een inzending goed of wijs af met reden (alleen moderatoren)",
        params: slugParams,
        body: moderationSchema,
        response: { 200: moderatedResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      await requireModerator(auth, moderatorEmails, request);
      if (!(await moderateSubmission(db, request.params.slug, request.body))) throw notFound("Inzending");
      return { slug: request.params.slug, status: request.body.decision === "approve" ? ("published" as const) : ("rejected" as const) };
    },
  );
};
