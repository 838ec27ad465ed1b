// npm run build: the production build in dist/, which runs with `npm ci --omit=dev --omit=optional` and plain `node`.
//   dist/web/       the web app (vite build)
//   dist/server/, dist/db/, dist/domain/   every server-side module of src/ (not src/web, not tests), one .js file
//                   per .ts file in the same place, so paths computed from import.meta.url stay right and a worker
//                   thread's file sits next to its caller; dist/db/migrations/ is a copy of the SQL migrations
//   dist/scripts/   the command-line scripts (scripts/*.ts), e.g. `node dist/scripts/create-account.js`
//
// `node scripts/build.mjs --if-changed` (npm start) rebuilds only the parts whose inputs changed since the last build:
// each part's inputs are hashed by content into dist/.build-stamp.json. When nothing changed, the build tools are not
// even loaded, so a checkout installed with `npm ci --omit=dev --omit=optional` starts from an up-to-date dist/.
// (The production layout itself — package.json, node_modules, dist/, content/ — has no sources and no scripts/: there
// the server is started with `node dist/server/main.js`.)
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const root = resolve(import.meta.dirname, "..");
const dist = join(root, "dist");
const stampFile = join(dist, ".build-stamp.json");
const ifChanged = process.argv.includes("--if-changed");

/** Files under `dir` (relative to the root, "/"-separated, sorted) that `keep` accepts. */
function files(dir, keep = () => true) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true })
    .map((f) => `${dir}/${String(f).split(sep).join("/")}`)
    .filter((f) => statSync(join(root, f)).isFile() && keep(f))
    .sort();
}

const isTest = (f) => f.endsWith(".test.ts") || f.startsWith("src/server/test/");
const serverSources = () => [
  ...readdirSync(join(root, "src"))
    .filter((d) => d !== "web" && statSync(join(root, "src", d)).isDirectory())
    .flatMap((d) => files(`src/${d}`, (f) => f.endsWith(".ts") && !isTest(f))),
  ...files("scripts", (f) => f.endsWith(".ts") && !f.slice("scripts/".length).includes("/")),
];
const migrations = () => files("src/db/migrations");

/**
 * The parts of the build. `inputs` are every file the part's output depends on (its sources, the lock file for the
 * dependency versions, the build configuration); a change in any of them rebuilds the part.
 */
const parts = {
  web: {
    inputs: () => [
      ...files("src", (f) => !f.startsWith("src/server/") && !f.startsWith("src/db/") && !isTest(f)),
      "vite.config.ts",
      "tsconfig.json",
      "package-lock.json",
      "scripts/build.mjs",
    ],
    output: join(dist, "web/index.html"),
    build: buildWeb,
  },
  server: {
    inputs: () => [...serverSources(), ...migrations(), "tsconfig.json", "package-lock.json", "scripts/build.mjs"],
    output: join(dist, "server/main.js"),
    build: buildServer,
  },
};

function hashOf(inputs) {
  const hash = createHash("sha256");
  for (const f of inputs) {
    const path = join(root, f);
    hash.update(f).update("\0");
    if (existsSync(path)) hash.update(readFileSync(path));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, "utf8"));
  } catch {
    return {};
  }
}

async function buildWeb() {
  const { build } = await import("vite");
  await build({ configFile: join(root, "vite.config.ts"), logLevel: "warn" });
}

/** Where the build puts the compiled form of a source file: src/x/y.ts → dist/x/y.js, scripts/z.ts → dist/scripts/z.js. */
function outputOf(source) {
  const rel = relative(root, source).split(sep).join("/");
  const inDist = rel.startsWith("src/") ? rel.slice("src/".length) : rel;
  return join(dist, inDist.replace(/\.ts$/, ".js"));
}

async function buildServer() {
  const esbuild = await import("esbuild");
  const entryPoints = serverSources().map((f) => join(root, f));
  const compiled = new Set(entryPoints);
  // Start from empty output directories, so a deleted source leaves no stale module behind.
  for (const dir of new Set(entryPoints.map((f) => relative(dist, outputOf(f)).split(sep)[0]))) {
    rmSync(join(dist, dir), { recursive: true, force: true });
  }

  // Each source file is compiled on its own (types stripped, nothing bundled): a relative import is rewritten to the
  // compiled file it will load (`../db/client.ts` → `../db/client.js`, from scripts `../src/db/client.ts` →
  // `../db/client.js`); packages stay imports of node_modules.
  const relativeImports = {
    name: "relative-imports",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === "entry-point") return undefined;
        const target = resolve(args.resolveDir, args.path);
        if (!compiled.has(target)) {
          return {
            errors: [
              { text: `${relative(root, target)} is imported by ${relative(root, args.importer)} but is not part of the server build` },
            ],
          };
        }
        let specifier = relative(dirname(outputOf(args.importer)), outputOf(target))
          .split(sep)
          .join("/");
        if (!specifier.startsWith(".")) specifier = `./${specifier}`;
        return { path: specifier, external: true };
      });
    },
  };

  const result = await esbuild.build({
    entryPoints: entryPoints.map((input) => ({ in: input, out: relative(dist, outputOf(input)).replace(/\.js$/, "") })),
    outdir: dist,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    plugins: [relativeImports],
  });
  if (result.errors.length > 0) throw new Error("server build failed");

  // The migrator reads the SQL files next to the compiled database client (src/db/client.ts: `./migrations`).
  cpSync(join(root, "src/db/migrations"), join(dist, "db/migrations"), { recursive: true });
}

mkdirSync(dist, { recursive: true });
const stamp = readStamp();
const built = [];
for (const [name, part] of Object.entries(parts)) {
  const hash = hashOf(part.inputs());
  if (ifChanged && stamp[name] === hash && existsSync(part.output)) continue;
  const started = Date.now();
  try {
    // The stamp of a part being rebuilt goes first: a build that fails halfway must not look up to date.
    delete stamp[name];
    writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
    await part.build();
  } catch (error) {
    if (error?.code === "ERR_MODULE_NOT_FOUND") {
      console.error(
        `Build: dist/ is out of date and the build tools are missing (${error.message.split("\n")[0]}); run npm ci, then npm run build`,
      );
    } else {
      console.error(`Build: ${name} failed: ${error?.message ?? error}`);
    }
    process.exit(1);
  }
  stamp[name] = hash;
  writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  built.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(built.length > 0 ? `Build: ${built.join(", ")} → dist/` : "Build: dist/ is up to date");
