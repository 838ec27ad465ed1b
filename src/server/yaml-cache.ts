// The content's YAML files (the tool, the werkwijze) parsed once: parsing them takes ~0.15 s of CPU at every start,
// reading the same data back as JSON a few milliseconds. The parsed value is kept as a JSON file in a cache directory
// (DATA_DIR/cache/yaml), named after a hash of the YAML file's bytes and the parser's version, so an edited file, an
// upgraded parser or another CONTENT_DIR simply misses the cache; the value is validated as before either way
// (decision 0024). The cache is an optimisation only: when it cannot be read or written, the file is parsed.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

type YamlModule = typeof import("yaml");

const require = createRequire(import.meta.url);
/** The YAML parser, loaded (synchronously, from node_modules) only when a file is not in the cache. */
const yaml = (): YamlModule => require("yaml") as YamlModule;
/** Part of every cache key: a new parser version may read a file differently. */
const parserVersion = (): string => (require("yaml/package.json") as { version: string }).version;

/**
 * The YAML text `source` parsed, through the cache in `cacheDir` when given. Throws the parser's error for invalid
 * YAML (nothing is cached then).
 */
export function parseYamlCached(source: string, cacheDir: string | undefined): unknown {
  if (!cacheDir) return yaml().parse(source);
  const key = createHash("sha256").update(parserVersion()).update("\0").update(source).digest("hex");
  const file = join(cacheDir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    // Not cached yet (or unreadable): parse it.
  }
  const value: unknown = yaml().parse(source);
  const json = JSON.stringify(value);
  // Only what JSON gives back unchanged is cached (no dates, infinities or the like): the cache never changes a value.
  if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) return value;
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written under a name of its own and renamed, so an instance starting at the same moment never reads half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, json);
    renameSync(partial, file);
  } catch {
    // A read-only or full disk: the next start parses again.
  }
  return value;
}

/** Where `buildApp` keeps the cache: under the data directory. */
export const yamlCacheDir = (dataDir: string): string => join(dataDir, "cache", "yaml");
