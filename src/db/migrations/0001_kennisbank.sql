CREATE TABLE "kennisbank_entries" (
	"slug" text PRIMARY KEY NOT NULL,
	"origin" text NOT NULL,
	"status" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"organisation" text,
	"region" text,
	"category" text,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"factors" text[] DEFAULT '{}'::text[] NOT NULL,
	"key_elements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" jsonb,
	"link" text,
	"submission_token" text,
	"rejection_reason" text,
	"search" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "kennisbank_entries_submission_token_unique" UNIQUE("submission_token")
);
--> statement-breakpoint
CREATE INDEX "kennisbank_search_idx" ON "kennisbank_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "kennisbank_factors_idx" ON "kennisbank_entries" USING gin ("factors");--> statement-breakpoint
CREATE INDEX "kennisbank_status_idx" ON "kennisbank_entries" USING btree ("status");