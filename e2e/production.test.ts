import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { SERVER_ENV, SERVER_ENV_WORDS } from "../src/server/server-env.ts";
import { createCheck, httpApi, saveAnswers, TOOL_ID } from "../src/server/test/factories.ts";
import { freePort } from "../src/server/test/processes.ts";

/**
 * The production layout, as the Dockerfile's final stage makes it: in an empty directory package.json and
 * package-lock.json, a clean `npm ci --omit=dev --omit=optional`, the build output dist/ (`npm run build`, which
 * `npm test` runs first) and content/; then `node dist/server/main.js` as an operator starts it, smoke-tested on the
 * embedded database and on an empty PostgreSQL database (DATABASE_URL; required under CI=true). The Dockerfile cannot
 * be built on these machines (no base images), so the first test holds it to this same layout.
 */

const root = resolve(import.meta.dirname, "..");

/** The production install, word for word as the Dockerfile runs it. */
const PRODUCTION_INSTALL = "npm ci --omit=dev --omit=optional --no-audit --no-fund";
/** What the image holds besides node_modules (Dockerfile: COPY … ./, COPY --from=build /app/dist, COPY content). */
const LAYOUT = ["package.json", "package-lock.json", "dist", "content"];
/** Packages only the build and the tests use; none may reach production. */
const BUILD_ONLY = ["tsx", "vite", "typescript", "vitest", "esbuild", "drizzle-kit", "@biomejs", "react", "playwright-core"];

const postgresUrl = process.env.DATABASE_URL || null;
if (!postgresUrl && process.env.CI === "true")
  throw new Error("CI=true but DATABASE_URL is not set: the PostgreSQL smoke test cannot run.");

/** Runs a command to its end; rejects with its output when it fails. */
function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolveRun(output) : reject(new Error(`${command} ${args.join(" ")} ended with ${code}:\n${output}`)),
    );
  });
}

