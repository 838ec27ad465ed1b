import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

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
 * Security headers that fit the scheme the request was actually served over (`request.protocol`: X-Forwarded-Proto
 * only from a proxy in TRUST_PROXY). helmet sends the scheme-independent ones; CSP and HSTS are set here, HSTS only
 * over https (over plain http it means nothing, and promising https for every subdomain of a name that is served
 * over http is wrong).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: false, strictTransportSecurity: false });
  app.addHook("onRequest", (request, reply, done) => {
    const https = request.protocol === "https";
    reply.header("Content-Security-Policy", https ? CONTENT_SECURITY_POLICY.https : CONTENT_SECURITY_POLICY.http);
    if (https) reply.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    done();
  });
}
