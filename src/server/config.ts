import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join, resolve } from "node:path";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { appSecrets } from "../db/schema.ts";
import { DEFAULT_SOLO_CHECK_RETENTION_MONTHS } from "../domain/checks/retention.ts";
import { HttpError } from "./errors.ts";
import { appRoot } from "./paths.ts";
import { exitOnStartupError, StartupError } from "./startup-error.ts";

/**
 * What Fastify's `trustProxy` gets from us: trust all / none, or the addresses of the proxies (IPs, CIDR ranges,
 * `loopback`, `linklocal`, `uniquelocal`). No hop count: Fastify 5.12.1 dropped it as spoofable (decision 0009).
 */
export type TrustProxy = boolean | string[];

/** pino's levels (LOG_LEVEL). */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export const NODE_ENVS = ["production", "development", "test"] as const;

/** The validated environment (`loadConfig`). The secret is resolved later, once the database is open (`resolveSecret`). */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** When set, a PostgreSQL server is used instead of the embedded PGlite database. */
  databaseUrl?: string;
  /** Size of the PostgreSQL connection pool (DATABASE_POOL_SIZE); undefined: the database code's default. */
  databasePoolSize?: number;
  /** How long start-up keeps trying to reach PostgreSQL (DATABASE_STARTUP_TIMEOUT_MS); undefined: the default. */
  databaseStartupTimeoutMs?: number;
  /**
   * The address users reach the app on, as an origin without trailing slash. Undefined (only outside production):
   * links are built from each request's protocol and host (see `linkBase`).
   */
  publicUrl?: string;
  logLevel: (typeof LOG_LEVELS)[number];
  contentDir: string;
  /** Built web app; not served when missing (API-only tests). */
  webDir: string;
  /** Checks a single address may start per minute. */
  createChecksPerMinute: number;
  /** Months a check without a round is kept after it was last opened (SOLO_CHECK_RETENTION_MONTHS). */
  soloCheckRetentionMonths: number;
  /** APP_SECRET when given; otherwise `resolveSecret` generates one once for the whole installation. */
  appSecret?: string;
  /** SMTP connection URL (smtp(s)://user:pass@host:port); without it mails are written to DATA_DIR/mail. */
  smtpUrl?: string;
  mailFrom: string;
  /** E-mail addresses of the accounts that may moderate kennisbank submissions (lower case). */
  moderatorEmails: string[];
  /** Bearer token for GET /metrics (METRICS_TOKEN); without it /metrics answers on loopback only. */
  metricsToken?: string;
  /** Which proxies' X-Forwarded-* headers are believed (client address, protocol, host). */
  trustProxy: TrustProxy;
  nodeEnv: (typeof NODE_ENVS)[number];
  /** Sign-in with the organisation's account (OIDC_*); undefined when not configured. */
  oidc?: OidcConfig;
};

/**
 * An OpenID Connect provider to sign in with (decision 0033). `trustedForEmail`: its addresses are its users' own, so a
 * sign-in links to an existing account with the same, verified address; otherwise it never does. Either way a
 * provider's `email_verified` claim never verifies an address here, so it never makes anyone a moderator.
 */
export type OidcConfig = {
  /** Issuer URL; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the button: "Inloggen met <name>". */
  name: string;
  trustedForEmail: boolean;
};

/** The provider id better-auth knows the OIDC provider by; its callback is `/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";

/** The configuration the app runs with: the validated environment plus the resolved secret. */
export type RuntimeConfig = Config & { secret: string };

/** Minimum length of a given APP_SECRET (better-auth signs sessions with it). */
export const MIN_SECRET_LENGTH = 32;

/** Every variable the app reads, in the order problems are reported (README, "Configuration"). */
export const CONFIG_VARIABLES = [
  "NODE_ENV",
  "PORT",
  "HOST",
  "DATA_DIR",
  "DATABASE_URL",
  "DATABASE_POOL_SIZE",
  "DATABASE_STARTUP_TIMEOUT_MS",
  "PUBLIC_URL",
  "TRUST_PROXY",
  "LOG_LEVEL",
  "CREATE_CHECKS_PER_MINUTE",
  "SOLO_CHECK_RETENTION_MONTHS",
  "APP_SECRET",
  "METRICS_TOKEN",
  "MODERATOR_EMAILS",
  "SMTP_URL",
  "MAIL_FROM",
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_NAME",
  "OIDC_TRUSTED_FOR_EMAIL",
  "CONTENT_DIR",
  "WEB_DIR",
] as const;
type Variable = (typeof CONFIG_VARIABLES)[number];

