// The better-auth instance itself. Loaded by auth.ts on first use (or right after the server listens): better-auth
// and what it brings (kysely, jose, better-call; ~500 modules) cost about 0.4 s of CPU to load, which start-up does
// not wait for.
import {
  getCurrentAuthContextAsyncLocalStorage,
  getCurrentDBAdapterAsyncLocalStorage,
  getRequestStateAsyncLocalStorage,
} from "@better-auth/core/context";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { genericOAuth } from "better-auth/plugins";
import * as schema from "../../db/schema.ts";
import { OIDC_PROVIDER_ID, type OidcConfig } from "../config.ts";
import { type AuthOptions, SIGN_IN_PAGE, VERIFICATION_LINK_SECONDS, verificationLink } from "./auth.ts";

/** A claim as text, or undefined when it is not a non-empty string. */
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/**
 * Sign-in with the organisation's account through better-auth's generic OAuth plugin, set up from the issuer's
 * discovery document (ID tokens checked against its keys, PKCE). Decision 0033: the provider's `email_verified`
 * claim is never taken over — an account it creates is unverified until the app's own mail link verifies it, so the
 * moderator role (MODERATOR_EMAILS + verified) never comes from a provider's claim. Linking to an existing account is
 * governed by `account.accountLinking` below.
 */
function oidcPlugin(oidc: OidcConfig) {
  return genericOAuth({
    config: [
      {
        providerId: OIDC_PROVIDER_ID,
        name: oidc.name,
        discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
        clientId: oidc.clientId,
        clientSecret: oidc.clientSecret,
        scopes: ["openid", "email", "profile"],
        pkce: true,
        requireIdTokenVerification: true,
        mapProfileToUser: (profile) => ({
          emailVerified: false,
          name: text(profile.name) ?? text(profile.preferred_username) ?? text(profile.email) ?? "",
        }),
      },
    ],
  });
}

/** better-auth: e-mail + password accounts, optionally sign-in with the organisation's account; sessions in our database. */
export function buildBetterAuth({ db, secret, publicUrl, mailer, log, oidc }: AuthOptions) {
  return betterAuth({
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    secret,
    baseURL: publicUrl,
    basePath: "/api/auth",
    // Same-origin requests are trusted besides PUBLIC_URL, so the app also works on the address it is reached on.
    trustedOrigins: (request) => {
      const host = request?.headers.get("host");
      const configured = publicUrl ? [publicUrl] : [];
      return host ? [...configured, `http://${host}`, `https://${host}`] : configured;
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      resetPasswordTokenExpiresIn: 60 * 60,
      // A reset ends every session of the account (someone who knew the old password is signed out everywhere).
      revokeSessionsOnPasswordReset: true,
      // `url` starts with better-auth's base URL: PUBLIC_URL, or the origin the request came in on.
      sendResetPassword: async ({ user, token, url }) => {
        if (!mailer) throw new Error("no mailer configured");
        await mailer.send({
          to: user.email,
          subject: "Nieuw wachtwoord voor de Verbetertool Jongeren & Arbeid",
          text: [
            `Hallo ${user.name},`,
            "",
            "Je hebt gevraagd om een nieuw wachtwoord. Kies het via deze link (een uur geldig):",
            `${publicUrl ?? new URL(url).origin}/wachtwoord-herstellen?token=${encodeURIComponent(token)}`,
            "",
            "Heb je dit niet gevraagd? Dan hoef je niets te doen; je wachtwoord blijft hetzelfde.",
          ].join("\n"),
        });
      },
    },
    // Signing up works without it, but moderator rights (MODERATOR_EMAILS) need a verified address: the link in this
    // mail verifies it and lands on /account/bevestigd (with ?error=… when the link is expired or invalid).
    emailVerification: {
      // The command-line script has no mailer: its accounts are marked verified instead (scripts/create-account.ts).
      sendOnSignUp: mailer !== undefined,
      expiresIn: VERIFICATION_LINK_SECONDS,
      sendVerificationEmail: async ({ user, token, url }) => {
        if (!mailer) throw new Error("no mailer configured");
        await mailer.send({
          to: user.email,
          subject: "Bevestig je e-mailadres voor de Verbetertool Jongeren & Arbeid",
          text: [
            `Hallo ${user.name},`,
            "",
            "Bevestig je e-mailadres via deze link (een dag geldig):",
            verificationLink(publicUrl ?? new URL(url).origin, token),
            "",
            "Heb je geen account aangemaakt? Dan hoef je niets te doen.",
          ].join("\n"),
        });
      },
    },
    plugins: oidc ? [oidcPlugin(oidc)] : [],
    account: {
      accountLinking: {
        enabled: true,
        // A sign-in with the organisation's account joins an existing account with the same address only when the
        // provider is trusted for e-mail (OIDC_TRUSTED_FOR_EMAIL) and that account's address was verified here;
        // the provider's claim does not count (it is always mapped to unverified), so an untrusted provider never links.
        trustedProviders: oidc?.trustedForEmail ? [OIDC_PROVIDER_ID] : [],
        requireLocalEmailVerified: true,
        allowDifferentEmails: false,
        updateUserInfoOnLink: false,
      },
    },
    // OAuth failures without a page of their own (a stale state, a refused link) land on the sign-in page with ?error=.
    onAPIError: { errorURL: SIGN_IN_PAGE },
    // No IP addresses with sessions: the app keeps as little personal data as it can (AVG).
    advanced: { ipAddress: { disableIpTracking: true } },
    telemetry: { enabled: false },
    // Off in every NODE_ENV: it counts per instance in memory and keys on X-Forwarded-For whether or not a proxy is
    // trusted. Our limits in auth/plugin.ts (AUTH_LIMITS) hold instead, shared by all instances.
    rateLimit: { enabled: false },
    // Everything better-auth reports goes through our logger, which decides the level and scrubs it.
    logger: log ? { level: "debug", log } : undefined,
  });
}
export type BetterAuth = ReturnType<typeof buildBetterAuth>;

/** better-auth's AsyncLocalStorages (made on first ask, switched on by their first `run`), for auth.ts's StorageGate. */
export function betterAuthStorages() {
  return Promise.all([
    getRequestStateAsyncLocalStorage(),
    getCurrentAuthContextAsyncLocalStorage(),
    getCurrentDBAdapterAsyncLocalStorage(),
  ]);
}
