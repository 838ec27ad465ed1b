import type { FastifyRequest } from "fastify";
import { HttpError } from "../errors.ts";
import type { RequestStep } from "../request-steps.ts";

/** Methods that change something; GET, HEAD and OPTIONS never do in this app. */
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const FOREIGN_ORIGIN_MESSAGE = "Dit verzoek komt van een andere website en is geweigerd.";

/** The origin (`scheme://host[:port]`, default port left out) of a URL, or "null" when it is not a valid URL. */
function originOf(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return "null";
  }
}

/**
 * Where a request says it comes from: the Origin header, or without one the origin of the Referer; undefined when it
 * sends neither (curl, server-to-server calls, old browsers with a strict referrer policy).
 */
function sourceOrigin(request: FastifyRequest): string | undefined {
  const { origin, referer } = request.headers;
  if (typeof origin === "string" && origin !== "") return origin === "null" ? "null" : originOf(origin);
  if (typeof referer === "string" && referer !== "") return originOf(referer);
  return undefined;
}

/** The app's origin as this request reached it: protocol and host as Fastify derives them (TRUST_PROXY honoured). */
function requestOrigin(request: FastifyRequest): string | undefined {
  return request.host ? originOf(`${request.protocol}://${request.host}`) : undefined;
}

/**
 * Cross-site request forgery protection for every state-changing request, better-auth's included. A browser always
 * sends Origin (or at least Referer) on a cross-site POST and a page cannot forge either, so a request whose Origin
 * (or, without Origin, Referer) is not the app's own — PUBLIC_URL's origin, or the origin the request itself came in
 * on — is refused with 403, as is any request the browser marks `Sec-Fetch-Site: cross-site`. Requests with neither
 * header stay allowed: browsers always send Origin on these methods across origins, so they come from command-line
 * tools and servers, which hold no victim's cookies. See docs/decisions/0013-origin-check-and-scheme-headers.md.
 */
export function originRefusal({ publicUrl }: { publicUrl: string | undefined }): RequestStep {
  const configured = publicUrl ? originOf(publicUrl) : undefined;
  return (request) => {
    if (!STATE_CHANGING.has(request.method)) return undefined;
    if (request.headers["sec-fetch-site"] === "cross-site") return new HttpError(403, FOREIGN_ORIGIN_MESSAGE, "Origin");
    // The common case first: a browser on the configured origin sends exactly that (no URL to parse).
    const { origin } = request.headers;
    if (origin !== undefined && origin === configured && origin !== "null") return undefined;
    const source = sourceOrigin(request);
    if (source === undefined) return undefined;
    if (source !== "null" && (source === configured || source === requestOrigin(request))) return undefined;
    return new HttpError(403, FOREIGN_ORIGIN_MESSAGE, "Origin");
  };
}