/** Variables whose value is never repeated in a message. */
const SECRET_VARIABLES = new Set<Variable>(["APP_SECRET", "METRICS_TOKEN", "OIDC_CLIENT_SECRET"]);
/** Sign-in with the organisation's account needs all of these, or none. */
const OIDC_REQUIRED = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"] as const satisfies Variable[];

const DEFAULT_MAIL_FROM = "Verbetertool Jongeren & Arbeid <noreply@localhost>";
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
/** A Host header value: a hostname or IPv4 address with optional port, or a bracketed IPv6 address. */
const HOST_HEADER = /^(?:[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;
/** Loose on purpose: `noreply@localhost` (the default sender) has no top-level domain. */
const MAILBOX = /^[^\s@<>",;]+@[^\s@<>",;]+$/;
/** Names proxy-addr (Fastify's trustProxy) accepts for address ranges. */
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * Replaces the password in a URL-like value (`scheme://user:password@host`, or `?password=` as pg accepts it) by
 * `***`, parseable or not.
 */
export function maskPassword(input: string): string {
  const value = input.replace(/([?&]password=)[^&#]*/gi, "$1***");
  const at = value.lastIndexOf("@");
  if (at < 0) return value;
  const slashes = value.indexOf("//");
  const start = slashes >= 0 && slashes < at ? slashes + 2 : 0;
  const colon = value.indexOf(":", start);
  if (colon < 0 || colon > at) return value;
  return `${value.slice(0, colon + 1)}***${value.slice(at)}`;
}

/** A problem with a variable; `ctx.addIssue` needs it as a custom issue. */
type Ctx = z.RefinementCtx;
/** `hint` (an example, advice) follows the value in the message. */
const problem = (ctx: Ctx, message: string, hint?: string): never => {
  ctx.addIssue({ code: "custom", message, params: { hint } });
  return z.NEVER;
};

/** An optional variable: unset and blank are the same (compose files often write `VAR=`). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const positiveInteger = (what: string, max = Number.MAX_SAFE_INTEGER) =>
  z.string().transform((value, ctx) => {
    const n = Number(value.trim());
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > max) return problem(ctx, what);
    return n;
  });

/** A URL with one of `schemes` and a host; messages name an example. */
const serverUrl = (schemes: string[], example: string, allowHostInQuery = false) =>
  z.string().transform((value, ctx) => {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
    if (!scheme || !schemes.includes(scheme))
      return problem(ctx, `moet beginnen met ${schemes.map((s) => `${s}://`).join(" of ")}`, `bijv. ${example}`);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return problem(ctx, "is geen geldige URL", `bijv. ${example}; schrijf @ : / in het wachtwoord als %40 %3A %2F`);
    }
    if (!url.hostname && !(allowHostInQuery && url.searchParams.get("host"))) return problem(ctx, "mist de host", `bijv. ${example}`);
    return value;
  });

const trustProxy = z.string().transform((raw, ctx): TrustProxy => {
  const value = raw.trim().toLowerCase();
  if (value === "true") return true;
  if (value === "false") return false;
  if (/^\d+$/.test(value))
    return problem(
      ctx,
      "kan geen aantal proxy's zijn (een client die de proxy omzeilt, kan dat misbruiken)",
      "noem de adressen van de proxy's, bijv. uniquelocal of 10.0.0.0/8",
    );
  const entries = value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => {
    if (PROXY_RANGE_NAMES.has(entry)) return false;
    const [address = "", prefix, ...rest] = entry.split("/");
    const version = isIP(address);
    if (version === 0 || rest.length > 0) return true;
    if (prefix === undefined) return false;
    if (isIP(prefix) === version) return false; // address/netmask
    return !/^\d{1,3}$/.test(prefix) || Number(prefix) > (version === 4 ? 32 : 128);
  });
  if (entries.length === 0 || bad.length > 0)
    return problem(
      ctx,
      "moet true, false of een lijst IP-adressen/CIDR-bereiken van de proxy's zijn",
      "bijv. 10.0.0.0/8,127.0.0.1 of uniquelocal",
    );
  return entries;
});

const envSchema = z.object({
  NODE_ENV: optional(z.enum(NODE_ENVS, { error: `moet ${NODE_ENVS.join(", ")} zijn` })),
  PORT: optional(positiveInteger("moet een poortnummer van 1 tot en met 65535 zijn", 65_535)),
  HOST: optional(
    z
      .string()
      .transform((v, ctx) =>
        isIP(v) !== 0 || HOSTNAME.test(v) ? v : problem(ctx, "moet een IP-adres of hostnaam zijn", "bijv. 0.0.0.0, :: of localhost"),
      ),
  ),
  DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(serverUrl(["postgres", "postgresql"], "postgres://gebruiker:wachtwoord@db.example.nl:5432/verbetertool", true)),
  DATABASE_POOL_SIZE: optional(positiveInteger("moet een geheel getal van 1 tot en met 1000 zijn", 1000)),
  DATABASE_STARTUP_TIMEOUT_MS: optional(positiveInteger("moet een geheel aantal milliseconden van minstens 1 zijn")),
  PUBLIC_URL: optional(
    z.string().transform((value, ctx) => {
      const example = "bijv. https://verbetertool.gemeente.nl";
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return problem(ctx, "moet een volledig adres met http:// of https:// zijn", example);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") return problem(ctx, "moet beginnen met http:// of https://", example);
      if (url.username || url.password) return problem(ctx, "mag geen gebruikersnaam of wachtwoord bevatten");
      if (url.pathname !== "/" || url.search || url.hash || /[?#]/.test(value))
        return problem(ctx, "mag geen pad, ? of # bevatten: alleen schema, host en eventueel poort", example);
      return url.origin;
    }),
  ),
  TRUST_PROXY: optional(trustProxy),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `moet een van ${LOG_LEVELS.join(", ")} zijn` })),
  CREATE_CHECKS_PER_MINUTE: optional(positiveInteger("moet een geheel getal van minstens 1 zijn")),
  SOLO_CHECK_RETENTION_MONTHS: optional(positiveInteger("moet een geheel aantal maanden van 1 tot en met 1200 zijn", 1200)),
  APP_SECRET: optional(
    z.string().transform((value, ctx) => {
      if (value.length < MIN_SECRET_LENGTH)
        return problem(ctx, `moet minstens ${MIN_SECRET_LENGTH} tekens lang zijn (gekregen: ${value.length} tekens)`);
      return value;
    }),
  ),
  METRICS_TOKEN: optional(
    z.string().transform((value, ctx) => {
      if (/\s/.test(value)) return problem(ctx, "mag geen spaties of regeleinden bevatten");
      if (value.length < 16) return problem(ctx, `moet minstens 16 tekens lang zijn (gekregen: ${value.length} tekens)`);
      return value;
    }),
  ),
  MODERATOR_EMAILS: optional(
    z.string().transform((value, ctx) => {
      const emails = value
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean);
      const bad = emails.filter((e) => !z.email().safeParse(e).success);
      if (bad.length > 0)
        return problem(
          ctx,
          `moet een lijst e-mailadressen met komma's ertussen zijn; ongeldig: ${bad.map((e) => JSON.stringify(e)).join(", ")}`,
        );
      return emails;
    }),
  ),
  SMTP_URL: optional(serverUrl(["smtp", "smtps"], "smtps://gebruiker:wachtwoord@smtp.example.nl:465")),
  MAIL_FROM: optional(
    z.string().transform((value, ctx) => {
      const address = /<([^<>]*)>\s*$/.exec(value)?.[1] ?? value;
      if (MAILBOX.test(address.trim())) return value;
      return problem(ctx, "moet een e-mailadres zijn, eventueel met naam", "bijv. Verbetertool <noreply@gemeente.nl>");
    }),
  ),
  OIDC_ISSUER: optional(
    z.string().transform((value, ctx) => {
      const example = "bijv. https://login.gemeente.nl/realms/medewerkers";
      let url: URL;
      try {
        url = new URL(value.trim());
      } catch {
        return problem(ctx, "moet een volledig adres met https:// zijn", example);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") return problem(ctx, "moet beginnen met https://", example);
      if (url.username || url.password || url.search || url.hash || /[?#]/.test(value))
        return problem(ctx, "moet de issuer-URL zijn, zonder gebruikersnaam, wachtwoord, ? of #", example);
      return url.href.replace(/\/+$/, "");
    }),
  ),
  OIDC_CLIENT_ID: optional(z.string().transform((value) => value.trim())),
  OIDC_CLIENT_SECRET: optional(z.string()),
  OIDC_NAME: optional(
    z.string().transform((value, ctx) => {
      const name = value.trim();
      if (name.length > 60) return problem(ctx, `mag hoogstens 60 tekens lang zijn (gekregen: ${name.length} tekens)`);
      return name;
    }),
  ),
  OIDC_TRUSTED_FOR_EMAIL: optional(
    z.string().transform((value, ctx) => {
      const v = value.trim().toLowerCase();
      if (v === "true") return true;
      if (v === "false") return false;
      return problem(ctx, "moet true of false zijn");
    }),
  ),
  CONTENT_DIR: optional(z.string()),
  WEB_DIR: optional(z.string()),
});

/** One line per problem, naming the variable; secrets and passwords in URLs are never repeated. */
function line(variable: Variable, message: string, raw: unknown, hint?: string): string {
  const shown =
    SECRET_VARIABLES.has(variable) || typeof raw !== "string" || message.includes("ongeldig:")
      ? ""
      : ` (gekregen: ${JSON.stringify(maskPassword(raw.length > 200 ? `${raw.slice(0, 200)}…` : raw))})`;
  return `Configuratiefout: ${variable} ${message}${shown}${hint ? `; ${hint}` : ""}`;
}

export type ParsedConfig = { ok: true; config: Config } | { ok: false; problems: string[] };

/**
 * Validates the environment without touching the file system: every problem as one line naming its variable.
 * `root` is the project directory the defaults of DATA_DIR, CONTENT_DIR and WEB_DIR are relative to.
 */
export function parseConfig(env: NodeJS.ProcessEnv, root = appRoot()): ParsedConfig {
  const raw = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, env[name]]));
  const result = envSchema.safeParse(raw);
  const problems: { variable: Variable; text: string }[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const variable = issue.path[0] as Variable;
      const hint = issue.code === "custom" ? (issue.params?.hint as string | undefined) : undefined;
      problems.push({ variable, text: line(variable, issue.message, raw[variable], hint) });
    }
  }
  const production = env.NODE_ENV?.trim() === "production";
  if (production && !env.PUBLIC_URL?.trim())
    problems.push({
      variable: "PUBLIC_URL",
      text: line(
        "PUBLIC_URL",
        "is verplicht als NODE_ENV=production: het adres waarop gebruikers de app bereiken",
        undefined,
        "bijv. https://verbetertool.gemeente.nl",
      ),
    });
  // OIDC: all of OIDC_REQUIRED or none; OIDC_TRUSTED_FOR_EMAIL only with them.
  const oidcSet = OIDC_REQUIRED.filter((name) => env[name]?.trim());
  if (oidcSet.length > 0 || env.OIDC_TRUSTED_FOR_EMAIL?.trim()) {
    for (const name of OIDC_REQUIRED.filter((n) => !env[n]?.trim()))
      problems.push({
        variable: name,
        text: line(
          name,
          `ontbreekt: inloggen met het account van de organisatie heeft ${OIDC_REQUIRED.join(", ")} allemaal nodig (of geen ervan)`,
          undefined,
        ),
      });
  }
  const issuer = env.OIDC_ISSUER?.trim();
  if (production && issuer && /^http:/i.test(issuer))
    problems.push({
      variable: "OIDC_ISSUER",
      text: line("OIDC_ISSUER", "moet met https:// beginnen als NODE_ENV=production", issuer),
    });
  if (!result.success || problems.length > 0) {
    problems.sort((a, b) => CONFIG_VARIABLES.indexOf(a.variable) - CONFIG_VARIABLES.indexOf(b.variable));
    return { ok: false, problems: problems.map((p) => p.text) };
  }
  const v = result.data;
  return {
    ok: true,
    config: {
      port: v.PORT ?? 3000,
      host: v.HOST ?? "0.0.0.0",
      dataDir: resolve(v.DATA_DIR ?? join(root, "data")),
      databaseUrl: v.DATABASE_URL,
      databasePoolSize: v.DATABASE_POOL_SIZE,
      databaseStartupTimeoutMs: v.DATABASE_STARTUP_TIMEOUT_MS,
      publicUrl: v.PUBLIC_URL,
      logLevel: v.LOG_LEVEL ?? "info",
      contentDir: resolve(v.CONTENT_DIR ?? join(root, "content")),
      webDir: resolve(v.WEB_DIR ?? join(root, "dist/web")),
      createChecksPerMinute: v.CREATE_CHECKS_PER_MINUTE ?? 120,
      soloCheckRetentionMonths: v.SOLO_CHECK_RETENTION_MONTHS ?? DEFAULT_SOLO_CHECK_RETENTION_MONTHS,
      appSecret: v.APP_SECRET,
      smtpUrl: v.SMTP_URL,
      mailFrom: v.MAIL_FROM ?? DEFAULT_MAIL_FROM,
      moderatorEmails: v.MODERATOR_EMAILS ?? [],
      metricsToken: v.METRICS_TOKEN,
      trustProxy: v.TRUST_PROXY ?? false,
      nodeEnv: v.NODE_ENV ?? "development",
      oidc:
        v.OIDC_ISSUER && v.OIDC_CLIENT_ID && v.OIDC_CLIENT_SECRET && v.OIDC_NAME
          ? {
              issuer: v.OIDC_ISSUER,
              clientId: v.OIDC_CLIENT_ID,
              clientSecret: v.OIDC_CLIENT_SECRET,
              name: v.OIDC_NAME,
              trustedForEmail: v.OIDC_TRUSTED_FOR_EMAIL ?? false,
            }
          : undefined,
    },
  };
}

