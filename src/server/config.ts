import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** When set, a PostgreSQL server is used instead of the embedded PGlite database. */
  databaseUrl?: string;
  publicUrl: string;
  logLevel: string;
  contentDir: string;
  /** Built web app; not served when missing (API-only tests). */
  webDir: string;
  /** Checks a single address may start per minute. */
  createChecksPerMinute: number;
  /** Generated once and kept in dataDir when not given. */
  secret: string;
  /** SMTP connection URL (smtp(s)://user:pass@host:port); without it mails are written to DATA_DIR/mail. */
  smtpUrl?: string;
  mailFrom: string;
  /** E-mail addresses of the accounts that may moderate kennisbank submissions. */
  moderatorEmails: string[];
};

/** Reads a secret from the environment, or generates it once and keeps it in dataDir. */
function persistentSecret(dataDir: string, name: string, given?: string): string {
  if (given) return given;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Configuratie: ${name} moet een geheel getal zijn, niet "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = resolve(import.meta.dirname, "../..");
  const port = integer("PORT", env.PORT, 3000);
  const dataDir = resolve(env.DATA_DIR ?? join(root, "data"));
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ""),
    logLevel: env.LOG_LEVEL ?? "info",
    contentDir: resolve(env.CONTENT_DIR ?? join(root, "content")),
    webDir: resolve(env.WEB_DIR ?? join(root, "dist/web")),
    createChecksPerMinute: integer("CREATE_CHECKS_PER_MINUTE", env.CREATE_CHECKS_PER_MINUTE, 120),
    secret: persistentSecret(dataDir, "app", env.APP_SECRET),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? "Verbetertool Jongeren & Arbeid <noreply@localhost>",
    moderatorEmails: (env.MODERATOR_EMAILS ?? "")
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  };
}
