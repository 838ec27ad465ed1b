import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { contentState, kennisbankEntries } from "../db/schema.ts";
import { kennisbankContentHash, loadWhenChanged } from "./content-state.ts";
import { testAppConfig } from "./test/app.ts";
import { databaseTargets } from "./test/databases.ts";
import { useTestApp } from "./test/use-app.ts";
import { defaultTool, indexTool, loadTools } from "./tools/load.ts";

const contentDir = testAppConfig().contentDir;
const tool = defaultTool(loadTools(contentDir));
if (!tool) throw new Error("tool missing");
const { factorIds } = indexTool(tool);

describe("the kennisbank content hash", () => {
  const copy = mkdtempSync(join(tmpdir(), "verbetertool-content-"));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  test("is the same for the same files and changes when a file changes, is added or is removed", () => {
    cpSync(join(contentDir, "kennisbank"), join(copy, "kennisbank"), { recursive: true });
    cpSync(join(contentDir, "regions.yaml"), join(copy, "regions.yaml"));
    const original = kennisbankContentHash(copy, factorIds);
    expect(kennisbankContentHash(contentDir, factorIds)).toBe(original);

    writeFileSync(join(copy, "kennisbank", "extra.md"), "---\ntitle: x\n---\ntekst\n");
    const added = kennisbankContentHash(copy, factorIds);
    expect(added).not.toBe(original);
    rmSync(join(copy, "kennisbank", "extra.md"));
    expect(kennisbankContentHash(copy, factorIds)).toBe(original);
    expect(kennisbankContentHash(copy, new Set([...factorIds].slice(1)))).not.toBe(original);
    // The places entries' regions are mapped onto (issue 16) count too.
    writeFileSync(join(copy, "regions.yaml"), `${readFileSync(join(contentDir, "regions.yaml"), "utf8")}\n# changed\n`);
    expect(kennisbankContentHash(copy, factorIds)).not.toBe(original);
  });
});

describe.each(databaseTargets())("loading content at start-up on $name", (target) => {
  const ctx = useTestApp(target);

  test("start-up recorded what it loaded; the same hash loads nothing, a new one loads once", async () => {
    const db = ctx.database.db;
    const [stored] = await db.select().from(contentState).where(eq(contentState.name, "kennisbank"));
    expect(stored?.hash).toBe(kennisbankContentHash(contentDir, factorIds));
    const [{ n }] = (await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(kennisbankEntries)
      .where(eq(kennisbankEntries.origin, "content"))) as [{ n: number }];
    expect(n).toBeGreaterThan(0);

    const loads: string[] = [];
    expect(await loadWhenChanged(db, "kennisbank", stored?.hash ?? "", async () => void loads.push("same"))).toBe(false);
    expect(await loadWhenChanged(db, "kennisbank", "another", async () => void loads.push("another"))).toBe(true);
    expect(await loadWhenChanged(db, "kennisbank", "another", async () => void loads.push("again"))).toBe(false);
    expect(loads).toEqual(["another"]);
  });

  test("a load that fails records nothing, so the next start tries again", async () => {
    const db = ctx.database.db;
    await expect(
      loadWhenChanged(db, "kennisbank", "broken", async () => {
        throw new Error("content error");
      }),
    ).rejects.toThrow("content error");
    const [stored] = await db.select().from(contentState).where(eq(contentState.name, "kennisbank"));
    expect(stored?.hash).not.toBe("broken");
  });
});
