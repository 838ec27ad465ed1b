ALTER TABLE "checks" ADD COLUMN "last_opened_on" date DEFAULT CURRENT_DATE NOT NULL;--> statement-breakpoint
CREATE INDEX "checks_solo_last_opened_idx" ON "checks" USING btree ("last_opened_on") WHERE "checks"."round_id" IS NULL;--> statement-breakpoint
UPDATE "checks" SET "last_opened_on" = ("updated_at" AT TIME ZONE 'Europe/Amsterdam')::date;--> statement-breakpoint
UPDATE "checks" SET "created_at" = (("created_at" AT TIME ZONE 'Europe/Amsterdam')::date::timestamp AT TIME ZONE 'UTC'), "updated_at" = (("updated_at" AT TIME ZONE 'Europe/Amsterdam')::date::timestamp AT TIME ZONE 'UTC'), "submitted_at" = (("submitted_at" AT TIME ZONE 'Europe/Amsterdam')::date::timestamp AT TIME ZONE 'UTC') WHERE "round_id" IS NOT NULL;
