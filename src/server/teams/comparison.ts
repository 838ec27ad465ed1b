import { and, desc, eq, gt, inArray, isNull, lt, ne, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { comparisonSnapshots, rounds, teamSpiegels, teams } from "../../db/schema.ts";
import type { Tool } from "../../domain/content/schema.ts";
import { addDays, dutchWeekStart } from "../../domain/dates.ts";
import { isVisible, type PerspectiveResult } from "../../domain/teams/aggregation.ts";
import {
  type ComparisonFilter,
  comparePeers,
  municipalityNamed,
  organisationKey,
  type SnapshotContribution,
  teamMunicipality,
  weeklyPool,
} from "../../domain/teams/comparison.ts";
import { HttpError, notFound } from "../errors.ts";
import { newSecretId } from "../ids.ts";
import { DEFAULT_CONTENT_DIR, loadRegionsFile, regionsOf } from "../kennisbank/regions.ts";
import { type RoundRecord, roundAggregates } from "./rounds.ts";

/*
 * The comparison with peers and the cross-organisation spiegel (decision 0043). Figures come only from the released
 * aggregates of closed rounds (`roundAggregates`: tallies or the kept snapshot), never from raw answers; the rules are
 * in domain/teams/comparison.ts. Peers are read from the week's frozen pool (table comparison_snapshots), so that
 * switching sharing, renames and newly closed rounds count from the next Monday, never within a week.
 */

type TeamRow = typeof teams.$inferSelect;
type ToolOf = (toolId: string) => Tool | undefined;

/** A municipality as sent by the settings form: the list's spelling, or a 400 when it is not on the list. */
export function checkedMunicipality(name: string | null | undefined): string | null | undefined {
  if (name === undefined || name === null) return name;
  const found = municipalityNamed(name, regionsOf());
  if (!found) throw new HttpError(400, "Kies een gemeente uit de lijst.", "municipality");
  return found.name;
}

let municipalities: { name: string; province: string }[] | undefined;
/** The municipalities of content/regions.yaml by name (Dutch order), read once. */
export function municipalityList(): { name: string; province: string }[] {
  municipalities ??= loadRegionsFile(DEFAULT_CONTENT_DIR)
    .municipalities.map((m) => ({ name: m.name, province: m.province }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  return municipalities;
}

/** Where a team stands for the comparison: its organisation key, kind, province and labour-market region. */
function standing(team: TeamRow) {
  const municipality = teamMunicipality(team, regionsOf());
  return {
    organisation: organisationKey(team.organisation, municipality, team.region),
    kind: team.organisationKind ?? null,
    province: municipality?.province ?? null,
    labourRegion: municipality?.labourRegion ?? null,
  };
}

/** The team's latest closed round (of `toolId` when given), or undefined. */
async function latestClosedRound(db: Db, teamId: string, toolId?: string): Promise<RoundRecord | undefined> {
  const [round] = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.teamId, teamId), toolId === undefined ? undefined : eq(rounds.toolId, toolId), eq(rounds.status, "closed")))
    .orderBy(desc(rounds.closedAt), desc(rounds.startedAt))
    .limit(1);
  return round;
}

/** What every sharing team brings for a tool: its latest closed round, once. */
async function currentContributions(db: Db, tool: Tool): Promise<SnapshotContribution[]> {
  const sharing = await db.select().from(teams).where(eq(teams.shareAggregates, true));
  const found = await Promise.all(
    sharing.map(async (team): Promise<SnapshotContribution | null> => {
      const round = await latestClosedRound(db, team.id, tool.id);
      if (!round) return null;
      return { teamId: team.id, ...standing(team), toolId: tool.id, results: await roundAggregates(db, round, tool) };
    }),
  );
  return found.filter((c): c is SnapshotContribution => c !== null);
}

/**
 * The frozen peer pool of a tool for the week starting `weekStart`, made by the first request of that week. Several
 * processes may make it at once: the first insert wins (ON CONFLICT DO NOTHING) and everyone reads that row back.
 * Making a new week's pool deletes the pools of earlier weeks.
 */
