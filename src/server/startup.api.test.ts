import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONFIG_VARIABLES } from "./config.ts";
import { serverCommand } from "./test/processes.ts";

// The real server process, started the way an operator starts it, with one bad value at a time: it must stop with
// exit code 1 and one line per problem on stderr that names the variable, no stack trace. Validation runs before the
// database and the content are touched, so each of these ends within a second or two.

const root = resolve(import.meta.dirname, "../..");
const temp = mkdtempSync(join(tmpdir(), "verbetertool-startup-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const aFile = join(temp, "een-bestand");
writeFileSync(aFile, "");
const emptyDir = join(temp, "leeg");
mkdirSync(emptyDir);

type Result = { code: number | null; stdout: string; stderr: string };

/** Runs `args` with node in a clean environment (nothing inherited but PATH and HOME) plus `env`. */
function run(args: string[], env: Record<string, string>): Promise<Result> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? temp, DATA_DIR: join(temp, "data"), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.once("error", reject);
    // "close", not "exit": only then has everything the process wrote on stdout and stderr arrived.
    child.once("close", (code) => resolveRun({ code, stdout, stderr }));
  });
}

const startServer = (env: Record<string, string>) => run(serverCommand(), env);

const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");

/** Sign-in with the organisation's account, configured well (no provider is reached: validation comes first). */
const GOOD_OIDC = {
  OIDC_ISSUER: "https://login.gemeente.nl",
  OIDC_CLIENT_ID: "verbetertool",
  OIDC_CLIENT_SECRET: "geheim-van-de-client",
  OIDC_NAME: "Gemeente Voorbeeld",
};

/** One bad value for every variable the app reads, and what its line must say. */
const BAD_VALUES: [variable: (typeof CONFIG_VARIABLES)[number], value: string, says: string][] = [
  ["NODE_ENV", "prod", "moet production, development, test zijn"],
  ["PORT", "70000", "moet een poortnummer van 1 tot en met 65535 zijn"],
  ["HOST", "mijn server", "moet een IP-adres of hostnaam zijn"],
  ["DATA_DIR", aFile, "moet een map zijn, maar is een bestand"],
  ["DATABASE_URL", "base", 'moet beginnen met postgres:// of postgresql:// (gekregen: "base")'],
  ["DATABASE_POOL_SIZE", "veel", "moet een geheel getal van 1 tot en met 1000 zijn"],
  ["DATABASE_STARTUP_TIMEOUT_MS", "-1", "moet een geheel aantal milliseconden"],
  ["PUBLIC_URL", "verbetertool.gemeente.nl", "moet een volledig adres met http:// of https:// zijn"],
  ["TRUST_PROXY", "ja", "moet true, false of een lijst IP-adressen/CIDR-bereiken"],
  ["LOG_LEVEL", "verbose", "moet een van fatal, error, warn, info, debug, trace, silent zijn"],
  ["CREATE_CHECKS_PER_MINUTE", "veel", "moet een geheel getal van minstens 1 zijn"],
  ["SOLO_CHECK_RETENTION_MONTHS", "0", "moet een geheel aantal maanden van 1 tot en met 1200 zijn"],
  ["APP_SECRET", "te-kort-geheim", "moet minstens 32 tekens lang zijn (gekregen: 14 tekens)"],
  ["METRICS_TOKEN", "kort", "moet minstens 16 tekens lang zijn"],
  [
    "MODERATOR_EMAILS",
    "moderator@gemeente.nl,geen-adres",
    'moet een lijst e-mailadressen met komma\'s ertussen zijn; ongeldig: "geen-adres"',
  ],
  ["SMTP_URL", "mail.example.nl", "moet beginnen met smtp:// of smtps://"],
  ["MAIL_FROM", "Verbetertool", "moet een e-mailadres zijn"],
  ["OIDC_ISSUER", "login.gemeente.nl", "moet een volledig adres met https:// zijn"],
  ["OIDC_CLIENT_ID", " ", "ontbreekt: inloggen met het account van de organisatie heeft"],
  ["OIDC_CLIENT_SECRET", " ", "ontbreekt: inloggen met het account van de organisatie heeft"],
  ["OIDC_NAME", "x".repeat(61), "mag hoogstens 60 tekens lang zijn"],
  ["OIDC_TRUSTED_FOR_EMAIL", "ja", "moet true of false zijn"],
  ["CONTENT_DIR", join(temp, "bestaat-niet"), "bestaat niet"],
  ["WEB_DIR", emptyDir, "bevat geen index.html"],
];

