DROP INDEX "kennisbank_search_idx";--> statement-breakpoint
DROP INDEX "kennisbank_factors_idx";--> statement-breakpoint
DROP INDEX "kennisbank_words_trgm_idx";--> statement-breakpoint
CREATE INDEX "kennisbank_search_idx" ON "kennisbank_entries" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "kennisbank_factors_idx" ON "kennisbank_entries" USING gin ("factors") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "kennisbank_words_trgm_idx" ON "kennisbank_words" USING gin ("word" gin_trgm_ops) WITH (fastupdate=false);