ALTER TABLE "rounds" ADD COLUMN "perspectives" text[] DEFAULT '{professional,youth,employer}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "youth_message" text;