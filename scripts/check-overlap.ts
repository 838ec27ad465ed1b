// Developer aid: lists every 12-word run that a content file shares with a seed document.
// Usage: npx tsx scripts/check-overlap.ts [content files…]  (default: everything under content/)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { sharedRuns, wordRuns } from "../src/domain/content/overlap.ts";

const seedsDir = process.env.SEEDS_DIR ?? join(import.meta.dirname, "../../shared/seeds");
const seedRuns = new Set<string>();
for (const f of readdirSync(seedsDir)) for (const r of wordRuns(readFileSync(join(seedsDir, f), "utf8"))) seedRuns.add(r);

function walk(path: string): string[] {
  return statSync(path).isDirectory() ? readdirSync(path).flatMap((f) => walk(join(path, f))) : [path];
}
const files = process.argv.length > 2 ? process.argv.slice(2) : walk(join(import.meta.dirname, "../content"));
let found = 0;
for (const file of files) {
  for (const run of sharedRuns(readFileSync(file, "utf8"), seedRuns)) {
    found++;
    console.log(`${file}: "${run}"`);
  }
}
console.log(found === 0 ? "no shared 12-word runs" : `${found} shared 12-word runs`);
process.exitCode = found === 0 ? 0 : 1;
