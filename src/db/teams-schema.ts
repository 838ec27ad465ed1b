import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { StoredRoundSnapshot } from "../domain/teams/aggregation.ts";
import type { OrganisationKind, SnapshotContribution } from "../domain/teams/comparison.ts";
import type { Perspective } from "../domain/teams/perspectives.ts";
import type { Role } from "../domain/teams/roles.ts";
import type { RoundStatus } from "../domain/teams/rounds.ts";
import { user } from "./auth-schema.ts";

/** A team that measures its approach; everything of it is deleted with it (cascades). */
export const teams = pgTable("teams", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  organisation: text("organisation").notNull().default(""),
  region: text("region").notNull().default(""),
  /** Kind of organisation (a slug of ORGANISATION_KINDS, domain/teams/comparison.ts); null: not chosen. */
  organisationKind: text("organisation_kind").$type<OrganisationKind>(),
  /** A municipality of content/regions.yaml, chosen from the list; null: none chosen (the free-text region may name one). */
  municipality: text("municipality"),
  /** Opt-in: the team's closed rounds count, anonymously, in other teams' comparison with peers (and it sees its own). */
  shareAggregates: boolean("share_aggregates").notNull().default(false),
  /** Months after closing a round that its raw responses are kept (aggregates are kept). */
  retentionMonths: integer("retention_months").notNull().default(24),
  /** The day (Dutch time) the team plans its next round; null when none is planned. */
  nextRoundOn: date("next_round_on", { mode: "string" }),
  /** When the reminder of that planned round went to the coordinators (claimed once, cluster-wide); reset by a new date. */
  nextRoundReminderSentAt: timestamp("next_round_reminder_sent_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);

/**
 * Reusable invite links to join a team as member or co-coordinator, until they expire or a coordinator revokes them
 * (the row is deleted). Links from before expiry existed got the full period from the migration.
 */
export const teamInvites = pgTable(
  "team_invites",
  {
    token: text("token").primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull().default(sql`now() + interval '14 days'`),
  },
  (t) => [index("team_invites_team_idx").on(t.teamId)],
);

/** A measurement round: anonymous links per perspective, aggregated safely. */
export const rounds = pgTable(
  "rounds",
  {
    id: text("id").primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    toolId: text("tool_id").notNull(),
    threshold: integer("threshold").notNull().default(3),
    closesOn: date("closes_on"),
    status: text("status").$type<RoundStatus>().notNull().default("open"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /**
     * The release snapshot taken at closing, kept when the raw responses are deleted after the retention period;
     * versioned, read only through `readSnapshot` (domain/teams/aggregation.ts).
     */
    aggregates: jsonb("aggregates").$type<StoredRoundSnapshot>(),
    rawDeletedAt: timestamp("raw_deleted_at", { withTimezone: true }),
    /** Responses handed in so far; the source of each response's submission_seq. */
    submissions: integer("submissions").notNull().default(0),
    /**
     * How many of those hand-ins the round's tallies (round_tallies) include: equal to `submissions` while they are
     * current; less when a hand-in could not update them (then the next read catches them up from the raw responses).
     */
    talliedSubmissions: integer("tallied_submissions").notNull().default(0),
    /** The perspectives this round asks; rounds from before the choice ask the original three. */
    perspectives: text("perspectives").array().$type<Perspective[]>().notNull().default(sql`'{professional,youth,employer}'::text[]`),
    /** A B1 message to the young people who answered ("wat we met jullie antwoorden doen"), published after closing. */
    youthMessage: text("youth_message"),
    /** Perspectives whose open link is switched off: they answer through personal invitations only. */
    openLinksOff: text("open_links_off").array().$type<Perspective[]>().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [index("rounds_team_idx").on(t.teamId)],
);

/**
 * The release of one perspective of a round, kept up to date on every hand-in (in the hand-in's transaction, under
 * the round row's lock): the state of the fold in domain/teams/aggregation.ts (released and still waiting answer
 * counts per factor). Results, exports, trend and plan read these small rows instead of replaying raw responses.
 * Deleted with the raw responses after the retention period (the closing snapshot in rounds.aggregates stays).
 */
export const roundTallies = pgTable(
  "round_tallies",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    perspective: text("perspective").$type<Perspective>().notNull(),
    /** A `Tally` (domain/teams/aggregation.ts); never shown as such. */
    state: jsonb("state").notNull(),
    /** Responses of this perspective handed in, counted or not (below the minimum), and how many of them personally. */
    handedIn: integer("handed_in").notNull().default(0),
    personal: integer("personal").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.perspective] })],
);

export const roundInvites = pgTable(
  "round_invites",
  {
    token: text("token").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    perspective: text("perspective").$type<Perspective>().notNull(),
  },
  (t) => [index("round_invites_round_idx").on(t.roundId)],
);

/**
 * Personal single-use invitations sent by e-mail. Only a hash of the token is kept, and no address, no timestamp
 * and no reference to the response it started: "sent" is the number of rows, "used" those with used = true.
 */
export const roundPersonalInvites = pgTable(
  "round_personal_invites",
  {
    tokenHash: text("token_hash").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    perspective: text("perspective").$type<Perspective>().notNull(),
    used: boolean("used").notNull().default(false),
  },
  (t) => [index("round_personal_invites_round_idx").on(t.roundId)],
);

/**
 * Read-only links to a round's management summary, made by a coordinator for a manager or alderman. The token is the
 * only key; a link works through its `expiresOn` day (inclusive, Dutch time) and until revoked. Deleted with its round.
 */
export const managementLinks = pgTable(
  "management_links",
  {
    token: text("token").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresOn: date("expires_on").notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("management_links_round_idx").on(t.roundId)],
);

/**
 * The cross-organisation spiegel: team A's coordinator invites team B with a code (passed on out of band); when B's
 * coordinator accepts it both teams see each other's round mirror. Either side withdrawing deletes the row.
 */
export const teamSpiegels = pgTable(
  "team_spiegels",
  {
    id: text("id").primaryKey(),
    /** The invitation code (a secret id); useless once accepted. */
    code: text("code").notNull().unique(),
    inviterTeamId: text("inviter_team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    /** Null until a coordinator of the invited team accepts. */
    inviteeTeamId: text("invitee_team_id").references(() => teams.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  },
  (t) => [index("team_spiegels_inviter_idx").on(t.inviterTeamId), index("team_spiegels_invitee_idx").on(t.inviteeTeamId)],
);

/**
 * The weekly frozen peer pool of a tool (decision 0043): made on the first comparison request of an ISO week (Monday
 * 00:00 Europe/Amsterdam) from every sharing team's latest closed round, and used all that week, so switching sharing,
 * renames and newly closed rounds count from the next week. Server-side only (team ids); older weeks are deleted when
 * a new week's pool is made.
 */
export const comparisonSnapshots = pgTable(
  "comparison_snapshots",
  {
    toolId: text("tool_id").notNull(),
    /** The Monday of the week (Dutch calendar). */
    weekStart: date("week_start", { mode: "string" }).notNull(),
    contributions: jsonb("contributions").$type<SnapshotContribution[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.toolId, t.weekStart] })],
);

// The team verbeterplan lives in plan_themes / plan_actions (schema.ts), with the personal plans.