describe("start-up with a bad configuration", () => {
  it("has a bad value for every variable the app reads", () => {
    expect(BAD_VALUES.map(([variable]) => variable).sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it.concurrent.each(BAD_VALUES)("%s=%s stops with its one line and exit code 1", async (variable, value, says) => {
    // The OIDC_ variables go together: the others are set to good values, so only the bad one is reported.
    const result = await startServer({ ...(variable.startsWith("OIDC_") ? GOOD_OIDC : {}), [variable]: value });
    expect(result.code, result.stderr).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringContaining(`Configuratiefout: ${variable} ${says}`)]);
    expect(result.stderr).not.toContain("    at ");
    expect(result.stdout).toBe("");
    if (variable === "APP_SECRET") expect(result.stderr).not.toContain(value);
  });

  it.concurrent("lists every problem on a line of its own, masks passwords and creates no data directory", async () => {
    const dataDir = join(temp, "niet-aanmaken");
    const result = await startServer({
      DATA_DIR: dataDir,
      PORT: "nul",
      DATABASE_URL: "postgres://verbetertool:WachtwoordX@/verbetertool",
      SMTP_URL: "smtp.example.nl",
    });
    expect(result.code).toBe(1);
    expect(lines(result.stderr).map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual([
      "Configuratiefout: PORT",
      "Configuratiefout: DATABASE_URL",
      "Configuratiefout: SMTP_URL",
    ]);
    expect(result.stderr).not.toContain("WachtwoordX");
    expect(existsSync(dataDir)).toBe(false);
  });

  it.concurrent("refuses to start in production without PUBLIC_URL", async () => {
    const result = await startServer({ NODE_ENV: "production" });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^Configuratiefout: PUBLIC_URL is verplicht als NODE_ENV=production/)]);
  });

  it.concurrent("the account script validates the same way", async () => {
    const script = existsSync(join(root, "scripts/create-account.ts")) ? ["--import", "tsx", "scripts/create-account.ts"] : [];
    const result = await run([...script, "moderator@gemeente.nl", "een-lang-wachtwoord"], { DATABASE_URL: "base", LOG_LEVEL: "luid" });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      'Configuratiefout: DATABASE_URL moet beginnen met postgres:// of postgresql:// (gekregen: "base"); bijv. postgres://gebruiker:wachtwoord@db.example.nl:5432/verbetertool',
      'Configuratiefout: LOG_LEVEL moet een van fatal, error, warn, info, debug, trace, silent zijn (gekregen: "luid")',
    ]);
  });
});

describe("start-up problems after the configuration", () => {
  it.concurrent("a port in use is one line, exit code 1", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const result = await startServer({ HOST: "127.0.0.1", PORT: String(port), DATA_DIR: join(temp, "poort"), LOG_LEVEL: "error" });
      expect(result.code, result.stderr).toBe(1);
      expect(lines(result.stderr)).toEqual([
        `Start mislukt: poort 127.0.0.1:${port} is al in gebruik (kies een andere PORT of stop het andere proces)`,
      ]);
    } finally {
      blocker.close();
    }
  });

  it.concurrent("an error that is not the operator's to fix keeps its stack trace", async () => {
    // Content that does not validate is a bug in the release, not a setting: the stack helps whoever fixes it.
    const content = join(temp, "kapotte-inhoud");
    mkdirSync(join(content, "tools/kapot"), { recursive: true });
    writeFileSync(join(content, "tools/kapot/tool.yaml"), "id: [niet afgesloten\n");
    const result = await startServer({ CONTENT_DIR: content, DATA_DIR: join(temp, "stack"), LOG_LEVEL: "error" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("    at ");
  });
});
