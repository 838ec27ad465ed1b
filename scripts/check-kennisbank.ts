// Developer aid: validates every kennisbank entry's front matter and lists problems per file.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEntry } from "../src/domain/kennisbank/parse.ts";

const dir = join(import.meta.dirname, "../content/kennisbank");
let problems = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".md"))) {
  const result = parseEntry(file.replace(/\.md$/, ""), readFileSync(join(dir, file), "utf8"));
  if (!result.ok) {
    problems++;
    console.log(`${file}: ${result.error}`);
  }
}
console.log(problems === 0 ? "all entries valid" : `${problems} files with problems`);
process.exitCode = problems === 0 ? 0 : 1;
