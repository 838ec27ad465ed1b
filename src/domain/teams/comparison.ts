import { z } from "zod";
import { normaliseName, placesOf, type RegionIndex } from "../kennisbank/regions.ts";
import { isVisible, type PerspectiveResult } from "./aggregation.ts";
import { PERSPECTIVES, type Perspective } from "./perspectives.ts";

/*
 * Comparison with peers (opt-in) and the structured team fields it rests on. Pure rules, documented in
 * docs/decisions/0043-peer-comparison-distinct-organisations.md:
 *
 * - Who counts: an organisation is the normalised organisation name plus the municipality (`organisationKey`). Several
 *   teams of one organisation are one contributor: their figures are averaged first, then the organisations are.
 *   Teams without an organisation name contribute nothing (they cannot be told apart).
 * - When a figure is shown: only when at least MIN_PEER_ORGANISATIONS distinct organisations other than the team's own
 *   contribute to that very figure (factor or theme, per perspective).
 * - How it is shown: the peers' average rounded to a step of PEER_STEP, the number of organisations only as a band.
 *   What that guarantees against differencing is `differencingRange` (tested in comparison.test.ts).
 */

/** Kinds of organisation, as stable slugs (the Dutch labels live in the web's texts). */
export const ORGANISATION_KINDS = [
  "gemeente",
  "rmc",
  "school-vo",
  "school-mbo",
  "zorg-welzijn",
  "werkgeversservicepunt",
  "uwv",
  "jongerenwerk",
  "anders",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const organisationKindSchema = z.enum(ORGANISATION_KINDS, { message: "kies een soort organisatie uit de lijst" });

/** At least this many distinct organisations other than the team's own behind every peer figure. */
export const MIN_PEER_ORGANISATIONS = 5;
/** Peer averages are shown in steps of this size on the 1–10 scale. */
export const PEER_STEP = 0.5;

/** The organisation count as shown: a band, never the exact number. */
export type OrganisationBand = "5–9" | "10+";
export function organisationBand(count: number): OrganisationBand | null {
  if (count < MIN_PEER_ORGANISATIONS) return null;
  return count < 10 ? "5–9" : "10+";
}

/** An average as shown to peers: the nearest step of PEER_STEP, within the scale (1–10). */
export function steppedAverage(value: number): number {
  const stepped = Math.round(value / PEER_STEP) * PEER_STEP;
  return Math.min(10, Math.max(1, stepped));
}

/** A municipality from content/regions.yaml with its labour-market region and province. */
export type Municipality = { name: string; labourRegion: string | null; province: string | null };

/** The municipality named `name` exactly (any spelling the regions file knows), or null. */
export function municipalityNamed(name: string | null | undefined, index: RegionIndex): Municipality | null {
  if (!name) return null;
  const place = index.municipality.get(normaliseName(name));
  return place ? { name: place.name, labourRegion: place.region ?? null, province: place.provinces[0] ?? null } : null;
}

/**
 * A team's municipality: the one chosen, else the one its free-text region or organisation names (exactly one
 * municipality; "Gemeente Leeuwarden", "Leeuwarden"), else none. The free text itself is always kept.
 */
export function teamMunicipality(
  team: { municipality: string | null; region: string; organisation: string },
  index: RegionIndex,
): Municipality | null {
  const chosen = municipalityNamed(team.municipality, index);
  if (chosen) return chosen;
  for (const text of [team.region, team.organisation]) {
    const places = placesOf(text, index);
    if (places.municipalities.length === 1) return municipalityNamed(places.municipalities[0], index);
  }
  return null;
}

/**
 * Who a team belongs to for counting: normalised organisation name + municipality (or the normalised free-text
 * region when no municipality is known). Null when the team gave no organisation name: it then contributes nothing.
 */
export function organisationKey(organisation: string, municipality: Municipality | null, region: string): string | null {
  const name = normaliseName(organisation).replace(/^gemeente /, "");
  if (!name) return null;
  // "Gemeente Utrecht" in Utrecht and "Utrecht" in Utrecht are the same organisation.
  return `${name}|${municipality ? normaliseName(municipality.name) : normaliseName(region)}`;
}

/** What one sharing team brings: the disclosed figures of its latest closed round, and where it stands. */
export type PeerContribution = {
  organisation: string | null;
  toolId: string;
  kind: OrganisationKind | null;
  province: string | null;
  labourRegion: string | null;
  results: PerspectiveResult[];
};

/**
 * One team's contribution as frozen in the week's peer pool (table comparison_snapshots, server-side only): the
 * contribution plus the team it came from, so that the pool knows who is in it (reciprocity) and which organisation
 * key the asking team had when the pool was made (renames count from the next week).
 */
export type SnapshotContribution = PeerContribution & { teamId: string };

/**
 * The peer pool of a week, from the frozen contributions: whether `teamId` is in it (only then does it see the
 * comparison) and, if so, its own contribution as frozen (organisation key, place) and every other team's.
 */
export function weeklyPool(
  teamId: string,
  snapshot: readonly SnapshotContribution[],
): { included: false } | { included: true; own: SnapshotContribution; others: SnapshotContribution[] } {
  const own = snapshot.find((c) => c.teamId === teamId);
  if (!own) return { included: false };
  return { included: true, own, others: snapshot.filter((c) => c.teamId !== teamId) };
}

export type ComparisonFilter = { kind: OrganisationKind | null; area: "province" | "labourRegion" | null; areaName: string | null };

export type PeerFigure = { id: string; own: number | null; peers: number | null; organisations: OrganisationBand | null };
export type PerspectiveComparison = { perspective: Perspective; themes: (PeerFigure & { factors: PeerFigure[] })[] };

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Per figure id (theme or factor) per organisation: that organisation's figures (one per team). */
type Collected = Map<string, Map<string, number[]>>;

function collect(contributions: readonly PeerContribution[], perspective: Perspective): Collected {
  const figures: Collected = new Map();
  const add = (id: string, organisation: string, value: number | null) => {
    if (value === null) return;
    const byOrganisation = figures.get(id) ?? new Map<string, number[]>();
    byOrganisation.set(organisation, [...(byOrganisation.get(organisation) ?? []), value]);
    figures.set(id, byOrganisation);
  };
  for (const c of contributions) {
    if (!c.organisation) continue;
    const result = c.results.find((r) => r.perspective === perspective);
    if (!result || !isVisible(result)) continue;
    for (const theme of result.themes) add(`theme:${theme.id}`, c.organisation, theme.mean);
    for (const item of result.items) add(`item:${item.id}`, c.organisation, item.mean);
  }
  return figures;
}

/** One peer figure: the average of organisation averages, stepped, with its band; nothing below the minimum. */
export function peerFigure(byOrganisation: ReadonlyMap<string, readonly number[]> | undefined): {
  peers: number | null;
  organisations: OrganisationBand | null;
} {
  const averages = [...(byOrganisation?.values() ?? [])].filter((v) => v.length > 0).map((v) => mean(v));
  const organisations = organisationBand(averages.length);
  if (!organisations) return { peers: null, organisations: null };
  return { peers: steppedAverage(mean(averages)), organisations };
}

/** The peers that match a filter: same tool, not the team's own organisation, and kind / area when asked. */
export function comparablePeers(
  own: { organisation: string | null; toolId: string },
  contributions: readonly PeerContribution[],
  filter: ComparisonFilter,
): PeerContribution[] {
  return contributions.filter(
    (c) =>
      c.organisation !== null &&
      c.organisation !== own.organisation &&
      c.toolId === own.toolId &&
      (filter.kind === null || c.kind === filter.kind) &&
      (filter.area === null || (filter.area === "province" ? c.province : c.labourRegion) === filter.areaName),
  );
}

const distinctOrganisations = (peers: readonly PeerContribution[]) => new Set(peers.map((p) => p.organisation)).size;

/**
 * The comparison a team sees for one of its rounds: per perspective its own theme and factor figures next to the
 * peers'. The filter applies only when the filtered peers hold at least MIN_PEER_ORGANISATIONS organisations;
 * otherwise all peers of the tool are used (`filtered` false). Nothing in the result names or counts another team.
 */
export function comparePeers(
  own: { organisation: string | null; toolId: string; results: PerspectiveResult[] },
  themeItems: readonly { id: string; items: readonly string[] }[],
  contributions: readonly PeerContribution[],
  filter: ComparisonFilter,
): { filtered: boolean; perspectives: PerspectiveComparison[] } {
  const narrowed = comparablePeers(own, contributions, filter);
  const filtering = filter.kind !== null || filter.area !== null;
  const filtered = filtering && distinctOrganisations(narrowed) >= MIN_PEER_ORGANISATIONS;
  const peers = filtered ? narrowed : comparablePeers(own, contributions, { kind: null, area: null, areaName: null });
  const perspectives = PERSPECTIVES.flatMap((perspective): PerspectiveComparison[] => {
    const mine = own.results.find((r) => r.perspective === perspective);
    if (!mine) return [];
    const collected = collect(peers, perspective);
    const ownTheme = new Map(isVisible(mine) ? mine.themes.map((t) => [t.id, t.mean]) : []);
    const ownItem = new Map(isVisible(mine) ? mine.items.map((i) => [i.id, i.mean]) : []);
    const themes = themeItems.map((theme) => ({
      id: theme.id,
      own: ownTheme.get(theme.id) ?? null,
      ...peerFigure(collected.get(`theme:${theme.id}`)),
      factors: theme.items
        .filter((id) => !isVisible(mine) || mine.items.some((i) => i.id === id))
        .map((id) => ({ id, own: ownItem.get(id) ?? null, ...peerFigure(collected.get(`item:${id}`)) })),
    }));
    return [{ perspective, themes }];
  });
  return { filtered, perspectives };
}

/**
 * What an observer can tell about one organisation that joined (or left) a pool of `n` others, from the two stepped
 * averages `before` (the n) and `after` (the n + 1) alone — even knowing n exactly, which the bands hide: the range of
 * values that organisation's average could have had (every value in it fits both figures). The guarantee, tested in
 * comparison.test.ts: the range always holds the true value and is never narrower than DIFFERENCING_MIN_RANGE, so an
 * organisation's exact average is never read off. It is that narrow only at the scale's ends or after a jump of
 * several steps ("the newcomer averages 9.75 or more"); decision 0043 records this limit.
 */
export function differencingRange(n: number, before: number, after: number): { low: number; high: number } {
  const shownAs = (stepped: number) => ({
    low: Math.max(1, stepped - PEER_STEP / 2),
    high: Math.min(10, stepped + PEER_STEP / 2),
  });
  const a = shownAs(before);
  const b = shownAs(after);
  // after·(n+1) = before·n + x  ⇒  x = (n+1)·after − n·before, over every before and after the steps allow.
  return {
    low: Math.max(1, (n + 1) * b.low - n * a.high),
    high: Math.min(10, (n + 1) * b.high - n * a.low),
  };
}
/** The narrowest `differencingRange` with at least MIN_PEER_ORGANISATIONS organisations: half a step. */
export const DIFFERENCING_MIN_RANGE = PEER_STEP / 2;
