import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The folders under src/server depend on each other one way only: no two folders import each other, directly or
 * through others (checks -> teams -> plans is fine; teams -> checks as well would be a cycle). Shared pieces go to a
 * module both may use (ids.ts, client-gone.ts, plans/). Each file directly in src/server counts as a node of its own;
 * tests and the test helpers (test/) are left out.
 */

const serverDir = resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join(serverDir, "test") ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The folder (or, for a file directly in src/server, the file) a path belongs to; null outside src/server. */
function nodeOf(path: string): string | null {
  const rel = relative(serverDir, path);
  if (rel.startsWith("..")) return null;
  const [first, ...rest] = rel.split(sep);
  return rest.length > 0 ? `${first}/` : (first ?? null);
}

/** Every relative import of a file: static, type-only, re-exports and dynamic `import()`. */
function importsOf(source: string): string[] {
  const specifiers = [...source.matchAll(/\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1] ?? "");
  return specifiers.filter(Boolean);
}

function folderGraph(files: string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const from = nodeOf(file);
    if (!from) continue;
    for (const specifier of importsOf(readFileSync(file, "utf8"))) {
      const to = nodeOf(resolve(dirname(file), specifier));
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      // Remember one file that makes the edge, to name it when it closes a cycle.
      if (!edges.has(to)) edges.set(to, `${relative(serverDir, file)} imports ${specifier}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every cycle through the graph's nodes, each once (as the path from its smallest node). */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  const found = new Map<string, string[]>();
  const visit = (start: string, node: string, path: string[]) => {
    for (const next of graph.get(node)?.keys() ?? []) {
      if (next === start) {
        const cycle = [...path, start];
        found.set([...path].sort().join(","), cycle);
      } else if (!path.includes(next) && next > start) visit(start, next, [...path, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) visit(start, start, [start]);
  return [...found.values()];
}

describe("src/server folder dependencies", () => {
  it("has no import cycle between folders", () => {
    const graph = folderGraph(sourceFiles(serverDir));
    // The parser sees the imports: the app wires up every folder.
    expect(graph.get("app.ts")?.size).toBeGreaterThan(10);
    const described = cycles(graph).map((cycle) =>
      cycle
        .slice(0, -1)
        .map((node, i) => `${node} -> ${cycle[i + 1]} (${graph.get(node)?.get(cycle[i + 1] ?? "")})`)
        .join("; "),
    );
    expect(described, `import cycles between folders under src/server:\n${described.join("\n")}`).toEqual([]);
  });

  it("finds a cycle when two folders import each other", () => {
    const graph = new Map([
      ["checks/", new Map([["teams/", "checks/routes.ts imports ../teams/rounds.ts"]])],
      [
        "teams/",
        new Map([
          ["ids.ts", "x"],
          ["plans/", "y"],
        ]),
      ],
      ["plans/", new Map([["checks/", "plans/service.ts imports ../checks/service.ts"]])],
    ]);
    expect(cycles(graph)).toEqual([["checks/", "teams/", "plans/", "checks/"]]);
  });
});
