import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authOptionsResponse } from "../../domain/auth/responses.ts";
import { OIDC_PROVIDER_ID, type OidcConfig } from "../config.ts";

export type AuthOptionsPluginOptions = { oidc: OidcConfig | undefined };

/** What the sign-in page offers besides e-mail and password (GET /api/auth-options); never the client id or secret. */
export const authOptionsRoutes: FastifyPluginAsyncZod<AuthOptionsPluginOptions> = async (app, { oidc }) => {
  app.get(
    "/api/auth-options",
    {
      schema: {
        tags: ["account"],
        summary: "Of inloggen met het account van de organisatie aan staat, en met welke naam",
        response: { 200: authOptionsResponse },
      },
    },
    async () => ({ oidc: oidc ? { providerId: OIDC_PROVIDER_ID, name: oidc.name } : null }),
  );
};
