import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { HttpError } from "../errors.ts";
import type { Auth } from "./auth.ts";

/** Mounts better-auth's endpoints under /api/auth/* by turning Fastify requests into Fetch requests. */
export function mountAuth(app: FastifyInstance, auth: Auth): void {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    async handler(request, reply) {
      // Protocol and host as Fastify derives them (X-Forwarded-* only from TRUST_PROXY): without PUBLIC_URL, better-auth's
      // links start with this origin.
      const url = new URL(request.url, `${request.protocol}://${request.host || "localhost"}`);
      const body = request.body === undefined || request.body === null ? undefined : JSON.stringify(request.body);
      const response = await auth.handler(new Request(url, { method: request.method, headers: fromNodeHeaders(request.headers), body }));
      reply.status(response.status);
      for (const [name, value] of response.headers) if (name !== "set-cookie") reply.header(name, value);
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      return reply.send(response.body ? await response.text() : null);
    },
  });
}

export type SignedInUser = { id: string; email: string; name: string };

export async function currentUser(auth: Auth, request: FastifyRequest): Promise<SignedInUser | null> {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  return session ? { id: session.user.id, email: session.user.email, name: session.user.name } : null;
}

/** The signed-in moderator, or 401 (not signed in) / 403 (signed in, not a moderator). */
export async function requireModerator(auth: Auth, moderatorEmails: readonly string[], request: FastifyRequest): Promise<SignedInUser> {
  const user = await currentUser(auth, request);
  if (!user) throw new HttpError(401, "Log in als moderator om inzendingen te beoordelen.");
  if (!moderatorEmails.includes(user.email.toLowerCase())) throw new HttpError(403, "Dit account is geen moderator.");
  return user;
}