async function weekSnapshot(db: Db, tool: Tool, weekStart: string): Promise<SnapshotContribution[]> {
  const stored = () =>
    db
      .select({ contributions: comparisonSnapshots.contributions })
      .from(comparisonSnapshots)
      .where(and(eq(comparisonSnapshots.toolId, tool.id), eq(comparisonSnapshots.weekStart, weekStart)));
  const [existing] = await stored();
  if (existing) return existing.contributions;
  const contributions = await currentContributions(db, tool);
  await db.insert(comparisonSnapshots).values({ toolId: tool.id, weekStart, contributions }).onConflictDoNothing();
  await db.delete(comparisonSnapshots).where(lt(comparisonSnapshots.weekStart, weekStart));
  const [made] = await stored();
  if (!made) throw new Error("comparison snapshot not stored");
  return made.contributions;
}

/** The week a comparison at `now` uses, and the Monday from which changes made now count. */
function weekOf(now: Date) {
  const weekStart = dutchWeekStart(now);
  return { weekStart, nextWeekStart: addDays(weekStart, 7) };
}

export type ComparisonQuery = { kind?: TeamRow["organisationKind"]; area?: "province" | "labourRegion" };

/**
 * A round of `round.teamId` next to comparable teams, from this week's frozen pool; nothing while the team is not in
 * that pool (reciprocity: it did not share, or had no closed round of the tool, when the week's pool was made). The
 * team's organisation key and place are the ones frozen in the pool, so a rename counts from the next week.
 */
export async function comparisonOf(db: Db, round: RoundRecord, tool: Tool, query: ComparisonQuery, now: Date) {
  const [team] = await db.select().from(teams).where(eq(teams.id, round.teamId));
  if (!team) throw notFound("Team");
  const week = weekOf(now);
  const pool = weeklyPool(team.id, await weekSnapshot(db, tool, week.weekStart));
  const base = {
    round: { id: round.id, name: round.name },
    sharing: team.shareAggregates,
    pool: { ...week, included: pool.included },
  };
  if (!pool.included) {
    const filter: ComparisonFilter = { kind: query.kind ?? null, area: null, areaName: null };
    return { ...base, filter: { ...filter, applied: false }, perspectives: [] };
  }
  const own = pool.own;
  const areaName = query.area === "province" ? own.province : query.area === "labourRegion" ? own.labourRegion : null;
  const filter: ComparisonFilter = { kind: query.kind ?? null, area: areaName ? (query.area ?? null) : null, areaName };
  const results = await roundAggregates(db, round, tool);
  const themeItems = tool.themes.map((t) => ({ id: t.id, items: t.items.map((i) => i.id) }));
  const { filtered, perspectives } = comparePeers(
    { organisation: own.organisation, toolId: tool.id, results },
    themeItems,
    pool.others,
    filter,
  );
  return { ...base, filter: { ...filter, applied: filtered }, perspectives };
}

/** Switches sharing; it counts from the next week's pool (`takesEffectOn`, a Monday). */
export async function setSharing(db: Db, teamId: string, share: boolean, now: Date) {
  await db.update(teams).set({ shareAggregates: share }).where(eq(teams.id, teamId));
  return { shareAggregates: share, takesEffectOn: weekOf(now).nextWeekStart };
}

// --- The cross-organisation spiegel ---------------------------------------------------------------------------

const ofTeam = (teamId: string) => or(eq(teamSpiegels.inviterTeamId, teamId), eq(teamSpiegels.inviteeTeamId, teamId));

/** How long an invitation code can be accepted: as long as a team invitation, so a code found later is useless. */
export const SPIEGEL_CODE_DAYS = 14;

export async function createSpiegel(db: Db, teamId: string, now: Date) {
  const row = { id: newSecretId(), code: newSecretId(), inviterTeamId: teamId, createdAt: now };
  const [stored] = await db.insert(teamSpiegels).values(row).returning();
  if (!stored) throw new Error("spiegel not stored");
  return stored;
}

/** The spiegels of a team: pending invitations it made (codes for coordinators only) and the agreed ones. */
export async function listSpiegels(db: Db, teamId: string, coordinator: boolean) {
  const rows = await db.select().from(teamSpiegels).where(ofTeam(teamId)).orderBy(desc(teamSpiegels.createdAt));
  const otherIds = rows.flatMap((r) => (r.inviteeTeamId ? [r.inviterTeamId === teamId ? r.inviteeTeamId : r.inviterTeamId] : []));
  const names = new Map(
    otherIds.length === 0
      ? []
      : (await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, otherIds))).map((t) => [t.id, t.name]),
  );
  return rows.map((r) => {
    const invitedByUs = r.inviterTeamId === teamId;
    const other = r.inviteeTeamId ? (invitedByUs ? r.inviteeTeamId : r.inviterTeamId) : null;
    return {
      id: r.id,
      code: invitedByUs && coordinator && !r.inviteeTeamId ? r.code : null,
      invitedByUs,
      createdAt: r.createdAt,
      acceptedAt: r.acceptedAt,
      otherTeamName: other ? (names.get(other) ?? null) : null,
    };
  });
}

