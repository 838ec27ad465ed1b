import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/client.ts";
import type { OidcConfig } from "../config.ts";
import type { Mailer } from "../mail.ts";
import { type BetterAuthLog, requestLogStorage, withRequestLog } from "../observability/logger.ts";
import type { BetterAuth } from "./instance.ts";
import { StorageGate } from "./storage-gate.ts";

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
 * better-auth, set up on first use. Its modules are loaded only then, so start-up does not pay for them; `main.ts`
 * calls `load()` right after the server listens, so the first sign-in does not wait either. A failed load is retried
 * by the next call.
 */
export type Auth = {
  /** Loads the instance (the same one every time) without using it. */
  load(): Promise<void>;
  /**
   * Every use of better-auth goes through here: `work` gets the instance and runs with the request's logger `log`
   * as the current one (its log lines carry the request id), and the AsyncLocalStorages better-auth needs are switched off
   * again once no such work is in flight, so the requests that never touch better-auth do not pay for them (decision
   * 0046).
   */
  use<T>(work: (betterAuth: BetterAuth) => Promise<T>, log?: FastifyBaseLogger): Promise<T>;
};

export function createAuth(options: AuthOptions): Auth {
  const storages = new StorageGate();
  storages.watch(requestLogStorage);
  let loading: Promise<BetterAuth> | undefined;
  const load = () => {
    loading ??= import("./instance.ts")
      .then(async ({ buildBetterAuth, betterAuthStorages }) => {
        const instance = buildBetterAuth(options);
        storages.watch(...(await betterAuthStorages()));
        return instance;
      })
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
    return loading;
  };
  return {
    load: () => storages.during(load).then(() => undefined),
    use: (work, log) => storages.during(() => (log ? withRequestLog(log, () => load().then(work)) : load().then(work))),
  };
}
