CREATE TABLE "round_personal_invites" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"perspective" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checks" ADD COLUMN "submission_seq" integer;--> statement-breakpoint
ALTER TABLE "checks" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "submissions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "round_personal_invites" ADD CONSTRAINT "round_personal_invites_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "round_personal_invites_round_idx" ON "round_personal_invites" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "checks_round_idx" ON "checks" USING btree ("round_id");--> statement-breakpoint
UPDATE "checks" SET "submission_seq" = s."seq" FROM (SELECT "id", row_number() OVER (PARTITION BY "round_id" ORDER BY "submitted_at", "id") AS "seq" FROM "checks" WHERE "round_id" IS NOT NULL AND "submitted_at" IS NOT NULL) s WHERE "checks"."id" = s."id";--> statement-breakpoint
UPDATE "rounds" SET "submissions" = (SELECT count(*) FROM "checks" WHERE "checks"."round_id" = "rounds"."id" AND "checks"."submitted_at" IS NOT NULL);--> statement-breakpoint
UPDATE "checks" SET "channel" = 'open' WHERE "round_id" IS NOT NULL;
