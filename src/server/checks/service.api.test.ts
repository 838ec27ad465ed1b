import { fillPlaceholders, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { databaseTargets } from "../test/databases.ts";
import { createCheck, saveQuery } from "./service.ts";

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

describe.each(databaseTargets())("the answer save's plan on $name", (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("looks a solo check up by its primary key, also with few and unanalysed solo checks", async () => {
    // A fresh database's statistics: the planner could take the retention index (solo checks by last opened day) and
    // walk it over every solo check for each save.
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push((await createCheck(database.db, "jongeren-en-arbeid", "1")).id);
    for (const clears of [false, true]) {
      const query = saveQuery(database.db, false, clears);
      const values = fillPlaceholders(query.params, { id: ids[7], patch: '{"1.1": 5}', today: "2026-12-05" });
      const literals = values.map((value) => `'${String(value).replaceAll("'", "''")}'`).join(", ");
      // One connection for PREPARE and EXPLAIN EXECUTE (a transaction pins it on PostgreSQL's pool).
      const plan = await database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`PREPARE solo_save_plan AS ${query.sql}`));
        const rows = rowsOf(await tx.execute(sql.raw(`EXPLAIN EXECUTE solo_save_plan(${literals})`)));
        await tx.execute(sql.raw("DEALLOCATE solo_save_plan"));
        return rows.map((row) => String(Object.values(row)[0])).join("\n");
      });
      expect(plan).toContain("checks_pkey");
      expect(plan).not.toContain("checks_solo_last_opened_idx");
    }
  });
});
