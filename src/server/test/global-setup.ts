import { openDatabase } from "../../db/client.ts";

/** Migrates the PostgreSQL test database once, before test files open it in parallel. */
export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const database = await openDatabase({ url });
  await database.close();
}
