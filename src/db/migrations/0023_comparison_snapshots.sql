CREATE TABLE "comparison_snapshots" (
	"tool_id" text NOT NULL,
	"week_start" date NOT NULL,
	"contributions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comparison_snapshots_tool_id_week_start_pk" PRIMARY KEY("tool_id","week_start")
);
