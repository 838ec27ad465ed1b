import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { HttpError } from "../errors.ts";
import { type Limit, type Taken, waitInDutch } from "../ratelimit/plugin.ts";
import type { Auth } from "./auth.ts";

const MINUTE = 60_000;

/**
 * Limits on better-auth's endpoints, counted in the database (one across instances, in every NODE_ENV; better-auth's
 * own in-memory limiter is off). Sign-in counts every attempt up front and gives a successful one back, so only
 * failures stay counted, and concurrent guesses cannot slip past the count: after 20 failed sign-ins for one account
 * or from one address in 15 minutes, every further one (the right password too) is refused for 15 minutes.
 */
export const AUTH_LIMITS = {
  signInAccount: { name: "sign-in:account", max: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  signInAddress: { name: "sign-in:address", max: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  signUpAddress: { name: "sign-up:address", max: 30, windowMs: 60 * MINUTE },
  /** Password-reset and verification mails: few per account (no mail bombing), more per address (a shared network). */
  mailAccount: { name: "auth-mail:account", max: 5, windowMs: 60 * MINUTE },
  mailAddress: { name: "auth-mail:address", max: 30, windowMs: 60 * MINUTE },
  /** Sign-ins with the organisation's account started (each stores a state row until the provider answers). */
  ssoStartAddress: { name: "sso-start:address", max: 60, windowMs: 15 * MINUTE },
} satisfies Record<string, Limit>;

/** The e-mail address in a request body as better-auth compares it (trimmed, lower case); "" when there is none. */
const emailOf = (body: unknown) => {
  const email = (body as { email?: unknown } | null | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase() : "";
};

/** What one auth request counts: per endpoint (path as better-auth routes it), the limits and the clients. */
function countsFor(app: FastifyInstance, request: FastifyRequest, path: string): { limit: Limit; key: string }[] {
  const address = app.rateLimits.clientKey(request);
  const email = emailOf(request.body);
  const perAccount = (limit: Limit) => (email ? [{ limit, key: email }] : []);
  switch (path) {
    case "/sign-in/email":
      return [...perAccount(AUTH_LIMITS.signInAccount), { limit: AUTH_LIMITS.signInAddress, key: address }];
    case "/sign-up/email":
      return [{ limit: AUTH_LIMITS.signUpAddress, key: address }];
    case "/sign-in/social":
      return [{ limit: AUTH_LIMITS.ssoStartAddress, key: address }];
    case "/request-password-reset":
    case "/forget-password":
    case "/send-verification-email":
      return [...perAccount(AUTH_LIMITS.mailAccount), { limit: AUTH_LIMITS.mailAddress, key: address }];
    default:
      return [];
  }
}

const tooManySignIns = (ttlMs: number) =>
  new HttpError(
    429,
    `Te veel mislukte inlogpogingen voor dit account of vanaf dit adres. Probeer het over ${waitInDutch(ttlMs)} opnieuw.`,
    "email",
  );

/**
 * Counts a POST to a limited endpoint; 429 (thrown) when a limit is reached. Returns what to do when better-auth
 * accepted the request: a sign-in gives its hits back (only failures count).
 */
async function limitAuthRequest(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  url: URL,
): Promise<Taken["refund"] | undefined> {
  if (request.method !== "POST") return undefined;
  // The path the way better-auth matches it: below /api/auth, without trailing slashes.
  const path = url.pathname
    .replace(/^\/api\/auth/, "")
    .replace(/\/+$/, "")
    .toLowerCase();
  const counts = countsFor(app, request, path);
  if (counts.length === 0) return undefined;
  const signIn = path === "/sign-in/email";
  const taken = await app.rateLimits.take(reply, counts, signIn ? tooManySignIns : undefined);
  return signIn ? taken.refund : undefined;
}

/**
 * Mounts better-auth's endpoints under /api/auth/* by turning Fastify requests into Fetch requests, with our rate
 * limits (AUTH_LIMITS) in front. Register after the rate limits (server/ratelimit).
 */
export function mountAuth(app: FastifyInstance, auth: Auth): void {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    async handler(request, reply) {
      // Protocol and host as Fastify derives them (X-Forwarded-* only from TRUST_PROXY): without PUBLIC_URL, better-auth's
      // links start with this origin.
      const url = new URL(request.url, `${request.protocol}://${request.host || "localhost"}`);
      const onSuccess = await limitAuthRequest(app, request, reply, url);
      const body = request.body === undefined || request.body === null ? undefined : JSON.stringify(request.body);
      const response = await auth.use(
        (betterAuth) => betterAuth.handler(new Request(url, { method: request.method, headers: fromNodeHeaders(request.headers), body })),
        request.log,
      );
      // Before answering, so the client's next attempt already sees it.
      if (onSuccess && response.ok) await onSuccess();
      reply.status(response.status);
      for (const [name, value] of response.headers) if (name !== "set-cookie") reply.header(name, value);
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      return reply.send(response.body ? await response.text() : null);
    },
  });
}

export type SignedInUser = { id: string; email: string; name: string; emailVerified: boolean };

export async function currentUser(auth: Auth, request: FastifyRequest): Promise<SignedInUser | null> {
  const session = await auth.use((betterAuth) => betterAuth.api.getSession({ headers: fromNodeHeaders(request.headers) }), request.log);
  if (!session) return null;
  const { id, email, name, emailVerified } = session.user;
  return { id, email, name, emailVerified };
}

/**
 * Moderator rights: the address is listed in MODERATOR_EMAILS *and* verified by mail (or the account was made by an
 * operator on the command line), so signing up with a listed address gives nothing until its owner clicks the link.
 */
export function isModerator(user: Pick<SignedInUser, "email" | "emailVerified">, moderatorEmails: readonly string[]): boolean {
  return user.emailVerified && moderatorEmails.includes(user.email.toLowerCase());
}

/** The signed-in moderator, or 401 (not signed in) / 403 (signed in, not a moderator or address not verified). */
export async function requireModerator(auth: Auth, moderatorEmails: readonly string[], request: FastifyRequest): Promise<SignedInUser> {
  const user = await currentUser(auth, request);
  if (!user) throw new HttpError(401, "Log in als moderator om inzendingen te beoordelen.");
  // The same answer for listed and unlisted addresses: it does not reveal who is in MODERATOR_EMAILS.
  if (!user.emailVerified) {
    throw new HttpError(403, "Dit account is geen moderator. Moderatoren bevestigen eerst hun e-mailadres via de link in hun mail.");
  }
  if (!isModerator(user, moderatorEmails)) throw new HttpError(403, "Dit account is geen moderator.");
  return user;
}
