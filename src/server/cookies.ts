import { signerFactory } from "@fastify/cookie";
import { parseCookie, type SetCookie, stringifySetCookie } from "cookie";
import type { FastifyReply, FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyInstance {
    /** The app's signed cookies (app.ts decorates the root instance with them). */
    signedCookies: SignedCookies;
  }
}

/** How a cookie is set: lifetime, path and whether it needs https (the rest is fixed: HttpOnly, SameSite=Lax). */
export type CookieOptions = { maxAge: number; path?: string; secure: boolean };

/**
 * The app's cookies, for the few routes that use them (a respondent's browser remembering a hand-in or a shared
 * device, an account deletion clearing the session): signed with the app secret by @fastify/cookie's signer (so
 * cookies it signed before stay valid), written with `cookie`. Not a Fastify plugin: @fastify/cookie adds a parsing
 * hook and an onSend hook to every request, the busiest ones included, while only these routes read or write a cookie
 * (decision 0055).
 */
export class SignedCookies {
  private readonly signer;

  constructor(secret: string) {
    this.signer = signerFactory(secret);
  }

  /** The value of a validly signed cookie, or null when it is missing, unsigned or signed with another secret. */
  read(request: FastifyRequest, name: string): string | null {
    const header = request.headers.cookie;
    const raw = header ? parseCookie(header)[name] : undefined;
    if (!raw) return null;
    const result = this.signer.unsign(raw);
    return result.valid ? result.value : null;
  }

  /** Sets a signed cookie, HttpOnly and SameSite=Lax. */
  set(reply: FastifyReply, name: string, value: string, { maxAge, path = "/", secure }: CookieOptions): void {
    addSetCookie(reply, { name, value: this.signer.sign(value), maxAge, path, secure, httpOnly: true, sameSite: "lax" });
  }
}

/** Tells the browser to drop a cookie (any cookie: also one better-auth set). */
export function clearCookie(reply: FastifyReply, name: string, { path = "/", secure }: { path?: string; secure?: boolean } = {}): void {
  addSetCookie(reply, { name, value: "", path, secure, sameSite: "lax", maxAge: 0, expires: new Date(0) });
}

/** Another Set-Cookie header line: Fastify keeps every set-cookie value it is given. */
function addSetCookie(reply: FastifyReply, cookie: SetCookie): void {
  reply.header("set-cookie", stringifySetCookie(cookie));
}
