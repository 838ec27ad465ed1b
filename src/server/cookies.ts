import { createHmac, timingSafeEqual } from "node:crypto";
import { parseCookie, type SetCookie, stringifySetCookie } from "cookie";
import type { FastifyReply, FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyInstance {
    /** The app's signed cookies (app.ts decorates the root instance with them). */
    signedCookies: SignedCookies;
  }
}

/** How a cookie is set: lifetime and whether it needs https (the rest is fixed: Path=/, HttpOnly, SameSite=Lax). */
export type CookieOptions = { maxAge: number; secure: boolean };

/**
 * The app's cookies, for the few routes that use them (a respondent's browser remembering a hand-in or a shared
 * device, an account deletion clearing the session), read and written with `cookie`. Not a Fastify plugin:
 * @fastify/cookie added a parsing hook and an onSend hook to every request, the busiest ones included, while only
 * these routes read or write a cookie (decision 0055). Signed as @fastify/cookie signed (value, a dot, the value's
 * HMAC-SHA256 with the app secret in base64 without padding), so cookies it set stay valid.
 */
export class SignedCookies {
  constructor(private readonly secret: string) {}

  private signature(value: string): string {
    return createHmac("sha256", this.secret).update(value).digest("base64").replace(/=+$/, "");
  }

  private sign(value: string): string {
    return `${value}.${this.signature(value)}`;
  }

  /** The value of a signed cookie when its signature is this app's, else null. */
  private unsign(signed: string): string | null {
    const dot = signed.lastIndexOf(".");
    if (dot < 0) return null;
    const value = signed.slice(0, dot);
    const given = Buffer.from(signed.slice(dot + 1));
    const expected = Buffer.from(this.signature(value));
    return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
  }

  /** The value of a validly signed cookie, or null when it is missing, unsigned or signed with another secret. */
  read(request: FastifyRequest, name: string): string | null {
    const header = request.headers.cookie;
    const raw = header ? parseCookie(header)[name] : undefined;
    return raw ? this.unsign(raw) : null;
  }

  /** Sets a signed cookie for the whole site, HttpOnly and SameSite=Lax. */
  set(reply: FastifyReply, name: string, value: string, { maxAge, secure }: CookieOptions): void {
    addSetCookie(reply, { name, value: this.sign(value), maxAge, path: "/", secure, httpOnly: true, sameSite: "lax" });
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
