import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DEFAULT_RETENTION_MONTHS } from "../../domain/teams/retention.ts";

export type PrivacyPluginOptions = { soloCheckRetentionMonths: number };

/** The retention periods this installation uses, for the privacy page (they come from its configuration). */
export const privacyRoutes: FastifyPluginAsyncZod<PrivacyPluginOptions> = async (app, { soloCheckRetentionMonths }) => {
  app.get(
    "/api/privacy",
    {
      schema: {
        tags: ["privacy"],
        summary: "Bewaartermijnen van deze installatie",
        response: {
          200: z.object({
            soloCheckRetentionMonths: z
              .number()
              .describe("Maanden dat een check zonder meting bewaard blijft nadat hij het laatst is geopend"),
            roundRetentionMonths: z
              .number()
              .describe("Standaard aantal maanden dat losse antwoorden na het sluiten van een meting bewaard blijven"),
          }),
        },
      },
    },
    async () => ({ soloCheckRetentionMonths, roundRetentionMonths: DEFAULT_RETENTION_MONTHS }),
  );
};
