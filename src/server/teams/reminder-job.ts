import { and, eq, gte, isNotNull, isNull, lte } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { user } from "../../db/auth-schema.ts";
import type { Database, Db } from "../../db/client.ts";
import { teamMembers, teams } from "../../db/schema.ts";
import { dutchDay } from "../../domain/dates.ts";
import { daysUntil, NEXT_ROUND_REMINDER_DAYS, reminderWindow } from "../../domain/teams/followup.ts";
import type { Mailer } from "../mail.ts";

const EVERY_HOUR = 60 * 60 * 1000;

export type ReminderOptions = {
  mailer: Mailer;
  /** Where the app is reached (PUBLIC_URL); the mail links to the team page there. */
  linkBase: string;
};

/** The reminder mail of a planned round, in Dutch. */
export function reminderMail(team: { id: string; name: string; nextRoundOn: string }, today: string, linkBase: string) {
  const day = new Intl.DateTimeFormat("nl-NL", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(
    new Date(`${team.nextRoundOn}T00:00:00Z`),
  );
  const days = daysUntil(team.nextRoundOn, today);
  const when = days === 0 ? "vandaag" : days === 1 ? "morgen" : `over ${days} dagen`;
  return {
    subject: `Volgende meting van ${team.name} staat gepland op ${day}`,
    text: [
      "Beste coördinator,",
      "",
      `Het team ${team.name} heeft de volgende meting gepland op ${day}, ${when}.`,
      "",
      "Een goed moment om:",
      "- samen het teamverbeterplan door te lopen: welke acties zijn klaar, welke lopen nog?",
      "- de meting klaar te zetten en te kiezen welke groepen jullie dit keer vragen;",
      "- een datum te prikken om de uitkomsten samen te bespreken.",
      "",
      `Naar de teampagina: ${linkBase}/teams/${team.id}`,
      "",
      "Je krijgt deze herinnering één keer, omdat je coördinator bent van dit team in de Verbetertool Jongeren & Arbeid.",
      "Verschuift de datum? Pas hem dan aan op de teampagina; je krijgt dan een nieuwe herinnering.",
    ].join("\n"),
  };
}

/**
 * Sends the reminder of every planned round whose day is at most NEXT_ROUND_REMINDER_DAYS ahead, once: each team's
 * reminder is claimed with one UPDATE … WHERE next_round_reminder_sent_at IS NULL RETURNING before any mail goes
 * out, so two runs at the same time (or several instances) never both send it, and a restart does not send it again.
 * When no mail could be sent to any coordinator, the claim is given back so a later run tries again.
 */
export async function sendNextRoundReminders(db: Db, options: ReminderOptions, now: Date): Promise<number> {
  const today = dutchDay(now);
  const { from, through } = reminderWindow(today, NEXT_ROUND_REMINDER_DAYS);
  const claimed = await db
    .update(teams)
    .set({ nextRoundReminderSentAt: now })
    .where(
      and(
        isNotNull(teams.nextRoundOn),
        gte(teams.nextRoundOn, from),
        lte(teams.nextRoundOn, through),
        isNull(teams.nextRoundReminderSentAt),
      ),
    )
    .returning({ id: teams.id, name: teams.name, nextRoundOn: teams.nextRoundOn });
  let sent = 0;
  for (const team of claimed) {
    if (team.nextRoundOn === null) continue;
    const coordinators = await db
      .select({ email: user.email })
      .from(teamMembers)
      .innerJoin(user, eq(user.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.role, "coordinator")));
    const mail = reminderMail({ ...team, nextRoundOn: team.nextRoundOn }, today, options.linkBase);
    const results = await Promise.allSettled(coordinators.map((c) => options.mailer.send({ to: c.email, ...mail })));
    const delivered = results.filter((r) => r.status === "fulfilled").length;
    sent += delivered;
    if (delivered === 0 && coordinators.length > 0) {
      await db
        .update(teams)
        .set({ nextRoundReminderSentAt: null })
        .where(and(eq(teams.id, team.id), eq(teams.nextRoundReminderSentAt, now)));
    }
  }
  return sent;
}

/**
 * Runs the reminders at start-up and every hour. Several instances may run it at the same moment: no cluster lock is
 * needed, since the claim in `sendNextRoundReminders` lets exactly one of them send each team's mail.
 */
export function scheduleNextRoundReminders(app: FastifyInstance, database: Database, options: ReminderOptions): void {
  const run = async () => {
    try {
      const sent = await sendNextRoundReminders(database.db, options, new Date());
      if (sent) app.log.info(`reminders: ${sent} mail(s) about a planned next round sent`);
    } catch (error) {
      app.log.error(error, "next-round reminder run failed");
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook("onReady", async () => {
    await run();
    timer = setInterval(() => void run(), EVERY_HOUR);
    timer.unref();
  });
  app.addHook("onClose", async () => clearInterval(timer));
}
