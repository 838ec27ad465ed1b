import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../errors.ts";
import type { ToolIndex } from "./load.ts";

export type ToolsPluginOptions = { tools: ReadonlyMap<string, ToolIndex> };

export const toolsRoutes: FastifyPluginAsyncZod<ToolsPluginOptions> = async (app, { tools }) => {
  app.get("/api/tools", { schema: { tags: ["tools"], summary: "Alle verbetertools" } }, async () =>
    [...tools.values()].map(({ tool }) => ({ id: tool.id, version: tool.version, title: tool.title, intro: tool.intro })),
  );

  app.get(
    "/api/tools/:toolId",
    { schema: { tags: ["tools"], summary: "Eén verbetertool met thema's, factoren en tips", params: z.object({ toolId: z.string() }) } },
    async (request) => {
      const entry = tools.get(request.params.toolId);
      if (!entry) throw notFound("Verbetertool");
      return entry.tool;
    },
  );
};
