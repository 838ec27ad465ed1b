import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The import rule of the web app: a feature folder (every folder of src/web but the kit `app/`, the API layer `api/` and
 * `public/`) imports only itself, the kit, the API layer and `src/domain`; the kit imports no feature. Only the router
 * (`app/router.tsx`, the composition root) imports the features' `routes.tsx`.
 */
const web = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = new Set(["app", "api", "public"]);
const COMPOSITION_ROOT = join(web, "app", "router.tsx");

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

/** Every relative specifier of `import … from`, `import "…"`, `export … from` and `import(…)`. */
function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)) found.push(match[1] as string);
  return found;
}

/** The top folder of src/web a path lies in ("" for files at the top or outside src/web). */
function area(path: string): string {
  const inside = relative(web, path);
  if (inside.startsWith("..")) return "";
  const parts = inside.split(sep);
  return parts.length > 1 ? (parts[0] as string) : "";
}

/** "file: import" for each import that breaks the rule. */
function violations(files: { path: string; source: string }[]): string[] {
  const found: string[] = [];
  for (const { path, source } of files) {
    const from = area(path);
    if (from === "" || from === "api" || path === COMPOSITION_ROOT) continue;
    for (const specifier of relativeImports(source)) {
      const to = area(resolve(dirname(path), specifier));
      if (to === "" || to === from || SHARED.has(to)) continue;
      const who = from === "app" ? "the kit (app/)" : `feature ${from}/`;
      found.push(`${relative(web, path)}: ${who} imports "${specifier}" of feature ${to}/`);
    }
  }
  return found;
}

describe("web import rule", () => {
  it("no feature folder imports another, and the kit imports no feature", () => {
    const files = walk(web)
      .filter((path) => /\.(tsx?|css)$/.test(path) && path !== fileURLToPath(import.meta.url))
      .map((path) => ({ path, source: readFileSync(path, "utf8") }));
    expect(files.length).toBeGreaterThan(50);
    expect(violations(files)).toEqual([]);
  });

  it("names the file and the import when a rule is broken", () => {
    const checks = join(web, "checks", "Example.tsx");
    const kit = join(web, "app", "ui", "Example.tsx");
    const found = violations([
      { path: checks, source: 'import { x } from "../teams/x.ts";\nimport "../app/ui/kit.css";\nimport { y } from "./y.ts";' },
      { path: kit, source: 'const Page = lazy(() => import("../../account/Page.tsx"));\nexport { z } from "../../api/z.ts";' },
      { path: COMPOSITION_ROOT, source: 'import { teamRoutes } from "../teams/routes.tsx";' },
    ]);
    expect(found).toEqual([
      'checks/Example.tsx: feature checks/ imports "../teams/x.ts" of feature teams/',
      'app/ui/Example.tsx: the kit (app/) imports "../../account/Page.tsx" of feature account/',
    ]);
  });
});