/** The environment of this process without what npm puts in it for `npm test` (npm_config_*, npm_lifecycle_*, …). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/** The Dockerfile's instructions per stage (continuation lines joined, comments dropped). */
function dockerfileStages(): { name: string; instructions: [string, string][] }[] {
  const text = readFileSync(join(root, "Dockerfile"), "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n")
    .replace(/\\\n/g, " ");
  const stages: { name: string; instructions: [string, string][] }[] = [];
  for (const line of text.split("\n")) {
    const match = /^\s*([A-Z]+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [, keyword = "", rest = ""] = match;
    const value = rest.replace(/\s+/g, " ").trim();
    if (keyword === "FROM") stages.push({ name: value.split(" AS ")[1] ?? "", instructions: [] });
    stages.at(-1)?.instructions.push([keyword, value]);
  }
  return stages;
}

describe("the Dockerfile and compose.yaml", () => {
  test("the image's final stage is the layout this file tests: same install, same files, same command", () => {
    const stages = dockerfileStages();
    expect(stages.map((s) => s.name)).toEqual(["build", "production"]);
    const final = stages[1]?.instructions ?? [];
    const all = (keyword: string) => final.filter(([k]) => k === keyword).map(([, v]) => v);

    expect(all("RUN").some((r) => r.startsWith(`${PRODUCTION_INSTALL} `) || r === PRODUCTION_INSTALL)).toBe(true);
    expect(all("COPY")).toEqual(["package.json package-lock.json ./", "--from=build /app/dist ./dist", "content ./content"]);
    // What those copies put in /app is what the smoke test below puts in its directory.
    const copied = all("COPY").flatMap((c) => {
      const words = c.split(" ").filter((w) => !w.startsWith("--"));
      const target = words.at(-1) ?? "";
      return target === "./" ? words.slice(0, -1) : [target.replace(/^\.\//, "")];
    });
    expect(copied).toEqual(LAYOUT);
    expect(all("CMD")).toEqual(['["node", "dist/server/main.js"]']);
    // The server's environment (src/server/server-env.ts) in the image, in npm start and in the Lighthouse run (bench
    // and tests import it).
    const env = all("ENV").join(" ").split(" ");
    for (const word of SERVER_ENV_WORDS) expect(env).toContain(word);
    const start = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.start as string;
    expect(start).toContain(`exec env ${SERVER_ENV_WORDS.join(" ")} node dist/server/main.js`);
    const lighthouse = readFileSync(join(root, "scripts/lighthouse.mjs"), "utf8");
    expect(lighthouse).toContain('spawn(process.execPath, [join(root, "dist/server/main.js")]');
    for (const [name, value] of Object.entries(SERVER_ENV)) expect(lighthouse).toContain(`${name}: ${JSON.stringify(value)},`);
    expect(all("USER")).toEqual(["node"]);
    expect(all("EXPOSE")).toEqual(["3000"]);
    expect(all("ENV").join(" ")).toContain("NODE_ENV=production");
    // The build stage builds with `npm run build`, like npm test does before this file.
    expect(stages[0]?.instructions.filter(([k]) => k === "RUN").map(([, v]) => v)).toContain("npm run build");

    // Node and npm as on the machines that run this test (same major versions).
    const args = Object.fromEntries(
      Array.from(readFileSync(join(root, "Dockerfile"), "utf8").matchAll(/^ARG (\w+)=(\S+)$/gm), (m) => [m[1], m[2]]),
    );
    expect(args.NODE_VERSION?.split(".")[0]).toBe(process.versions.node.split(".")[0]);
    const npmMajor = execFileSync("npm", ["--version"], { encoding: "utf8", env: cleanEnv() }).trim().split(".")[0];
    expect(args.NPM_VERSION?.split(".")[0]).toBe(npmMajor);
  });

  test("compose.yaml runs the image on PostgreSQL 16 with a volume, secrets from an env file and PUBLIC_URL", () => {
    const compose = parse(readFileSync(join(root, "compose.yaml"), "utf8"));
    const { app, postgres } = compose.services;
    expect(app.build).toBe(".");
    expect(postgres.image).toBe("postgres:16");
    expect(postgres.volumes).toContain("postgres-data:/var/lib/postgresql/data");
    expect(Object.keys(compose.volumes)).toContain("postgres-data");
    expect(app.depends_on.postgres.condition).toBe("service_healthy");
    expect(app.env_file).toEqual([{ path: ".env", required: true }]);
    expect(app.environment.DATABASE_URL).toMatch(/^postgres:\/\/verbetertool:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/verbetertool$/);
    expect(app.environment.PUBLIC_URL).toBeDefined();
    expect(app.ports).toEqual([`\${APP_PORT:-3000}:3000`]); // compose's own interpolation, not JavaScript's
  });
});

describe("the production layout (npm ci --omit=dev, dist/, content/)", () => {
  let dir = "";
  const env = cleanEnv();

  beforeAll(async () => {
    for (const built of ["dist/server/main.js", "dist/server/render/worker.js", "dist/scripts/create-account.js", "dist/web/index.html"]) {
      if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` (npm test does this) first.`);
    }
    dir = mkdtempSync(join(tmpdir(), "verbetertool-production-"));
    // In the Dockerfile's order: the package files, the install, then the build output and the content.
    const [packageFiles, rest] = [LAYOUT.filter((f) => f.startsWith("package")), LAYOUT.filter((f) => !f.startsWith("package"))];
    for (const file of packageFiles) cpSync(join(root, file), join(dir, file));
    const [command = "npm", ...args] = PRODUCTION_INSTALL.split(" ");
    await run(command, args, { cwd: dir, env });
    for (const path of rest) cpSync(join(root, path), join(dir, path), { recursive: true });
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("node_modules holds the production dependencies and none of the build tools", () => {
    for (const name of ["fastify", "pg", "@electric-sql/pglite", "pdfmake", "piscina"]) {
      expect(existsSync(join(dir, "node_modules", name)), name).toBe(true);
    }
    expect(BUILD_ONLY.filter((name) => existsSync(join(dir, "node_modules", name)))).toEqual([]);
  });

  test("every package a compiled module imports is installed (also on paths the smoke test does not take)", () => {
    const modules = readdirSync(join(dir, "dist"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".js") && !f.startsWith("web"));
    expect(modules).toContain(join("server", "main.js"));
    const missing = new Set<string>();
    for (const file of modules) {
      const code = readFileSync(join(dir, "dist", file), "utf8");
      for (const [, specifier = ""] of code.matchAll(/(?:\bfrom |\bimport\(|\brequire\()"([^".][^"]*)"/g)) {
        if (specifier.startsWith("node:") || builtinModules.includes(specifier)) continue;
        const parts = specifier.split("/");
        const name = (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
        if (!existsSync(join(dir, "node_modules", name))) missing.add(`${name} (${file})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  const targets = [{ name: "pglite" as const }, ...(postgresUrl ? [{ name: "postgres" as const }] : [])];
  describe.each(targets)("on $name", ({ name }) => {
    let server: ChildProcess | undefined;
    let output = "";
    let url = "";
    let serverEnv: NodeJS.ProcessEnv = {};
    let dropDatabase: (() => Promise<void>) | undefined;
    const email = `beheer-${randomBytes(4).toString("hex")}@example.nl`;
    const password = "een-lang-wachtwoord-voor-productie";

    beforeAll(async () => {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      serverEnv = {
        ...SERVER_ENV,
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        PUBLIC_URL: url,
        DATA_DIR: join(dir, `data-${name}`),
        LOG_LEVEL: "warn",
      };
      if (name === "postgres" && postgresUrl) {
        // An empty database of its own: the build output migrates it from scratch.
        const database = `verbetertool_production_${randomBytes(6).toString("hex")}`;
        const admin = async (sql: string) => {
          const client = new pg.Client({ connectionString: postgresUrl });
          await client.connect();
          try {
            await client.query(sql);
          } finally {
            await client.end();
          }
        };
        await admin(`CREATE DATABASE ${database}`);
        dropDatabase = () => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        const target = new URL(postgresUrl);
        target.pathname = `/${database}`;
        serverEnv.DATABASE_URL = target.toString();
      }

      // A compiled command-line script first (with the embedded database it may not run beside the server).
      const created = await run(process.execPath, ["dist/scripts/create-account.js", email, password, "Beheer"], {
        cwd: dir,
        env: serverEnv,
      });
      expect(created).toContain(`Account ${email} aangemaakt.`);

      server = spawn(process.execPath, ["dist/server/main.js"], { cwd: dir, env: serverEnv, stdio: ["ignore", "pipe", "pipe"] });
      server.stdout?.on("data", (d) => {
        output += d;
      });
      server.stderr?.on("data", (d) => {
        output += d;
      });
      const started = Date.now();
      for (;;) {
        if (server.exitCode !== null) throw new Error(`the server ended with ${server.exitCode}:\n${output}`);
        const status = await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(5_000) }).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) break;
        if (Date.now() - started > 120_000) throw new Error(`the server was not ready within 120 s:\n${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }, 300_000);

    afterAll(async () => {
      if (server && server.exitCode === null) {
        server.kill("SIGKILL");
        await new Promise((r) => server?.once("exit", r));
      }
      await dropDatabase?.();
    }, 60_000);

    test("serves the web app with its assets", async () => {
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain('<html lang="nl"');
      const script = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];
      expect(script).toMatch(/^\/assets\/.+\.js$/);
      const asset = await fetch(new URL(script ?? "", url));
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toMatch(/javascript/);
    });

    test("answers the API: the tool, a new check, saved answers and the PDF report", async () => {
      const api = httpApi(url);
      const tool = await api("GET", `/api/tools/${TOOL_ID}`);
      expect(tool.statusCode).toBe(200);
      expect(tool.json().themes).toHaveLength(7);

      const id = await createCheck(api);
      await saveAnswers(api, id, { "1.1": 7, "1.2": "nvt" });
      const check = await api("GET", `/api/checks/${id}`);
      expect(check.json().answers).toEqual({ "1.1": 7, "1.2": "nvt" });

      const pdf = await api("GET", `/api/checks/${id}/report.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    });

    test("the account the compiled script made can sign in", async () => {
      const res = await httpApi(url)("POST", "/api/auth/sign-in/email", { payload: { email, password }, headers: { origin: url } });
      expect(res.statusCode, res.body).toBe(200);
    });

    test("stops cleanly on SIGTERM", async () => {
      const child = server;
      if (!child) throw new Error("no server");
      const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace anywhere in its log
    });
  });
});