/** What the directories must be, checked read-only once the variables themselves are valid. */
function pathProblems(config: Config, env: NodeJS.ProcessEnv): string[] {
  const kind = (path: string) => {
    try {
      return statSync(path).isDirectory() ? "dir" : "file";
    } catch {
      return "missing";
    }
  };
  const problems: string[] = [];
  if (kind(config.dataDir) === "file") problems.push(line("DATA_DIR", "moet een map zijn, maar is een bestand", config.dataDir));
  const content = kind(config.contentDir);
  if (content !== "dir")
    problems.push(line("CONTENT_DIR", content === "file" ? "moet een map zijn, maar is een bestand" : "bestaat niet", config.contentDir));
  else if (kind(join(config.contentDir, "tools")) !== "dir")
    problems.push(line("CONTENT_DIR", "is geen inhoudsmap: de map tools/ ontbreekt erin", config.contentDir));
  // The default web directory may be missing (API only); one the operator names must hold the built app.
  if (env.WEB_DIR?.trim() && kind(join(config.webDir, "index.html")) !== "file")
    problems.push(line("WEB_DIR", "bevat geen index.html", config.webDir, "bouw de web-app met npm run build"));
  return problems;
}

/**
 * The validated configuration, or a StartupError whose message lists every problem, one line each. Nothing is
 * written: the directories are only looked at, and only after the variables themselves passed.
 */
