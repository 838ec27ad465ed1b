import { join } from "node:path";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { werkwijzeResponse } from "../../domain/werkwijze/responses.ts";
import { type Werkwijze, werkwijzeSchema } from "../../domain/werkwijze/schema.ts";
import { ContentError, readYaml } from "../tools/load.ts";

/** Reads content/werkwijze.yaml; every factor it links must exist in the tool. `cacheDir`: see loadTool. */
export function loadWerkwijze(contentDir: string, factorIds: ReadonlySet<string>, cacheDir?: string): Werkwijze {
  const path = join(contentDir, "werkwijze.yaml");
  const result = werkwijzeSchema.safeParse(readYaml(path, cacheDir));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ContentError(`${path}: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  for (const part of [...result.data.phases, ...result.data.basicMethods, ...result.data.toolbox]) {
    const unknown = part.factors.find((f) => !factorIds.has(f));
    if (unknown) throw new ContentError(`${path}: ${part.id}: onbekende factor ${unknown}`);
  }
  return result.data;
}

export const werkwijzeRoutes: FastifyPluginAsyncZod<{ werkwijze: Werkwijze }> = async (app, { werkwijze }) => {
  app.get(
    "/api/werkwijze",
    {
      schema: {
        tags: ["werkwijze"],
        summary: "De werkwijze van de consulenten: fasen, basismethoden, toolbox",
        response: { 200: werkwijzeResponse },
      },
    },
    async () => werkwijze,
  );
};
