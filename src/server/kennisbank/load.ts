import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEntry } from "../../domain/kennisbank/parse.ts";
import type { Entry } from "../../domain/kennisbank/schema.ts";
import { ContentError } from "../tools/load.ts";

/** Reads and validates every entry in content/kennisbank; a broken file fails with its path and field. */
export function loadKennisbankContent(contentDir: string, factorIds: ReadonlySet<string>): Entry[] {
  const dir = join(contentDir, "kennisbank");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      const result = parseEntry(file.slice(0, -3), readFileSync(path, "utf8"));
      if (!result.ok) throw new ContentError(`${path}: ${result.error}`);
      const unknown = result.entry.factors.filter((f) => !factorIds.has(f));
      if (unknown.length > 0) throw new ContentError(`${path}: factors: onbekende factor ${unknown.join(", ")}`);
      return result.entry;
    });
}
