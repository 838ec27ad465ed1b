import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.ts";
import { purgeExpiredResponses } from "./rounds.ts";

const EVERY_SIX_HOURS = 6 * 60 * 60 * 1000;

/** Deletes expired raw responses at start-up and every six hours while the app runs (AVG retention). */
export function scheduleRetention(app: FastifyInstance, db: Db): void {
  const run = async () => {
    try {
      const purged = await purgeExpiredResponses(db, new Date());
      if (purged > 0) app.log.info(`retention: raw responses of ${purged} round(s) deleted`);
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
