import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import type { Answers } from "../domain/checks/answers.ts";
import type { ActionStatus } from "../domain/checks/plan.ts";
import type { EntryType, EvidenceLevel, KennisbankSource } from "../domain/kennisbank/schema.ts";
import type { Perspective } from "../domain/teams/perspectives.ts";
import type { ResponseChannel } from "../domain/teams/rounds.ts";
import { user } from "./auth-schema.ts";
import { rounds, teams } from "./teams-schema.ts";

/** PostgreSQL full-text document; written with to_tsvector('dutch', …), never read back. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** One filled-in check. Answers live in one JSONB object so a patch is applied atomically in one statement. */
export const checks = pgTable(
  "checks",
  {
    id: text("id").primaryKey(),
    toolId: text("tool_id").notNull(),
    toolVersion: text("tool_version").notNull(),
    answers: jsonb("answers").$type<Answers>().notNull().default(sql`'{}'::jsonb`),
    /** Set for a respondent's check in a measurement round; no name, e-mail or address is stored with it. */
    roundId: text("round_id").references((): AnyPgColumn => rounds.id, { onDelete: "cascade" }),
    perspective: text("perspective").$type<Perspective>(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /**
     * Place of a handed-in response in its round (1, 2, …), handed out under a lock on the round so it follows commit
     * order: results are released in steps along it and must never be recomputed in another order.
     */
    submissionSeq: integer("submission_seq"),
    /**
     * How a respondent came in: the open link of a perspective, the open link on a shared device (kiosk; the response
     * cannot be opened again once handed in) or a personal single-use invitation.
     */
    channel: text("channel").$type<ResponseChannel>(),
    /** For a respondent's check (round_id set) created_at, updated_at and submitted_at hold the day only (00:00 UTC). */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The (Dutch) day the check was last opened or saved: a solo check (no round_id) not opened for
     * SOLO_CHECK_RETENTION_MONTHS is deleted. Day precision on purpose; written only when the day changes.
     */
    lastOpenedOn: date("last_opened_on").notNull().default(sql`CURRENT_DATE`),
  },
  (t) => [
    // Serves every query by round, and reading a round's hand-ins in order (keyset pages along submission_seq).
    index("checks_round_seq_idx").on(t.roundId, t.submissionSeq),
    index("checks_solo_last_opened_idx").on(t.lastOpenedOn).where(sql`${t.roundId} IS NULL`),
  ],
);

/**
 * The verbeterplan of a check (personal) or of a team, in one pair of tables: every row belongs to exactly one owner,
 * `check_id` or `team_id` (the CHECK constraints), and goes with it (cascades). Migration 0018 merged the former
 * team_plan_themes / team_plan_actions into these (decision 0031). Service: server/plans/service.ts.
 */
export const planThemes = pgTable(
  "plan_themes",
  {
    checkId: text("check_id").references(() => checks.id, { onDelete: "cascade" }),
    teamId: text("team_id").references(() => teams.id, { onDelete: "cascade" }),
    themeId: text("theme_id").notNull(),
    text: text("text").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // NULLs are distinct in a unique index, so each owner kind has one text per theme and the other kind never clashes.
    unique("plan_themes_check_theme_key").on(t.checkId, t.themeId),
    unique("plan_themes_team_theme_key").on(t.teamId, t.themeId),
    check("plan_themes_one_owner", sql`(${t.checkId} IS NULL) <> (${t.teamId} IS NULL)`),
  ],
);

/** A concrete action of a verbeterplan (personal or team, see planThemes). */
export const planActions = pgTable(
  "plan_actions",
  {
    id: text("id").primaryKey(),
    checkId: text("check_id").references(() => checks.id, { onDelete: "cascade" }),
    teamId: text("team_id").references(() => teams.id, { onDelete: "cascade" }),
    themeId: text("theme_id").notNull(),
    factorId: text("factor_id"),
    what: text("what").notNull(),
    /** Who does it, as free text. */
    who: text("who").notNull().default(""),
    when: text("when_date"),
    status: text("status").$type<ActionStatus>().notNull().default("open"),
    /** Order within the owner's plan: new actions go last. */
    position: integer("position").notNull().default(0),
    /** Team actions: the member who owns it (null when none, or once that account is deleted). */
    ownerUserId: text("owner_user_id").references(() => user.id, { onDelete: "set null" }),
    /** Team actions: the round during which the action was made; its factor's score change is shown from there. */
    createdInRoundId: text("created_in_round_id").references(() => rounds.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plan_actions_check_idx").on(t.checkId),
    index("plan_actions_team_idx").on(t.teamId),
    index("plan_actions_owner_user_idx").on(t.ownerUserId),
    check("plan_actions_one_owner", sql`(${t.checkId} IS NULL) <> (${t.teamId} IS NULL)`),
  ],
);

/**
 * Kennisbank entries: the ones from content/kennisbank (origin "content", loaded at start-up) and projects that
 * organisations submit (origin "submission", visible only once a moderator approved them).
 */
export const kennisbankEntries = pgTable(
  "kennisbank_entries",
  {
    slug: text("slug").primaryKey(),
    origin: text("origin").$type<"content" | "submission">().notNull(),
    status: text("status").$type<"pending" | "published" | "rejected">().notNull(),
    type: text("type").$type<EntryType>().notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    organisation: text("organisation"),
    region: text("region"),
    category: text("category"),
    targetGroups: text("target_groups").array().notNull().default(sql`'{}'::text[]`),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    factors: text("factors").array().notNull().default(sql`'{}'::text[]`),
    keyElements: jsonb("key_elements").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    results: jsonb("results").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    source: jsonb("source").$type<{ document: KennisbankSource; where?: string } | null>(),
    link: text("link"),
    /** Whom to contact (organisation, role or general address), financing, period, target group size: free text. */
    contact: text("contact"),
    financing: text("financing"),
    period: text("period"),
    targetGroupSize: text("target_group_size"),
    /** A databank's evidence level where a source states it (EVIDENCE_LEVELS), else "niet beoordeeld". */
    evidenceLevel: text("evidence_level").$type<EvidenceLevel>().notNull().default("niet beoordeeld"),
    /** The places `region` names (content/regions.yaml; a municipality brings its region and province along). */
    municipalities: text("municipalities").array().notNull().default(sql`'{}'::text[]`),
    labourRegions: text("labour_regions").array().notNull().default(sql`'{}'::text[]`),
    provinces: text("provinces").array().notNull().default(sql`'{}'::text[]`),
    /** `region` says "landelijk". */
    national: boolean("national").notNull().default(false),
    /** The organisations `organisation` names, as facet values (organisationNames). */
    organisations: text("organisations").array().notNull().default(sql`'{}'::text[]`),
    /** Secret (144 random bits) with which a submitter follows their submission; no contact data is kept. */
    submissionToken: text("submission_token").unique(),
    rejectionReason: text("rejection_reason"),
    /** Dutch full-text document: title (A) > summary, organisation, region (B) > body and the rest (C). */
    search: tsvector("search").notNull(),
    /** The title alone (Dutch), kept by the database, so ranking title matches first costs no work per query. */
    titleSearch: tsvector("title_search").notNull().generatedAlwaysAs(sql`to_tsvector('dutch'::regconfig, title)`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (t) => [
    // GIN without a pending list (fastupdate off): PGlite runs no vacuum, so pending entries would never be merged
    // and every search would read them one by one. Entries are written rarely; the writes pay instead.
    index("kennisbank_search_idx").using("gin", t.search).with({ fastupdate: false }),
    index("kennisbank_factors_idx").using("gin", t.factors).with({ fastupdate: false }),
    index("kennisbank_status_idx").on(t.status),
  ],
);

/**
 * Every distinct word (lower case, 3–60 letters or digits) of the published kennisbank entries: the vocabulary into
 * which search expands a query word (prefixes, compounds, small typos; pg_trgm) before the full-text match. Rebuilt
 * when the content is loaded, extended when a submission is approved; a word left over from an entry that was
 * removed since only adds a term that matches nothing.
 */
export const kennisbankWords = pgTable("kennisbank_words", { word: text("word").primaryKey() }, (t) => [
  index("kennisbank_words_trgm_idx").using("gin", t.word.op("gin_trgm_ops")).with({ fastupdate: false }),
]);

/**
 * A counter bumped, in the same transaction, by every change to what kennisbank search can find (content loaded, a
 * submission moderated). Each instance caches search results for the value it reads first, so a change made through
 * any instance is seen by all at once. One row (id 1), written by the first change.
 */
export const kennisbankVersion = pgTable("kennisbank_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});
/**
 * Secrets the app generates once for the whole cluster (PostgreSQL): `app` signs sessions and cookies when APP_SECRET
 * is not given. Inserted with ON CONFLICT DO NOTHING and read back, so instances starting together agree.
 */
export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Rate-limit counters shared by every instance (server/ratelimit): one row per limit and client (address or account,
 * as a keyed hash, never in plain text), counted with one atomic upsert per hit; rows past `reset_at` are swept.
 */
export const rateLimitHits = pgTable("rate_limit_hits", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
});

export * from "./auth-schema.ts";
export * from "./teams-schema.ts";

/**
 * What start-up last loaded into the database from content/ (the kennisbank entries), as a hash of its inputs: the
 * files and the code that turns them into rows. An unchanged hash means there is nothing to load, so a restart skips
 * parsing and upserting them (src/server/content-state.ts).
 */
export const contentState = pgTable("content_state", {
  name: text("name").primaryKey(),
  hash: text("hash").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
});
