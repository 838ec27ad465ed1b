CREATE TABLE "kennisbank_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kennisbank_entries" ADD COLUMN "title_search" "tsvector" GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, title)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "kennisbank_words_trgm_idx" ON "kennisbank_words" USING gin ("word" gin_trgm_ops);