import { createHash } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { toolListResponse, toolResponse } from "../../domain/content/responses.ts";
import { PERSPECTIVES } from "../../domain/teams/perspectives.ts";
import { emptyResponse, errorResponse } from "../../domain/wire.ts";
import { notFound } from "../errors.ts";
import { schemaJson, sendEmpty, sendJson } from "../replies.ts";
import type { ToolIndex } from "./load.ts";

export type ToolsPluginOptions = { tools: ReadonlyMap<string, ToolIndex> };

/**
 * A tool's JSON and its entity tag, made once: the content is loaded at start-up and never changes while the process
 * runs. The JSON is encoded through the route's response schema (`toolResponse`), as every other response is. The tag is weak (`W/`) because the bytes on the wire differ per content coding (brotli, gzip, none) while
 * the tool is the same; If-None-Match compares weakly, so a browser's revalidation still gets its 304.
 */
export function toolRepresentation(tool: ToolIndex["tool"]): { json: string; etag: string } {
  const json = schemaJson(toolResponse, tool);
  return { json, etag: `W/"${createHash("sha256").update(json).digest("base64url").slice(0, 32)}"` };
}

/** If-None-Match names this tag (weak comparison, RFC 9110 13.1.2), or is `*`. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

export const toolsRoutes: FastifyPluginAsyncZod<ToolsPluginOptions> = async (app, { tools }) => {
  const representations = new Map([...tools].map(([id, { tool }]) => [id, toolRepresentation(tool)]));

  app.get("/api/tools", { schema: { tags: ["tools"], summary: "Alle verbetertools", response: { 200: toolListResponse } } }, async () =>
    [...tools.values()].map(({ tool }) => ({
      id: tool.id,
      version: tool.version,
      title: tool.title,
      intro: tool.intro,
      default: tool.default === true,
      perspectives: tool.perspectives ?? [...PERSPECTIVES],
    })),
  );

  app.get(
    "/api/tools/:toolId",
    {
      schema: {
        tags: ["tools"],
        summary: "Eén verbetertool met thema's, factoren en tips (met ETag: 304 bij If-None-Match)",
        params: z.object({ toolId: z.string() }),
        response: {
          200: toolResponse,
          304: emptyResponse("Ongewijzigd sinds de ETag in If-None-Match"),
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const representation = representations.get(request.params.toolId);
      if (!representation) throw notFound("Verbetertool");
      // Browsers may keep it but ask each time; unchanged, the answer is an empty 304.
      reply.header("ETag", representation.etag).header("Cache-Control", "no-cache");
      if (matchesEtag(request.headers["if-none-match"], representation.etag)) return sendEmpty(reply, 304);
      return sendJson(reply, representation.json);
    },
  );
};
