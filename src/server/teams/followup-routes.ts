import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { teams } from "../../db/schema.ts";
import { NEXT_ROUND_REMINDER_DAYS, nextRoundInputSchema, nextRoundResponse, plannedDateProblem } from "../../domain/teams/followup.ts";
import type { Auth } from "../auth/auth.ts";
import { HttpError, notFound } from "../errors.ts";
import { teamAccess, useAccessRules } from "./access.ts";

export type FollowupPluginOptions = { db: Db; auth: Auth };

const teamParams = z.object({ id: z.string() });

/**
 * The next round a team plans: members read it, coordinators set or clear it. A new day resets the reminder, so the
 * coordinators are reminded of the new day once (server/teams/reminder-job.ts sends it).
 */
export const followupRoutes: FastifyPluginAsyncZod<FollowupPluginOptions> = async (app, { db, auth }) => {
  useAccessRules(app, { db, auth });

  const nextRoundOf = async (teamId: string) => {
    const [row] = await db
      .select({ plannedOn: teams.nextRoundOn, reminderSentAt: teams.nextRoundReminderSentAt })
      .from(teams)
      .where(eq(teams.id, teamId));
    if (!row) throw notFound("Team");
    return { ...row, reminderDays: NEXT_ROUND_REMINDER_DAYS };
  };

  app.get(
    "/api/teams/:id/next-round",
    {
      config: { access: { team: "member" } },
      schema: {
        tags: ["teams"],
        summary: "De geplande datum van de volgende meting en of de herinnering al verstuurd is",
        params: teamParams,
        response: { 200: nextRoundResponse },
      },
    },
    async (request) => nextRoundOf(teamAccess(request).teamId),
  );

  app.put(
    "/api/teams/:id/next-round",
    {
      config: { access: { team: "coordinator" } },
      schema: {
        tags: ["teams"],
        summary: "Plan de volgende meting (de coördinatoren krijgen 14 dagen vooraf een herinnering) of haal de planning weg",
        params: teamParams,
        body: nextRoundInputSchema,
        response: { 200: nextRoundResponse },
      },
    },
    async (request) => {
      const { teamId } = teamAccess(request);
      const { plannedOn } = request.body;
      const problem = plannedOn === null ? null : plannedDateProblem(plannedOn, new Date());
      if (problem) throw new HttpError(400, `De datum van de volgende meting ${problem}.`, "plannedOn");
      const current = await nextRoundOf(teamId);
      // The same day again keeps what was sent; another day (or none) is reminded of anew.
      if (current.plannedOn !== plannedOn) {
        await db.update(teams).set({ nextRoundOn: plannedOn, nextRoundReminderSentAt: null }).where(eq(teams.id, teamId));
      }
      return nextRoundOf(teamId);
    },
  );
};
