import type { FastifyReply, FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { clearCookie, SignedCookies } from "./cookies.ts";

const SECRET = "a-secret-of-at-least-thirty-two-characters";

/** The Set-Cookie lines a reply was given, and a request carrying a Cookie header. */
function replyCapture(): { reply: FastifyReply; lines: string[] } {
  const lines: string[] = [];
  const reply = { header: (name: string, value: string) => name === "set-cookie" && lines.push(value) };
  return { reply: reply as unknown as FastifyReply, lines };
}
const requestWith = (cookie: string | undefined) => ({ headers: { cookie } }) as unknown as FastifyRequest;
/** The name=value part of a Set-Cookie line, as a browser sends it back. */
const sentBack = (line: string) => line.split(";")[0] ?? "";

describe("SignedCookies", () => {
  it("reads what it set, and sets HttpOnly, SameSite=Lax cookies with the given lifetime", () => {
    const cookies = new SignedCookies(SECRET);
    const { reply, lines } = replyCapture();
    cookies.set(reply, "vt_test", "round:youth", { maxAge: 3600, secure: true });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^vt_test=[^;]+; Max-Age=3600; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookies.read(requestWith(`other=1; ${sentBack(lines[0] ?? "")}`), "vt_test")).toBe("round:youth");
  });

  it("refuses a missing, unsigned, tampered or otherwise signed cookie", () => {
    const cookies = new SignedCookies(SECRET);
    const { reply, lines } = replyCapture();
    cookies.set(reply, "vt_test", "1", { maxAge: 60, secure: false });
    const signed = sentBack(lines[0] ?? "");
    expect(lines[0]).not.toContain("Secure");
    expect(cookies.read(requestWith(undefined), "vt_test")).toBeNull();
    expect(cookies.read(requestWith("vt_test=1"), "vt_test")).toBeNull();
    expect(cookies.read(requestWith(signed.replace("vt_test=1", "vt_test=2")), "vt_test")).toBeNull();
    expect(new SignedCookies(`${SECRET}-other`).read(requestWith(signed), "vt_test")).toBeNull();
  });

  // Browsers keep a hand-in cookie for 400 days, so cookies @fastify/cookie (11.1, before decision 0055) signed must
  // still read. These are what it signed with SECRET (its signerFactory(SECRET).sign(value), made once).
  it("reads cookies @fastify/cookie signed, and signs values exactly as it did", () => {
    const byPlugin = {
      "round-1:employer": "round-1:employer.Lk6h5+qZMiK+z7TmLCfZ4xeM7IXCYkbARUJ2BZTlR58",
      "1": "1.0KNgoXtXhEd694dBnm6AMZ/1I8mtLEuREMdKRHYnhVA",
    };
    const cookies = new SignedCookies(SECRET);
    for (const [value, signed] of Object.entries(byPlugin)) {
      expect(cookies.read(requestWith(`vt_test=${encodeURIComponent(signed)}`), "vt_test")).toBe(value);
      const { reply, lines } = replyCapture();
      cookies.set(reply, "vt_test", value, { maxAge: 60, secure: false });
      expect(sentBack(lines[0] ?? "")).toBe(`vt_test=${encodeURIComponent(signed)}`);
    }
  });

  it("clears a cookie: empty, expired, on its path", () => {
    const { reply, lines } = replyCapture();
    clearCookie(reply, "better-auth.session_token", { path: "/", secure: true });
    expect(lines[0]).toBe("better-auth.session_token=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; SameSite=Lax");
  });
});
