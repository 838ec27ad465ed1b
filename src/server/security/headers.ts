import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet from "helmet";

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
 * Security headers that fit the scheme the request was actually served over (`request.protocol`: X-Forwarded-Proto
 * only from a proxy in TRUST_PROXY), every value computed once at start-up: helmet's scheme-independent ones, and
 * CSP and HSTS per scheme, HSTS only over https (over plain http it means nothing, and promising https for every
 * subdomain of a name that is served over http is wrong).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const common = Object.entries(helmetHeaders());
  app.addHook("onRequest", (request, reply, done) => {
    // On the raw response, as helmet did: they also hold for answers written past Fastify's reply.
    for (const [name, value] of common) reply.raw.setHeader(name, value);
    if (request.protocol === "https") {
      reply.header("Content-Security-Policy", CONTENT_SECURITY_POLICY.https);
      reply.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    } else reply.header("Content-Security-Policy", CONTENT_SECURITY_POLICY.http);
    done();
  });
}
