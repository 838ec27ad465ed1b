import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { type Tool, themeSchema, toolMetaSchema, toolSchema } from "../../domain/content/schema.ts";
import { parseYamlCached } from "../yaml-cache.ts";

/** A broken content file fails loudly, naming its path and the field. */
export class ContentError extends Error {}

function validate<T extends z.ZodType>(schema: T, data: unknown, path: string): z.output<T> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ContentError(`${path}: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return result.data;
}

/** A YAML file parsed; through the cache in `cacheDir` when given (yaml-cache.ts). */
export function readYaml(path: string, cacheDir?: string): unknown {
  try {
    return parseYamlCached(readFileSync(path, "utf8"), cacheDir);
  } catch (error) {
    throw new ContentError(`${path}: ${(error as Error).message}`);
  }
}

/**
 * Loads `content/tools/<id>/tool.yaml` plus `themes/*.yaml`, validated and versioned by content hash. `cacheDir`: where
 * parsed YAML is kept between starts (yaml-cache.ts); without it every file is parsed.
 */
export function loadTool(dir: string, cacheDir?: string): Tool {
  const meta = validate(toolMetaSchema, readYaml(join(dir, "tool.yaml"), cacheDir), join(dir, "tool.yaml"));
  const themeFiles = readdirSync(join(dir, "themes"))
    .filter((f) => f.endsWith(".yaml"))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
  const themes = themeFiles.map((f) => validate(themeSchema, readYaml(join(dir, "themes", f), cacheDir), join(dir, "themes", f)));
  const version = createHash("sha256").update(JSON.stringify({ meta, themes })).digest("hex").slice(0, 12);
  const tool = validate(toolSchema, { ...meta, version, themes }, dir);
  const ids = new Set<string>();
  for (const theme of tool.themes) {
    for (const item of theme.items) {
      if (ids.has(item.id)) throw new ContentError(`${dir}: factor ${item.id} komt twee keer voor`);
      if (!item.id.startsWith(`${theme.id}.`)) throw new ContentError(`${dir}: factor ${item.id} staat onder thema ${theme.id}`);
      ids.add(item.id);
    }
  }
  for (const tip of tool.themes.flatMap((t) => t.items.flatMap((i) => i.tips))) {
    if (!(tip.source.document in tool.sources)) {
      throw new ContentError(`${dir}: tip "${tip.title}" verwijst naar onbekende bron "${tip.source.document}"`);
    }
  }
  return tool;
}

/**
 * Every tool under `content/tools/`, keyed by id (`cacheDir`: see loadTool); the default tool first, then by title.
 * Exactly one tool is marked `default: true` in its tool.yaml.
 */
export function loadTools(contentDir: string, cacheDir?: string): Map<string, Tool> {
  const toolsDir = join(contentDir, "tools");
  const loaded: Tool[] = [];
  for (const entry of readdirSync(toolsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const tool = loadTool(join(toolsDir, entry.name), cacheDir);
    if (tool.id !== entry.name) throw new ContentError(`${join(toolsDir, entry.name)}: id "${tool.id}" hoort "${entry.name}" te zijn`);
    loaded.push(tool);
  }
  const defaults = loaded.filter((t) => t.default);
  if (defaults.length !== 1) {
    throw new ContentError(
      `${toolsDir}: precies één tool hoort "default: true" te hebben, nu ${defaults.length}${defaults.length ? ` (${defaults.map((t) => t.id).join(", ")})` : ""}`,
    );
  }
  loaded.sort((a, b) => Number(Boolean(b.default)) - Number(Boolean(a.default)) || a.title.localeCompare(b.title, "nl"));
  return new Map(loaded.map((t) => [t.id, t]));
}

/** The tool marked `default: true` (loadTools guarantees exactly one, and puts it first). */
export function defaultTool<T extends Tool | { tool: Tool }>(tools: ReadonlyMap<string, T>): T {
  for (const entry of tools.values()) if ("tool" in entry ? entry.tool.default : (entry as Tool).default) return entry;
  throw new ContentError('content/tools: geen tool met "default: true"');
}

/** Lookups the routes need, derived once per tool. */
export type ToolIndex = {
  tool: Tool;
  factorIds: ReadonlySet<string>;
  factorsByTheme: ReadonlyMap<string, ReadonlySet<string>>;
};

export function indexTool(tool: Tool): ToolIndex {
  return {
    tool,
    factorIds: new Set(tool.themes.flatMap((t) => t.items.map((i) => i.id))),
    factorsByTheme: new Map(tool.themes.map((t) => [t.id, new Set(t.items.map((i) => i.id))])),
  };
}
