import { z } from "zod";
import { toolSchema } from "./schema.ts";

/** Response schemas of the tool routes (`/api/tools…`). */

/** One tool in the list of `GET /api/tools`. */
export const toolSummaryResponse = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  intro: z.string(),
  /** The main tool (content/tools/<id>/tool.yaml `default: true`); the list starts with it. */
  default: z.boolean(),
  /** The groups a team round of this tool may ask. */
  perspectives: z.array(z.enum(["professional", "youth", "employer", "ketenpartner"])),
});
export const toolListResponse = z.array(toolSummaryResponse);

/**
 * `GET /api/tools/:toolId`: the tool as its content defines it (validated at start-up; the route sends the JSON it
 * made once from it, see tools/routes.ts).
 */
export const toolResponse = toolSchema;
