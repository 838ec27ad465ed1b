import { z } from "zod";

/** `GET /api/privacy`: the retention periods of this installation (its configuration), for the privacy page. */
export const retentionPeriodsResponse = z.object({
  soloCheckRetentionMonths: z.number().describe("Maanden dat een check zonder meting bewaard blijft nadat hij het laatst is geopend"),
  roundRetentionMonths: z.number().describe("Standaard aantal maanden dat losse antwoorden na het sluiten van een meting bewaard blijven"),
});
