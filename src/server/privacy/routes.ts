import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { retentionPeriodsResponse } from "../../domain/privacy/responses.ts";
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
        response: { 200: retentionPeriodsResponse },
      },
    },
    async () => ({ soloCheckRetentionMonths, roundRetentionMonths: DEFAULT_RETENTION_MONTHS }),
  );
};
