ALTER TABLE "teams" ADD COLUMN "next_round_on" date;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "next_round_reminder_sent_at" timestamp with time zone;