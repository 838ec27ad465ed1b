import type { Db } from "../../db/client.ts";
import type { OidcConfig } from "../config.ts";
import type { Mailer } from "../mail.ts";
import type { BetterAuthLog } from "../observability/logger.ts";
import type { BetterAuth } from "./instance.ts";

/**
 * `log`: where better-auth's messages go (the app's JSON logger); without it, better-auth's own console output.
 * `publicUrl`: PUBLIC_URL; undefined (development only), better-auth takes the origin of each request, which
 * `mountAuth` builds from the protocol and host Fastify derived (TRUST_PROXY honoured).
 */
export type AuthOptions = {
  db: Db;
  secret: string;
  publicUrl: string | undefined;
  mailer?: Mailer;
  log?: BetterAuthLog;
  /** Sign-in with the organisation's account (OIDC_*; decision 0033); off when undefined. */
  oidc?: OidcConfig;
};

/** How long the link in a verification mail works. */
export const VERIFICATION_LINK_SECONDS = 24 * 60 * 60;
/** The sign-in page; a failed sign-in with the organisation's account lands here with `?error=<code>`. */
export const SIGN_IN_PAGE = "/account/inloggen";
/** Where a verification link lands after better-auth handled it. */
export const VERIFIED_PAGE = "/account/bevestigd";

/** The link in a verification mail: better-auth's endpoint, sending the browser on to the Dutch page afterwards. */
export function verificationLink(origin: string, token: string): string {
  return `${origin}/api/auth/verify-email?token=${encodeURIComponent(token)}&callbackURL=${encodeURIComponent(VERIFIED_PAGE)}`;
}

/**
 * better-auth, set up on first use: `await auth.load()` gives the instance (the same one every time). Its modules are
 * loaded only then, so start-up does not pay for them; `main.ts` calls `load()` right after the server listens, so
 * the first sign-in does not wait either. A failed load is retried by the next call.
 */
export type Auth = { load(): Promise<BetterAuth> };

export function createAuth(options: AuthOptions): Auth {
  let loading: Promise<BetterAuth> | undefined;
  return {
    load: () => {
      loading ??= import("./instance.ts")
        .then(({ buildBetterAuth }) => buildBetterAuth(options))
        .catch((error: unknown) => {
          loading = undefined;
          throw error;
        });
      return loading;
    },
  };
}
