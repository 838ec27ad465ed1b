import { z } from "zod";

/**
 * `GET /api/auth-options`: the ways to sign in besides e-mail and password, for the sign-in page. `oidc` is null when
 * sign-in with the organisation's account is not configured; otherwise its `name` is the label of the button
 * ("Inloggen met <name>") and `providerId` what the web passes to better-auth's `/api/auth/sign-in/social`.
 */
export const authOptionsResponse = z.object({
  oidc: z.object({ providerId: z.string(), name: z.string() }).nullable(),
});
