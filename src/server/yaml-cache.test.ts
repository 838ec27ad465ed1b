import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { parseYamlCached } from "./yaml-cache.ts";

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "yaml-cache-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const source = "id: demo\nthemes:\n  - title: Eén\n    items: [1.1, '1.2', null, true]\n";

describe("parseYamlCached", () => {
  test("gives what the parser gives, and reads it back from the cache on the next call", () => {
    const cache = scratch();
    expect(parseYamlCached(source, cache)).toEqual(parse(source));
    const [file] = readdirSync(cache);
    expect(file).toMatch(/^[0-9a-f]{64}\.json$/);
    // Proof the second call reads the cache: a value written there is what comes back.
    writeFileSync(join(cache, file as string), JSON.stringify({ from: "cache" }));
    expect(parseYamlCached(source, cache)).toEqual({ from: "cache" });
  });

  test("a changed file is parsed again under a key of its own", () => {
    const cache = scratch();
    parseYamlCached(source, cache);
    expect(parseYamlCached(`${source}extra: 1\n`, cache)).toEqual({ ...(parse(source) as object), extra: 1 });
    expect(readdirSync(cache)).toHaveLength(2);
  });

  test("values JSON would change are parsed every time, never cached", () => {
    const cache = scratch();
    expect(parseYamlCached("limit: .inf\n", cache)).toEqual({ limit: Number.POSITIVE_INFINITY });
    expect(readdirSync(cache)).toEqual([]);
  });

  test("invalid YAML throws the parser's error and caches nothing", () => {
    const cache = scratch();
    expect(() => parseYamlCached("a: [1, 2\n", cache)).toThrow();
    expect(readdirSync(cache)).toEqual([]);
  });

  test("parses without a cache directory, or when the cache cannot be written", () => {
    expect(parseYamlCached(source, undefined)).toEqual(parse(source));
    // A "directory" below a plain file can be neither read nor made, whoever runs the test.
    const blocker = join(scratch(), "a-file");
    writeFileSync(blocker, "");
    expect(parseYamlCached(source, join(blocker, "cache"))).toEqual(parse(source));
  });
});
