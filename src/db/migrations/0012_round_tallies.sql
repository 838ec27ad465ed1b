CREATE TABLE "round_tallies" (
	"round_id" text NOT NULL,
	"perspective" text NOT NULL,
	"state" jsonb NOT NULL,
	"handed_in" integer DEFAULT 0 NOT NULL,
	"personal" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "round_tallies_round_id_perspective_pk" PRIMARY KEY("round_id","perspective")
);
--> statement-breakpoint
DROP INDEX "checks_round_idx";--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "tallied_submissions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "round_tallies" ADD CONSTRAINT "round_tallies_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checks_round_seq_idx" ON "checks" USING btree ("round_id","submission_seq");