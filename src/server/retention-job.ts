import type { FastifyInstance } from "fastify";
import type { Database, Db } from "../db/client.ts";
import { soloCheckDeletionCutoff } from "../domain/checks/retention.ts";
import { dutchDay } from "../domain/dates.ts";
import { deleteUnopenedSoloChecks } from "./checks/service.ts";
import { deleteEndedWindows } from "./ratelimit/store.ts";
import { closeDueRounds, purgeExpiredResponses } from "./teams/rounds.ts";
import type { ToolIndex } from "./tools/load.ts";

const EVERY_SIX_HOURS = 6 * 60 * 60 * 1000;

export type RetentionOptions = {
  tools: ReadonlyMap<string, ToolIndex>;
  /** Months a solo check is kept after it was last opened (SOLO_CHECK_RETENTION_MONTHS). */
  soloCheckRetentionMonths: number;
};

export type RetentionResult = { roundsClosed: number; roundsPurged: number; soloChecksDeleted: number };

/**
 * One retention run (AVG), over teams and solo checks alike (so it lives above both folders): rounds past their closing date close (through the coordinator's close, so their snapshot
 * is stored before anything else happens), raw responses of rounds closed longer than their team's period are
 * deleted, solo checks not opened for `soloCheckRetentionMonths` are deleted with their plans, in batches, and
 * rate-limit counters whose window ended are removed.
 */
export async function runRetention(db: Db, options: RetentionOptions, now: Date): Promise<RetentionResult> {
  const roundsClosed = await closeDueRounds(db, (toolId) => options.tools.get(toolId)?.tool, now, "all");
  const roundsPurged = await purgeExpiredResponses(db, now);
  const soloChecksDeleted = await deleteUnopenedSoloChecks(db, soloCheckDeletionCutoff(dutchDay(now), options.soloCheckRetentionMonths));
  // Rate-limit counters (hashed addresses) whose window ended, also when no request came to sweep them lazily.
  await deleteEndedWindows(db);
  return { roundsClosed, roundsPurged, soloChecksDeleted };
}

/**
 * Runs retention at start-up and every six hours while the app runs. With several instances, one runs it at a time
 * and the others skip that turn.
 */
export function scheduleRetention(app: FastifyInstance, database: Database, options: RetentionOptions): void {
  const run = async () => {
    try {
      const result = await database.ifFree("retention", () => runRetention(database.db, options, new Date()));
      if (result?.roundsClosed) app.log.info(`retention: ${result.roundsClosed} round(s) past their closing date closed`);
      if (result?.roundsPurged) app.log.info(`retention: raw responses of ${result.roundsPurged} round(s) deleted`);
      if (result?.soloChecksDeleted) app.log.info(`retention: ${result.soloChecksDeleted} solo check(s) not opened for too long deleted`);
    } catch (error) {
      app.log.error(error, "retention run failed");
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook("onReady", async () => {
    await run();
    timer = setInterval(() => void run(), EVERY_SIX_HOURS);
    timer.unref();
  });
  app.addHook("onClose", async () => clearInterval(timer));
}
