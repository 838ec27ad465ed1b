ALTER TABLE "kennisbank_entries" ADD COLUMN "contact" text;--> statement-breakpoint
ALTER TABLE "kennisbank_entries" ADD COLUMN "financing" text;--> statement-breakpoint
ALTER TABLE "kennisbank_entries" ADD COLUMN "period" text;--> statement-breakpoint
ALTER TABLE "kennisbank_entries" ADD COLUMN "target_group_size" text;--> statement-breakpoint
ALTER TABLE "kennisbank_entries" ADD COLUMN "evidence_level" text DEFAULT 'niet beoordeeld' NOT NULL;--> statement-breakpoint
ALTER TABLE "kennisbank_entries" ADD COLUMN "municipalities" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "kennisbank_entries" ADD COLUMN "labour_regions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "kennisbank_entries" ADD COLUMN "provinces" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "kennisbank_entries" ADD COLUMN "national" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kennisbank_entries" ADD COLUMN "organisations" text[] DEFAULT '{}'::text[] NOT NULL;