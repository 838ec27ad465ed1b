// Loading content into the database only when it changed: start-up used to parse every kennisbank file and upsert
// every entry (with its Dutch search document and indexes) on each start. The hash of the inputs — the content files
// and the code that turns them into rows — is kept in `content_state`; when it matches, there is nothing to do.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { type Db, migrationsFolder } from "../db/client.ts";
import { contentState } from "../db/schema.ts";

const here = dirname(fileURLToPath(import.meta.url));

/** Every file directly in `dir` whose name passes `keep`, sorted (none when the directory does not exist). */
function filesIn(dir: string, keep: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => keep(name) && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => join(dir, name));
}

/**
 * The hash of what the kennisbank entries in the database are made from: the Markdown files, the factor ids they may
 * link to, the code that parses and stores them (src/server/kennisbank, src/domain/kennisbank — .ts in development,
 * the compiled .js in dist/) and the migrations (a schema change reloads once).
 */
export function kennisbankContentHash(contentDir: string, factorIds: ReadonlySet<string>): string {
  const hash = createHash("sha256");
  const add = (label: string, data: string | Buffer) => hash.update(label).update("\0").update(data).update("\0");
  for (const file of filesIn(join(contentDir, "kennisbank"), (n) => n.endsWith(".md")))
    add(file.slice(contentDir.length), readFileSync(file));
  // The places entries' regions are mapped onto (kennisbank/regions.ts).
  for (const file of filesIn(contentDir, (n) => n === "regions.yaml")) add("regions", readFileSync(file));
  add("factors", [...factorIds].sort().join(","));
  const code = (name: string) => /\.(ts|js)$/.test(name) && !/\.test\.(ts|js)$/.test(name);
  for (const dir of [join(here, "kennisbank"), join(here, "../domain/kennisbank")]) {
    for (const file of filesIn(dir, code)) add(file.slice(dirname(here).length), readFileSync(file));
  }
  add("migrations", readFileSync(join(migrationsFolder, "meta/_journal.json")));
  return hash.digest("hex");
}

/**
 * Runs `load` (in one transaction with recording the new hash) unless `hash` is what was loaded last time under
 * `name`. Returns whether it loaded. Run it under the start-up lock, so instances starting together load once.
 */
export async function loadWhenChanged(db: Db, name: string, hash: string, load: (tx: Db) => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ hash: contentState.hash }).from(contentState).where(eq(contentState.name, name));
    if (current?.hash === hash) return false;
    await load(tx as unknown as Db);
    await tx
      .insert(contentState)
      .values({ name, hash })
      .onConflictDoUpdate({ target: contentState.name, set: { hash, loadedAt: new Date() } });
    return true;
  });
}
