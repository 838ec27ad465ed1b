import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";
import type { RequestStep } from "../request-steps.ts";

/** One year, the value HSTS preload lists ask for. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** helmet's defaults with the app's own images (data: URLs for QR codes) and inline styles (chart library). */
const DIRECTIVES: Record<string, string[]> = {
  "default-src": ["'self'"],
  "base-uri": ["'self'"],
  "font-src": ["'self'", "https:", "data:"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'self'"],
  "img-src": ["'self'", "data:"],
  "object-src": ["'none'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'", "'unsafe-inline'"],
};

const serialize = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");

/**
 * The Content-Security-Policy, built once per scheme. Over https it also asks the browser to fetch everything over
 * https (`upgrade-insecure-requests`); over plain http that would rewrite every script and stylesheet to an https
 * address the app does not serve, leaving a blank page.
 */
export const CONTENT_SECURITY_POLICY = {
  http: serialize(DIRECTIVES),
  https: `${serialize(DIRECTIVES)}; upgrade-insecure-requests`,
} as const;

export const STRICT_TRANSPORT_SECURITY = `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`;

/**
 * The scheme-independent headers helmet sends with its defaults (X-Content-Type-Options, X-Frame-Options,
 * Referrer-Policy, Cross-Origin-*-Policy, …), collected once by running helmet's middleware against a recorder.
 * They depend on nothing in the request, so building helmet's middleware chain again for every request (what the
 * Fastify plugin does) is wasted work; helmet stays the source of the names and values.
 */
export function helmetHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name] = String(value);
    },
    // helmet removes X-Powered-By, which Fastify never sets.
    removeHeader(name: string) {
      delete headers[name];
    },
  };
  // helmet touches nothing of the request and only setHeader/removeHeader of the response.
  helmet({ contentSecurityPolicy: false, strictTransportSecurity: false })(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return Object.freeze(headers);
}

/**
 * What API answers (JSON and file downloads under /api/, outside better-auth's /api/auth/) carry instead of the page
 * set: the headers OWASP's REST Security Cheat Sheet lists for APIs. The page set's other headers (COOP,
 * Origin-Agent-Cluster, X-DNS-Prefetch-Control, X-Download-Options, X-Permitted-Cross-Domain-Policies, X-XSS-Protection,
 * Referrer-Policy and a CSP that lets a page load its scripts, styles and fonts) only do something in a rendered
 * document, and no API answer is one: files are attachments, JSON is never framed or rendered. A policy that allows
 * nothing keeps it that way if a browser is ever led to open one. Decision 0044.
 */
export const API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  // Lower case, as Fastify's reply writes every header name: it then lower-cases nothing per request.
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  // Other sites may not load API answers as images or scripts (no-cors reads, Spectre-style side channels).
  "cross-origin-resource-policy": "same-origin",
});

/** better-auth answers under /api/auth/ can be pages (its error page), so they keep the page set. */
const isApiAnswer = (url: string) => url.startsWith("/api/") && !url.startsWith("/api/auth/");

/**
 * Security headers that fit the scheme the request was actually served over (`request.protocol`: X-Forwarded-Proto
 * only from a proxy in TRUST_PROXY) and what is answered (a page or an API answer), every value computed once at
 * start-up: helmet's scheme-independent ones and CSP per scheme for pages, `API_HEADERS` for the API; HSTS over https
 * only, on both (over plain http it means nothing, and promising https for every subdomain of a name that is served
 * over http is wrong).
 */
export function securityHeaders(): RequestStep {
  const page = Object.entries(helmetHeaders());
  const api = Object.entries(API_HEADERS);
  return (request, reply) => {
    const https = request.protocol === "https";
    if (isApiAnswer(request.url)) {
      // Every API answer goes through Fastify's reply, which writes its headers in one go; a header set on the raw
      // response first makes Node merge and check every header twice, on the busiest routes.
      for (const [name, value] of api) reply.header(name, value);
      if (https) reply.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    } else {
      // On the raw response, as helmet did: they also hold for pages and files written past Fastify's reply.
      const raw = reply.raw;
      for (const [name, value] of page) raw.setHeader(name, value);
      raw.setHeader("Content-Security-Policy", https ? CONTENT_SECURITY_POLICY.https : CONTENT_SECURITY_POLICY.http);
      if (https) raw.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    }
    return undefined;
  };
}
