import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** One filled-in check. Answers live in one JSONB object so a patch is applied atomically in one statement. */
export const checks = pgTable("checks", {
  id: text("id").primaryKey(),
  toolId: text("tool_id").notNull(),
  toolVersion: text("tool_version").notNull(),
  answers: jsonb("answers").$type<Record<string, number | "nvt">>().notNull().default(sql`'{}'::jsonb`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The free-text verbeterplan of one theme of a check. */
export const planThemes = pgTable(
  "plan_themes",
  {
    checkId: text("check_id")
      .notNull()
      .references(() => checks.id, { onDelete: "cascade" }),
    themeId: text("theme_id").notNull(),
    text: text("text").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.themeId] })],
);

/** A concrete action of a verbeterplan. */
export const planActions = pgTable(
  "plan_actions",
  {
    id: text("id").primaryKey(),
    checkId: text("check_id")
      .notNull()
      .references(() => checks.id, { onDelete: "cascade" }),
    themeId: text("theme_id").notNull(),
    factorId: text("factor_id"),
    what: text("what").notNull(),
    who: text("who").notNull().default(""),
    when: text("when_date"),
    status: text("status").$type<"open" | "bezig" | "klaar">().notNull().default("open"),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_actions_check_idx").on(t.checkId)],
);
