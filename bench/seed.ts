// Seeding handed-in round responses fast, in SQL (generate_series), the way the app stores them: a check per
// response with the round, the perspective, the answers of the factors that perspective is asked, the day it was
// handed in (day only), its place in the round (submission_seq 1…n) and the channel; the round's `submissions`
// counter raised to match. Round results read per-round tallies kept up to date on hand-in; a response that did not
// update them (as these, written behind the app's back) is caught up from the raw responses by the app's own read
// path, so the first read after seeding does that work (the bench makes that read before it measures).
// All of the seeding is in this one function, so it is easy to adapt when the storage of responses changes.
import { sql } from "drizzle-orm";
import type { Db } from "../src/db/client.ts";
import type { Tool } from "../src/domain/content/schema.ts";
import { PERSPECTIVES, type Perspective } from "../src/domain/teams/perspectives.ts";

/** The factor ids a perspective is asked (all for professionals). */
function factorsOf(tool: Tool, perspective: Perspective): string[] {
  return tool.themes.flatMap((theme) =>
    theme.items
      .filter((item) => perspective === "professional" || !(item.notAskedOf as readonly string[] | undefined)?.includes(perspective))
      .map((item) => item.id),
  );
}

/**
 * Adds `count` handed-in responses to an open round, spread over its perspectives in turn. Answers are deterministic
 * (a mix of 1–10, about one in eleven n.v.t., and "weet ik niet" for groups other than professionals), so every run
 * aggregates the same data. Returns the round's number of hand-ins afterwards.
 */
export async function seedHandedInResponses(db: Db, tool: Tool, roundId: string, count: number): Promise<number> {
  const result = await db.execute<{ submissions: number; perspectives: Perspective[] }>(
    sql`SELECT submissions, perspectives FROM rounds WHERE id = ${roundId}`,
  );
  const round = (result as unknown as { rows: { submissions: number; perspectives: Perspective[] }[] }).rows[0];
  if (!round) throw new Error(`seed: round ${roundId} does not exist`);
  const asked = PERSPECTIVES.filter((p) => round.perspectives.includes(p));
  const start = round.submissions;
  // One INSERT per perspective, in batches, so PGlite never holds one huge statement's result in memory.
  const batch = 20_000;
  for (let from = 0; from < count; from += batch) {
    const to = Math.min(count, from + batch);
    for (const [index, perspective] of asked.entries()) {
      const factors = factorsOf(tool, perspective);
      const weetniet = perspective === "professional" ? 0 : 1;
      await db.execute(sql`
        INSERT INTO checks (id, tool_id, tool_version, answers, round_id, perspective, submitted_at, submission_seq, channel,
                            created_at, updated_at)
        SELECT 'bench-' || md5(${roundId} || '-' || g.i), ${tool.id}, ${tool.version},
               (SELECT jsonb_object_agg(f.id, CASE
                         WHEN (g.i * 7 + f.k * 13) % 11 = 0 THEN '"nvt"'::jsonb
                         WHEN ${weetniet} = 1 AND (g.i * 5 + f.k * 3) % 17 = 0 THEN '"weetniet"'::jsonb
                         ELSE to_jsonb(1 + (g.i * 31 + f.k * 17) % 10) END)
                  FROM unnest(${sql`ARRAY[${sql.join(
                    factors.map((f) => sql`${f}`),
                    sql`, `,
                  )}]::text[]`}) WITH ORDINALITY AS f(id, k)),
               ${roundId}, ${perspective}, date_trunc('day', now()), g.i, 'open', date_trunc('day', now()), date_trunc('day', now())
          FROM generate_series(${start + from + 1}::int, ${start + to}::int) AS g(i)
         WHERE g.i % ${asked.length} = ${(index + 1) % asked.length}`);
    }
  }
  await db.execute(sql`UPDATE rounds SET submissions = submissions + ${count} WHERE id = ${roundId}`);
  return start + count;
}
