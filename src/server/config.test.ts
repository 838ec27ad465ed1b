import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Config, linkBase, loadConfig, maskPassword, parseConfig } from "./config.ts";
import { StartupError } from "./startup-error.ts";

const ROOT = "/srv/verbetertool";

function valid(env: NodeJS.ProcessEnv): Config {
  const parsed = parseConfig(env, ROOT);
  if (!parsed.ok) throw new Error(`expected a valid configuration, got:\n${parsed.problems.join("\n")}`);
  return parsed.config;
}

function problems(env: NodeJS.ProcessEnv): string[] {
  const parsed = parseConfig(env, ROOT);
  if (parsed.ok) throw new Error(`expected problems for ${JSON.stringify(env)}`);
  return parsed.problems;
}

describe("configuration from the environment", () => {
  it("works with nothing set: the documented defaults", () => {
    expect(valid({})).toEqual({
      port: 3000,
      host: "0.0.0.0",
      dataDir: `${ROOT}/data`,
      databaseUrl: undefined,
      databasePoolSize: undefined,
      databaseStartupTimeoutMs: undefined,
      publicUrl: undefined,
      logLevel: "info",
      contentDir: `${ROOT}/content`,
      webDir: `${ROOT}/dist/web`,
      createChecksPerMinute: 120,
      soloCheckRetentionMonths: 24,
      appSecret: undefined,
      smtpUrl: undefined,
      mailFrom: "Verbetertool Jongeren & Arbeid <noreply@localhost>",
      moderatorEmails: [],
      metricsToken: undefined,
      trustProxy: false,
      nodeEnv: "development",
    });
  });

  it("treats blank values as unset (compose files write VAR=)", () => {
    expect(valid({ PORT: "", DATABASE_URL: " ", PUBLIC_URL: "", TRUST_PROXY: "" })).toMatchObject({ port: 3000, trustProxy: false });
  });

  it("reads good values of every variable", () => {
    const config = valid({
      NODE_ENV: "production",
      PORT: "8080",
      HOST: "::",
      DATA_DIR: "/var/lib/verbetertool",
      DATABASE_URL: "postgresql://app:geheim@db.example.nl:5432/verbetertool?sslmode=require",
      DATABASE_POOL_SIZE: "20",
      DATABASE_STARTUP_TIMEOUT_MS: "30000",
      PUBLIC_URL: "https://Verbetertool.Gemeente.nl/",
      TRUST_PROXY: "10.0.0.0/8, 127.0.0.1,uniquelocal,::1,fd00::/8,192.168.0.0/255.255.0.0",
      LOG_LEVEL: "warn",
      CREATE_CHECKS_PER_MINUTE: "30",
      SOLO_CHECK_RETENTION_MONTHS: "12",
      APP_SECRET: "x".repeat(32),
      METRICS_TOKEN: "m".repeat(16),
      MODERATOR_EMAILS: "Moderator@Gemeente.nl, tweede@example.nl,",
      SMTP_URL: "smtps://user:pass@smtp.example.nl:465",
      MAIL_FROM: "Verbetertool <noreply@gemeente.nl>",
      CONTENT_DIR: "inhoud",
      WEB_DIR: "/srv/web",
    });
    expect(config).toMatchObject({
      nodeEnv: "production",
      port: 8080,
      host: "::",
      dataDir: "/var/lib/verbetertool",
      databaseUrl: "postgresql://app:geheim@db.example.nl:5432/verbetertool?sslmode=require",
      databasePoolSize: 20,
      databaseStartupTimeoutMs: 30_000,
      publicUrl: "https://verbetertool.gemeente.nl",
      trustProxy: ["10.0.0.0/8", "127.0.0.1", "uniquelocal", "::1", "fd00::/8", "192.168.0.0/255.255.0.0"],
      logLevel: "warn",
      createChecksPerMinute: 30,
      soloCheckRetentionMonths: 12,
      appSecret: "x".repeat(32),
      metricsToken: "m".repeat(16),
      moderatorEmails: ["moderator@gemeente.nl", "tweede@example.nl"],
      smtpUrl: "smtps://user:pass@smtp.example.nl:465",
      mailFrom: "Verbetertool <noreply@gemeente.nl>",
      webDir: "/srv/web",
    });
    expect(config.contentDir).toMatch(/\/inhoud$/);
  });

  it("accepts TRUST_PROXY true and false, and a Unix-socket DATABASE_URL with its host in the query", () => {
    expect(valid({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(valid({ TRUST_PROXY: "FALSE" }).trustProxy).toBe(false);
    expect(valid({ DATABASE_URL: "postgres:///verbetertool?host=/var/run/postgresql" }).databaseUrl).toBeDefined();
  });

  it.each([
    ["NODE_ENV", "prod", "NODE_ENV moet production, development, test zijn"],
    ["PORT", "70000", "PORT moet een poortnummer van 1 tot en met 65535 zijn"],
    ["PORT", "3000abc", "PORT moet een poortnummer"],
    ["PORT", "0", "PORT moet een poortnummer"],
    ["HOST", "mijn server", "HOST moet een IP-adres of hostnaam zijn"],
    ["DATABASE_URL", "base", 'DATABASE_URL moet beginnen met postgres:// of postgresql:// (gekregen: "base")'],
    ["DATABASE_URL", "mysql://db/x", "DATABASE_URL moet beginnen met postgres://"],
    ["DATABASE_URL", "postgres://", "DATABASE_URL mist de host"],
    ["DATABASE_URL", "postgres://db.example.nl:99999/x", "DATABASE_URL is geen geldige URL"],
    ["DATABASE_POOL_SIZE", "0", "DATABASE_POOL_SIZE moet een geheel getal van 1 tot en met 1000 zijn"],
    ["DATABASE_STARTUP_TIMEOUT_MS", "1m", "DATABASE_STARTUP_TIMEOUT_MS moet een geheel aantal milliseconden"],
    ["PUBLIC_URL", "verbetertool.gemeente.nl", "PUBLIC_URL moet een volledig adres met http:// of https:// zijn"],
    ["PUBLIC_URL", "ftp://gemeente.nl", "PUBLIC_URL moet beginnen met http:// of https://"],
    ["PUBLIC_URL", "https://gemeente.nl/verbetertool", "PUBLIC_URL mag geen pad, ? of # bevatten"],
    ["PUBLIC_URL", "https://gemeente.nl/?a=1", "PUBLIC_URL mag geen pad, ? of # bevatten"],
    ["PUBLIC_URL", "https://gemeente.nl#x", "PUBLIC_URL mag geen pad, ? of # bevatten"],
    ["PUBLIC_URL", "https://u:p@gemeente.nl", "PUBLIC_URL mag geen gebruikersnaam of wachtwoord bevatten"],
    ["TRUST_PROXY", "ja", 'TRUST_PROXY moet true, false of een lijst IP-adressen/CIDR-bereiken van de proxy\'s zijn (gekregen: "ja")'],
    ["TRUST_PROXY", "10.0.0.0/33", "TRUST_PROXY moet true, false of een lijst"],
    ["TRUST_PROXY", "10.0.0.1,proxy.local", "TRUST_PROXY moet true, false of een lijst"],
    ["TRUST_PROXY", "2", "TRUST_PROXY kan geen aantal proxy's zijn"],
    ["LOG_LEVEL", "verbose", "LOG_LEVEL moet een van fatal, error, warn, info, debug, trace, silent zijn"],
    ["CREATE_CHECKS_PER_MINUTE", "-5", "CREATE_CHECKS_PER_MINUTE moet een geheel getal van minstens 1 zijn"],
    ["CREATE_CHECKS_PER_MINUTE", "1.5", "CREATE_CHECKS_PER_MINUTE moet een geheel getal"],
    ["APP_SECRET", "te-kort", "APP_SECRET moet minstens 32 tekens lang zijn (gekregen: 7 tekens)"],
    ["METRICS_TOKEN", "kort", "METRICS_TOKEN moet minstens 16 tekens lang zijn"],
    ["METRICS_TOKEN", "met spatie erin 1234", "METRICS_TOKEN mag geen spaties"],
    [
      "MODERATOR_EMAILS",
      "a@example.nl,geen-adres",
      'MODERATOR_EMAILS moet een lijst e-mailadressen met komma\'s ertussen zijn; ongeldig: "geen-adres"',
    ],
    ["SMTP_URL", "mail.example.nl", 'SMTP_URL moet beginnen met smtp:// of smtps:// (gekregen: "mail.example.nl")'],
    ["SMTP_URL", "smtp://", "SMTP_URL mist de host"],
    ["MAIL_FROM", "Verbetertool", "MAIL_FROM moet een e-mailadres zijn"],
  ])("%s=%s: one line naming the variable", (name, value, expected) => {
    const lines = problems({ [name]: value });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Configuratiefout: ${expected}`);
    expect(lines[0]).not.toContain("\n");
  });

  it("lists every problem, one line each, in the order of the variables", () => {
    const lines = problems({ SMTP_URL: "x", PORT: "x", LOG_LEVEL: "x", DATABASE_URL: "x" });
    expect(lines.map((l) => l.split(" ")[1])).toEqual(["PORT", "DATABASE_URL", "LOG_LEVEL", "SMTP_URL"]);
  });

  it("requires PUBLIC_URL in production only", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([
      "Configuratiefout: PUBLIC_URL is verplicht als NODE_ENV=production: het adres waarop gebruikers de app bereiken; bijv. https://verbetertool.gemeente.nl",
    ]);
    expect(valid({ NODE_ENV: "production", PUBLIC_URL: "https://verbetertool.gemeente.nl" }).publicUrl).toBe(
      "https://verbetertool.gemeente.nl",
    );
    expect(valid({ NODE_ENV: "development" }).publicUrl).toBeUndefined();
  });

  it("never repeats a secret or a password inside a URL", () => {
    const lines = problems({
      APP_SECRET: "geheim-maar-kort",
      METRICS_TOKEN: "geheim token",
      DATABASE_URL: "postgres://app:Geheim1@/verbetertool",
      SMTP_URL: "smtp://user:Geheim2@",
      PUBLIC_URL: "https://user:Geheim3@gemeente.nl/pad",
    });
    expect(lines).toHaveLength(5);
    for (const secret of ["geheim-maar-kort", "geheim token", "Geheim1", "Geheim2", "Geheim3"])
      expect(lines.join("\n")).not.toContain(secret);
    expect(lines.join("\n")).toContain('"postgres://app:***@/verbetertool"');
  });

  it("shows a value with line breaks on one line", () => {
    const [line] = problems({ LOG_LEVEL: "info\nextra" });
    expect(line).toContain('(gekregen: "info\\nextra")');
  });
});

describe("maskPassword", () => {
  it.each([
    ["postgres://user:pass@host/db", "postgres://user:***@host/db"],
    ["postgres://user:p@ss@host/db", "postgres://user:***@host/db"],
    ["user:pass@host", "user:***@host"],
    ["postgres://user@host/db", "postgres://user@host/db"],
    ["postgres://host:5432/db", "postgres://host:5432/db"],
    ["base", "base"],
    ["postgres://host/db?sslmode=require&password=geheim", "postgres://host/db?sslmode=require&password=***"],
  ])("%s → %s", (value, masked) => {
    expect(maskPassword(value)).toBe(masked);
  });
});

describe("loadConfig", () => {
  const temp = mkdtempSync(join(tmpdir(), "verbetertool-config-"));
  const file = join(temp, "een-bestand");
  writeFileSync(file, "");

  it("throws one StartupError listing every problem", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "x", LOG_LEVEL: "y" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message.split("\n")).toEqual([
      'Configuratiefout: PORT moet een poortnummer van 1 tot en met 65535 zijn (gekregen: "x")',
      'Configuratiefout: LOG_LEVEL moet een van fatal, error, warn, info, debug, trace, silent zijn (gekregen: "y")',
    ]);
  });

  it("checks the directories once the values are valid, without creating anything", () => {
    expect(() => loadConfig({ DATA_DIR: file })).toThrow(/^Configuratiefout: DATA_DIR moet een map zijn, maar is een bestand/);
    expect(() => loadConfig({ CONTENT_DIR: join(temp, "nergens") })).toThrow(/^Configuratiefout: CONTENT_DIR bestaat niet/);
    expect(() => loadConfig({ CONTENT_DIR: temp })).toThrow(/^Configuratiefout: CONTENT_DIR is geen inhoudsmap/);
    expect(() => loadConfig({ WEB_DIR: temp })).toThrow(/^Configuratiefout: WEB_DIR bevat geen index.html/);
    const dataDir = join(temp, "nog-niet-gemaakt");
    expect(loadConfig({ DATA_DIR: dataDir }).dataDir).toBe(dataDir);
    expect(() => loadConfig({ DATA_DIR: join(dataDir, "sub") })).not.toThrow();
  });
});

describe("linkBase", () => {
  it("uses PUBLIC_URL when configured, whatever the request says", () => {
    expect(linkBase("https://verbetertool.gemeente.nl", { protocol: "http", host: "evil.example" })).toBe(
      "https://verbetertool.gemeente.nl",
    );
  });

  it("otherwise takes protocol and host from the request", () => {
    expect(linkBase(undefined, { protocol: "http", host: "Gemeente.Example:8080" })).toBe("http://gemeente.example:8080");
    expect(linkBase(undefined, { protocol: "https", host: "[::1]:3000" })).toBe("https://[::1]:3000");
    expect(linkBase(undefined, { protocol: "http", host: "10.0.0.5" })).toBe("http://10.0.0.5");
  });

  it("refuses a Host header that is not a host", () => {
    for (const host of ["evil.example/pad", "a b", "", undefined, "x@evil.example"])
      expect(() => linkBase(undefined, { protocol: "http", host })).toThrow(/Host/);
  });
});

describe("sign-in with the organisation's account (OIDC_*)", () => {
  const oidc = {
    OIDC_ISSUER: "https://login.gemeente.nl/realms/medewerkers/",
    OIDC_CLIENT_ID: "verbetertool",
    OIDC_CLIENT_SECRET: "heel-geheim-client-secret",
    OIDC_NAME: " Gemeente Voorbeeld ",
  };

  it("is off without the variables, on with all of them (not trusted for e-mail unless said)", () => {
    expect(valid({}).oidc).toBeUndefined();
    expect(valid(oidc).oidc).toEqual({
      issuer: "https://login.gemeente.nl/realms/medewerkers",
      clientId: "verbetertool",
      clientSecret: "heel-geheim-client-secret",
      name: "Gemeente Voorbeeld",
      trustedForEmail: false,
    });
    expect(valid({ ...oidc, OIDC_TRUSTED_FOR_EMAIL: "TRUE" }).oidc?.trustedForEmail).toBe(true);
  });

  it("names every missing variable when only some are set, one line each", () => {
    expect(problems({ OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_NAME: "Gemeente" })).toEqual([
      "Configuratiefout: OIDC_CLIENT_ID ontbreekt: inloggen met het account van de organisatie heeft OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME allemaal nodig (of geen ervan)",
      "Configuratiefout: OIDC_CLIENT_SECRET ontbreekt: inloggen met het account van de organisatie heeft OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME allemaal nodig (of geen ervan)",
    ]);
    expect(problems({ OIDC_TRUSTED_FOR_EMAIL: "true" })).toHaveLength(4);
  });

  it.each([
    ["OIDC_ISSUER", "login.gemeente.nl", "OIDC_ISSUER moet een volledig adres met https:// zijn"],
    ["OIDC_ISSUER", "ftp://login.gemeente.nl", "OIDC_ISSUER moet beginnen met https://"],
    ["OIDC_ISSUER", "https://login.gemeente.nl/?x=1", "OIDC_ISSUER moet de issuer-URL zijn"],
    ["OIDC_NAME", "x".repeat(61), "OIDC_NAME mag hoogstens 60 tekens lang zijn"],
    ["OIDC_TRUSTED_FOR_EMAIL", "ja", 'OIDC_TRUSTED_FOR_EMAIL moet true of false zijn (gekregen: "ja")'],
  ])("%s=%s: one line naming the variable", (name, value, expected) => {
    const lines = problems({ ...oidc, [name]: value });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Configuratiefout: ${expected}`);
  });

  it("needs https in production and never repeats the client secret", () => {
    expect(
      problems({ ...oidc, NODE_ENV: "production", PUBLIC_URL: "https://verbetertool.gemeente.nl", OIDC_ISSUER: "http://login.intern" }),
    ).toEqual(['Configuratiefout: OIDC_ISSUER moet met https:// beginnen als NODE_ENV=production (gekregen: "http://login.intern")']);
    const lines = problems({ ...oidc, OIDC_ISSUER: "", OIDC_CLIENT_SECRET: "zeer-geheim-1234" });
    expect(lines.join("\n")).not.toContain("zeer-geheim-1234");
  });
});
