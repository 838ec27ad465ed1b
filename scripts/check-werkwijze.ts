// Developer aid: validates content/werkwijze.yaml against the schema and the tool's factor ids.
import { join } from "node:path";
import { indexTool, loadTool } from "../src/server/tools/load.ts";
import { loadWerkwijze } from "../src/server/werkwijze/routes.ts";

const content = join(import.meta.dirname, "../content");
const { factorIds } = indexTool(loadTool(join(content, "tools/jongeren-en-arbeid")));
const w = loadWerkwijze(content, factorIds);
console.log(`valid: ${w.phases.length} phases, ${w.basicMethods.length} basic methods, ${w.toolbox.length} toolbox parts`);
