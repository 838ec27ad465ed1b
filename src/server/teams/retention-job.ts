import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.ts";
import { purgeExpiredResponses } from "./rounds.ts";

const EVERY_SIX_HOURS = 6 * 60 * 60 * 1000;

/**
 * Deletes expired raw responses at start-up and every six hours while the app runs (AVG retention). With several
 * instances, one runs it at a time and the others skip that turn.
 */
export function scheduleRetention(app: FastifyInstance, database: Database): void {
  const run = async () => {
    try {
      const purged = await database.ifFree("retention", () => purgeExpiredResponses(database.db, new Date()));
      if (purged) app.log.info(`retention: raw responses of ${purged} round(s) deleted`);
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