/** Accepts an invitation code for `teamId`: an unknown, used or own code is one 404 (which of them is not told). */
export async function acceptSpiegel(db: Db, teamId: string, code: string, now: Date): Promise<string> {
  const validFrom = new Date(now.getTime() - SPIEGEL_CODE_DAYS * 24 * 60 * 60 * 1000);
  const [row] = await db
    .update(teamSpiegels)
    .set({ inviteeTeamId: teamId, acceptedAt: now })
    .where(
      and(
        eq(teamSpiegels.code, code),
        isNull(teamSpiegels.inviteeTeamId),
        ne(teamSpiegels.inviterTeamId, teamId),
        gt(teamSpiegels.createdAt, validFrom),
      ),
    )
    .returning({ id: teamSpiegels.id });
  if (!row) throw notFound("Uitnodigingscode");
  return row.id;
}

/** Either team ends the spiegel (or withdraws its pending invitation): gone for both. */
export async function withdrawSpiegel(db: Db, teamId: string, spiegelId: string): Promise<void> {
  const gone = await db
    .delete(teamSpiegels)
    .where(and(eq(teamSpiegels.id, spiegelId), ofTeam(teamId)))
    .returning({ id: teamSpiegels.id });
  if (gone.length === 0) throw notFound("Spiegel");
}

type Side = {
  teamName: string;
  ours: boolean;
  round: { name: string; closedAt: Date | null } | null;
  perspectives: {
    perspective: PerspectiveResult["perspective"];
    responses: number;
    visible: boolean;
    themes: { id: string; mean: number | null; factors: { id: string; mean: number | null }[] }[];
  }[];
};

/** Released figures only: what the team's own results show, per perspective, per theme and factor. */
function sideOf(team: TeamRow, ours: boolean, round: RoundRecord | undefined, results: PerspectiveResult[], tool: Tool | undefined): Side {
  return {
    teamName: team.name,
    ours,
    round: round ? { name: round.name, closedAt: round.closedAt } : null,
    perspectives: results.map((r) => {
      const visible = isVisible(r);
      const themeMean = new Map(visible ? r.themes.map((t) => [t.id, t.mean]) : []);
      const itemMean = new Map(visible ? r.items.map((i) => [i.id, i.mean]) : []);
      return {
        perspective: r.perspective,
        responses: r.responses,
        visible,
        themes: (tool?.themes ?? []).map((theme) => ({
          id: theme.id,
          mean: themeMean.get(theme.id) ?? null,
          factors: theme.items.filter((i) => !visible || itemMean.has(i.id)).map((i) => ({ id: i.id, mean: itemMean.get(i.id) ?? null })),
        })),
      };
    }),
  };
}

/**
 * Both teams' latest closed round side by side, once both coordinators agreed; the tool is that of the asking team's
 * latest closed round (the other team's latest closed round of the same tool). 404 for anything not agreed.
 */
export async function spiegelMirror(db: Db, teamId: string, spiegelId: string, toolOf: ToolOf) {
  const [row] = await db
    .select()
    .from(teamSpiegels)
    .where(and(eq(teamSpiegels.id, spiegelId), ofTeam(teamId)));
  if (!row?.inviteeTeamId) throw notFound("Spiegel");
  const otherId = row.inviterTeamId === teamId ? row.inviteeTeamId : row.inviterTeamId;
  const found = await db
    .select()
    .from(teams)
    .where(inArray(teams.id, [teamId, otherId]));
  const ours = found.find((t) => t.id === teamId);
  const theirs = found.find((t) => t.id === otherId);
  if (!ours || !theirs) throw notFound("Spiegel");
  const latest = await latestClosedRound(db, teamId);
  const tool = latest ? toolOf(latest.toolId) : undefined;
  if (!latest || !tool)
    return { toolId: null, teams: [sideOf(ours, true, undefined, [], tool), sideOf(theirs, false, undefined, [], tool)] };
  const other = await latestClosedRound(db, otherId, tool.id);
  return {
    toolId: tool.id,
    teams: [
      sideOf(ours, true, latest, await roundAggregates(db, latest, tool), tool),
      sideOf(theirs, false, other, other ? await roundAggregates(db, other, tool) : [], tool),
    ],
  };
}
