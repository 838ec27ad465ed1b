import { type Database, openDatabase } from "../../db/client.ts";

/**
 * Every database the API suite runs against: the embedded PGlite always, a PostgreSQL server when
 * DATABASE_URL is set. Under CI=true a missing PostgreSQL is a failure, not a skip.
 */
export type DatabaseTarget = { name: "pglite" | "postgres"; open: () => Promise<Database> };

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: "pglite", open: () => openDatabase({}) }];
  const url = process.env.DATABASE_URL;
  if (url) targets.push({ name: "postgres", open: () => openDatabase({ url }) });
  else if (process.env.CI === "true") throw new Error("CI=true but DATABASE_URL is not set: the PostgreSQL tests cannot run.");
  return targets;
}
