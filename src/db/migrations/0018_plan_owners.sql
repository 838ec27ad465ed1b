-- One plan stack for both owners (decision 0031): the team plan moves into plan_themes / plan_actions, where every
-- row belongs to exactly one owner, a check (check_id) or a team (team_id). Team columns are renamed on the way:
-- owner_text -> who, due -> when_date; team actions get positions in the order they were made.
ALTER TABLE "plan_themes" DROP CONSTRAINT "plan_themes_check_id_theme_id_pk";--> statement-breakpoint
ALTER TABLE "plan_actions" ALTER COLUMN "check_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_themes" ALTER COLUMN "check_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "team_id" text;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "owner_user_id" text;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "created_in_round_id" text;--> statement-breakpoint
ALTER TABLE "plan_themes" ADD COLUMN "team_id" text;--> statement-breakpoint
INSERT INTO "plan_themes" ("team_id", "theme_id", "text", "updated_at")
  SELECT "team_id", "theme_id", "text", "updated_at" FROM "team_plan_themes";--> statement-breakpoint
INSERT INTO "plan_actions" ("id", "team_id", "theme_id", "factor_id", "what", "who", "when_date", "status", "position", "owner_user_id", "created_in_round_id", "created_at")
  SELECT "id", "team_id", "theme_id", "factor_id", "what", "owner_text", "due", "status",
    row_number() OVER (PARTITION BY "team_id" ORDER BY "created_at", "id"), "owner_user_id", "created_in_round_id", "created_at"
  FROM "team_plan_actions";--> statement-breakpoint
DROP TABLE "team_plan_actions" CASCADE;--> statement-breakpoint
DROP TABLE "team_plan_themes" CASCADE;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_owner_user_id_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_created_in_round_id_rounds_id_fk" FOREIGN KEY ("created_in_round_id") REFERENCES "public"."rounds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_themes" ADD CONSTRAINT "plan_themes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_actions_team_idx" ON "plan_actions" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "plan_actions_owner_user_idx" ON "plan_actions" USING btree ("owner_user_id");--> statement-breakpoint
ALTER TABLE "plan_themes" ADD CONSTRAINT "plan_themes_check_theme_key" UNIQUE("check_id","theme_id");--> statement-breakpoint
ALTER TABLE "plan_themes" ADD CONSTRAINT "plan_themes_team_theme_key" UNIQUE("team_id","theme_id");--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_one_owner" CHECK (("plan_actions"."check_id" IS NULL) <> ("plan_actions"."team_id" IS NULL));--> statement-breakpoint
ALTER TABLE "plan_themes" ADD CONSTRAINT "plan_themes_one_owner" CHECK (("plan_themes"."check_id" IS NULL) <> ("plan_themes"."team_id" IS NULL));