/** For entry points: the validated configuration, or its problems printed one line each and exit code 1. */
export async function loadConfigOrExit(): Promise<Config> {
  try {
    return loadConfig();
  } catch (error) {
    return exitOnStartupError(error);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new StartupError(parsed.problems.join("\n"));
  const problems = pathProblems(parsed.config, env);
  if (problems.length > 0) throw new StartupError(problems.join("\n"));
  return parsed.config;
}

const SECRET_NAME = "app";
/** Where the embedded installation keeps its generated secret (and where earlier versions kept it for PostgreSQL too). */
export const secretFile = (dataDir: string) => join(dataDir, `${SECRET_NAME}.secret`);

const readSecretFile = (dataDir: string): string | undefined => {
  const file = secretFile(dataDir);
  return existsSync(file) ? readFileSync(file, "utf8").trim() || undefined : undefined;
};

/**
 * The secret that signs sessions and cookies: APP_SECRET when given; otherwise generated once and kept where every
 * instance finds it — in DATA_DIR for the embedded database, in the table `app_secrets` for PostgreSQL. Instances
 * starting together insert with ON CONFLICT DO NOTHING and read back, so they agree. An installation that kept its
 * secret in DATA_DIR before (PostgreSQL included) offers that one, so existing sessions stay valid.
 */
export async function resolveSecret(
  config: Pick<Config, "appSecret" | "dataDir">,
  database: Pick<Database, "db" | "kind">,
): Promise<string> {
  if (config.appSecret) return config.appSecret;
  if (database.kind === "pglite") {
    const existing = readSecretFile(config.dataDir);
    if (existing) return existing;
    const secret = randomBytes(32).toString("base64url");
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(secretFile(config.dataDir), secret, { mode: 0o600 });
    return secret;
  }
  const offered = readSecretFile(config.dataDir) ?? randomBytes(32).toString("base64url");
  await database.db.insert(appSecrets).values({ name: SECRET_NAME, value: offered }).onConflictDoNothing({ target: appSecrets.name });
  const [row] = await database.db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, SECRET_NAME));
  if (!row) throw new StartupError("Database: het gegenereerde APP_SECRET kon niet worden bewaard in de tabel app_secrets.");
  return row.value;
}

/**
 * The origin that links handed out in answers and mails start with: PUBLIC_URL when configured, otherwise the address
 * the request came in on (protocol and host as Fastify derives them, honouring TRUST_PROXY), so a visitor from
 * elsewhere never gets a localhost link. A Host header that is not a host name is answered with 400.
 */
export function linkBase(publicUrl: string | undefined, request: { protocol: string; host: string | undefined }): string {
  if (publicUrl) return publicUrl;
  const host = request.host ?? "";
  if (!HOST_HEADER.test(host)) throw new HttpError(400, "Het adres waarop dit verzoek binnenkwam (Host) is ongeldig.", "Host");
  return `${request.protocol === "https" ? "https" : "http"}://${host.toLowerCase()}`;
}
