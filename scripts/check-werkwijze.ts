// Developer aid: validates content/werkwijze.yaml against the schema and the tool's factor ids.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { werkwijzeSchema } from "../src/domain/werkwijze/schema.ts";

const root = join(import.meta.dirname, "..");
const result = werkwijzeSchema.safeParse(parse(readFileSync(join(root, "content/werkwijze.yaml"), "utf8")));
if (!result.success) {
  for (const issue of result.error.issues) console.log(`${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}
const themesDir = join(root, "content/tools/jongeren-en-arbeid/themes");
const known = new Set(
  readdirSync(themesDir).flatMap((f) => (parse(readFileSync(join(themesDir, f), "utf8")) as { items: { id: string }[] }).items.map((i) => i.id)),
);
const w = result.data;
const unknown = [...w.phases, ...w.basicMethods, ...w.toolbox].flatMap((p) => p.factors.filter((f) => !known.has(f)).map((f) => `${p.id}: ${f}`));
console.log(unknown.length === 0 ? `valid: ${w.phases.length} phases, ${w.basicMethods.length} basic methods, ${w.toolbox.length} toolbox parts` : unknown.join("\n"));
process.exitCode = unknown.length === 0 ? 0 : 1;
