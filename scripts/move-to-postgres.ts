// Moves all data from the embedded database (DATA_DIR/pglite) into an empty PostgreSQL database, then verifies it.
// Usage: npm run db:move-to-postgres -- [--from <DATA_DIR>] [--to <postgres-url>]
// Defaults: --from is DATA_DIR (or ./data), --to is DATABASE_URL. Stop the app first. See docs/operations.md.
// Exit code 0: moved and verified; 1: refused, failed or a difference found; 2: wrong usage.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { type Database, openDatabase } from "../src/db/client.ts";
import { formatReport, transferDatabase } from "../src/db/transfer.ts";
import { secretFile } from "../src/server/config.ts";

const USAGE = "Gebruik: npm run db:move-to-postgres -- [--from <DATA_DIR>] [--to <postgres://…>] (standaard DATA_DIR en DATABASE_URL)";

/** The directory of package.json above this file (the repository, or the built app's root). */
function packageRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function safeUrl(url: URL): string {
  const copy = new URL(url);
  if (copy.password) copy.password = "***";
  return copy.toString();
}

/** One line for the operator, exit code 1. */
function fail(message: string): never {
  console.error(message.replace(/\s*\n\s*/g, " "));
  process.exit(1);
}

let args: { from?: string; to?: string; "batch-size"?: string; help?: boolean };
try {
  args = parseArgs({
    options: { from: { type: "string" }, to: { type: "string" }, "batch-size": { type: "string" }, help: { type: "boolean", short: "h" } },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const dataDir = resolve(args.from ?? process.env.DATA_DIR ?? join(packageRoot(), "data"));
const to = args.to ?? process.env.DATABASE_URL;
if (!to) {
  console.error(`Geen doeldatabase: geef --to of zet DATABASE_URL.\n${USAGE}`);
  process.exit(2);
}
let target: URL;
try {
  target = new URL(to);
  if (target.protocol !== "postgres:" && target.protocol !== "postgresql:") throw new Error("protocol");
} catch {
  fail("De doeldatabase moet een PostgreSQL-URL zijn, zoals postgres://gebruiker:wachtwoord@host:5432/database.");
}
const batchSize = Number(args["batch-size"] ?? 500);
if (!Number.isInteger(batchSize) || batchSize < 1) fail(`--batch-size moet een positief geheel getal zijn, niet "${args["batch-size"]}".`);
if (!existsSync(join(dataDir, "pglite", "PG_VERSION"))) {
  fail(`Geen ingebedde database gevonden in ${join(dataDir, "pglite")}; geef de DATA_DIR van de app met --from of DATA_DIR.`);
}

console.log(`Verplaatsen: ${join(dataDir, "pglite")} → ${safeUrl(target)}`);
let source: Database | undefined;
let destination: Database | undefined;
try {
  // Plain lines while waiting for an unreachable target, not the app's JSON log lines.
  destination = await openDatabase({ url: to, log: (message) => console.error(message) });
  source = await openDatabase({ dataDir });
  const report = await transferDatabase(source.db, destination.db, {
    batchSize,
    onTable: (table, rows) => console.log(`  ${table}: ${rows} ${rows === 1 ? "rij" : "rijen"} gekopieerd`),
  });
  console.log(formatReport(report));
  if (report.ok) {
    console.log(`Klaar: ${report.tables.length} tabellen met ${report.rows} rijen verplaatst; aantallen en checksums komen overeen.`);
    await carryAppSecret(destination);
  } else {
    console.error(
      "Controle mislukt: de doeldatabase verschilt van de bron (zie VERSCHIL hierboven). Gebruik haar niet; maak een nieuwe lege database en probeer opnieuw.",
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`Verplaatsen mislukt: ${(error as Error).message}`.replace(/\s*\n\s*/g, " "));
  process.exitCode = 1;
} finally {
  // Closing releases the lock on DATA_DIR at once, so the app can be started right after.
  await source?.close();
  await destination?.close();
}

/**
 * The embedded app signs sessions and cookies with a secret it generated in DATA_DIR. Put it where the app on
 * PostgreSQL looks for a generated secret (app_secrets), so signed-in users and respondents' cookies stay valid
 * there; an APP_SECRET in the environment still takes precedence.
 */
async function carryAppSecret(database: Database): Promise<void> {
  const file = secretFile(dataDir);
  if (!existsSync(file)) return;
  const secret = readFileSync(file, "utf8").trim();
  const result = (await database.db.execute(
    sql`INSERT INTO app_secrets (name, value) VALUES ('app', ${secret}) ON CONFLICT (name) DO NOTHING`,
  )) as unknown as { rowCount?: number | null };
  if (result.rowCount === 1) console.log(`Het sessiegeheim uit ${file} staat nu ook in de doeldatabase (tabel app_secrets).`);
  else
    console.log(
      `Let op: de doeldatabase had al een sessiegeheim; geef de app APP_SECRET met de waarde uit ${file} om sessies geldig te houden.`,
    );
}
