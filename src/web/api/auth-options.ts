import type { authOptionsResponse } from "../../domain/auth/responses.ts";
import type { Wire } from "../../domain/wire.ts";
import { request } from "./client.ts";

export type AuthOptions = Wire<typeof authOptionsResponse>;

/** Sign-in with the organisation's account (OIDC through better-auth; decision 0033). */
export const authOptionsApi = {
  /** Whether it is configured, and the label of its button. */
  get: (signal?: AbortSignal) => request<AuthOptions>("/api/auth-options", { signal }),
  /**
   * Starts a sign-in at the provider: better-auth answers with the provider's address to send the browser to. After
   * it, the browser comes back to `callbackURL`, or to `errorCallbackURL` with `?error=<code>` when it failed.
   */
  start: (providerId: string, callbackURL: string, errorCallbackURL: string) =>
    request<{ url: string; redirect: boolean }>("/api/auth/sign-in/social", {
      method: "POST",
      body: { provider: providerId, callbackURL, errorCallbackURL },
    }),
};
