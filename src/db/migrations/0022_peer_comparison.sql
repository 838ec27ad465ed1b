CREATE TABLE "team_spiegels" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"inviter_team_id" text NOT NULL,
	"invitee_team_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "team_spiegels_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "organisation_kind" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "municipality" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "share_aggregates" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "team_spiegels" ADD CONSTRAINT "team_spiegels_inviter_team_id_teams_id_fk" FOREIGN KEY ("inviter_team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_spiegels" ADD CONSTRAINT "team_spiegels_invitee_team_id_teams_id_fk" FOREIGN KEY ("invitee_team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_spiegels_inviter_idx" ON "team_spiegels" USING btree ("inviter_team_id");--> statement-breakpoint
CREATE INDEX "team_spiegels_invitee_idx" ON "team_spiegels" USING btree ("invitee_team_id");