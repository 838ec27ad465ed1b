import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../db/client.ts";
import { copyPostgresTemplate } from "./templates.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the migrated PGlite data-directory dump (see templates.ts). */
    pgliteTemplate: string;
    /** The PostgreSQL server whose template database the API tests copy, when DATABASE_URL is set. */
    postgresUrl: string | null;
  }
}

/**
 * Every database the API suite runs against: the embedded PGlite always, a PostgreSQL server when
 * DATABASE_URL is set. Under CI=true a missing PostgreSQL is a failure, not a skip. Each `open()` gives the calling
 * test file a database of its own, copied from the migrated template the global setup made.
 */
export type DatabaseTarget = { name: "pglite" | "postgres"; open: () => Promise<Database> };

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: "pglite", open: openPgliteCopy }];
  const url = inject("postgresUrl");
  if (url) targets.push({ name: "postgres", open: () => openPostgresCopy(url) });
  else if (process.env.CI === "true") throw new Error("CI=true but DATABASE_URL is not set: the PostgreSQL tests cannot run.");
  return targets;
}

let pgliteDump: Blob | undefined;

/** An in-memory PGlite started from the migrated template dump (API and browser tests). */
export async function openPgliteCopy(): Promise<Database> {
  pgliteDump ??= new Blob([readFileSync(inject("pgliteTemplate"))]);
  return openDatabase({ loadDataDir: pgliteDump });
}

async function openPostgresCopy(url: string): Promise<Database> {
  const copy = await copyPostgresTemplate(url);
  const database = await openDatabase({ url: copy.url });
  return {
    ...database,
    close: async () => {
      await database.close();
      await copy.drop();
    },
  };
}
