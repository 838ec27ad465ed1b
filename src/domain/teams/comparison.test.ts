import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { regionIndex, regionsFileSchema } from "../kennisbank/regions.ts";
import type { PerspectiveResult } from "./aggregation.ts";
import {
  type ComparisonFilter,
  comparePeers,
  DIFFERENCING_MIN_RANGE,
  differencingRange,
  MIN_PEER_ORGANISATIONS,
  municipalityNamed,
  organisationBand,
  organisationKey,
  type PeerContribution,
  peerFigure,
  steppedAverage,
  teamMunicipality,
  weeklyPool,
} from "./comparison.ts";

const index = regionIndex(regionsFileSchema.parse(parse(readFileSync(join(import.meta.dirname, "../../../content/regions.yaml"), "utf8"))));
const ALL: ComparisonFilter = { kind: null, area: null, areaName: null };
const THEMES = [{ id: "1", items: ["1.1", "1.2"] }];

/** A professional perspective with one theme of two factors, all at `score`. */
const results = (score: number | null): PerspectiveResult[] => [
  {
    perspective: "professional",
    responses: 6,
    waiting: 0,
    visible: true,
    overall: score,
    themes: [{ id: "1", mean: score, factorsShown: score === null ? 0 : 2, factors: 2 }],
    items: ["1.1", "1.2"].map((id) => ({ id, mean: score, scored: null, distribution: null, notApplicable: null, dontKnow: null })),
  },
];
const peer = (organisation: string | null, score: number, extra: Partial<PeerContribution> = {}): PeerContribution => ({
  organisation,
  toolId: "tool",
  kind: "gemeente",
  province: "Fryslân",
  labourRegion: "Friesland",
  results: results(score),
  ...extra,
});
const own = { organisation: "eigen|leeuwarden", toolId: "tool", results: results(6) };
const themeOf = (c: ReturnType<typeof comparePeers>) => c.perspectives[0]?.themes[0];

describe("structured team fields", () => {
  it("finds a municipality from the list, in any spelling, and maps free text only when it names exactly one", () => {
    expect(municipalityNamed("leeuwarden", index)).toEqual({ name: "Leeuwarden", labourRegion: "Friesland", province: "Fryslân" });
    expect(municipalityNamed("Nergenshuizen", index)).toBeNull();
    const team = (region: string, organisation = "", municipality: string | null = null) => ({ region, organisation, municipality });
    expect(teamMunicipality(team("Gemeente Leeuwarden"), index)?.name).toBe("Leeuwarden");
    expect(teamMunicipality(team("", "Gemeente Amsterdam"), index)?.name).toBe("Amsterdam");
    expect(teamMunicipality(team("Amsterdam en Leeuwarden"), index)).toBeNull();
    expect(teamMunicipality(team("ergens in het noorden"), index)).toBeNull();
    // A chosen municipality wins over the free text.
    expect(teamMunicipality(team("Amsterdam", "", "Leeuwarden"), index)?.name).toBe("Leeuwarden");
  });

  it("an organisation is its normalised name plus its municipality; no name, no organisation", () => {
    const leeuwarden = municipalityNamed("Leeuwarden", index);
    expect(organisationKey("Gemeente Leeuwarden", leeuwarden, "")).toBe(organisationKey("  leeuwarden ", leeuwarden, "Friesland"));
    expect(organisationKey("ROC Friesland", leeuwarden, "")).not.toBe(organisationKey("ROC Friesland", null, "Drachten"));
    expect(organisationKey("   ", leeuwarden, "")).toBeNull();
  });
});

describe("peer figures", () => {
  it(`need ${MIN_PEER_ORGANISATIONS} distinct organisations other than the team's own`, () => {
    const four = ["a", "b", "c", "d"].map((o) => peer(o, 8));
    expect(themeOf(comparePeers(own, THEMES, four, ALL))).toMatchObject({ own: 6, peers: null, organisations: null });
    // The team's own organisation (another of its teams) does not count.
    expect(themeOf(comparePeers(own, THEMES, [...four, peer("eigen|leeuwarden", 8)], ALL))?.peers).toBeNull();
    const five = [...four, peer("e", 8)];
    expect(themeOf(comparePeers(own, THEMES, five, ALL))).toMatchObject({ own: 6, peers: 8, organisations: "5–9" });
    expect(themeOf(comparePeers(own, THEMES, five, ALL))?.factors).toEqual([
      { id: "1.1", own: 6, peers: 8, organisations: "5–9" },
      { id: "1.2", own: 6, peers: 8, organisations: "5–9" },
    ]);
  });

  it("count five teams of one organisation once, and weigh each organisation once", () => {
    const oneOrganisation = Array.from({ length: 5 }, () => peer("a", 2));
    expect(themeOf(comparePeers(own, THEMES, oneOrganisation, ALL))?.peers).toBeNull();
    // Four organisations at 8 and one with five teams at 2: (4·8 + 2) / 5 = 6.8 → 7, not (4·8 + 5·2) / 9.
    const mixed = [...["b", "c", "d", "e"].map((o) => peer(o, 8)), ...oneOrganisation];
    expect(themeOf(comparePeers(own, THEMES, mixed, ALL))?.peers).toBe(7);
  });

  it("a figure needs the organisations for that very figure; hidden figures and teams without a name do not count", () => {
    const five = ["a", "b", "c", "d"].map((o) => peer(o, 8));
    expect(themeOf(comparePeers(own, THEMES, [...five, peer("e", 0, { results: results(null) })], ALL))?.peers).toBeNull();
    expect(themeOf(comparePeers(own, THEMES, [...five, peer(null, 8)], ALL))?.peers).toBeNull();
    expect(themeOf(comparePeers(own, THEMES, [...five, peer("e", 8, { toolId: "other" })], ALL))?.peers).toBeNull();
  });

  it("filter by kind or area only when that leaves enough organisations, else compare with all", () => {
    const gemeenten = ["a", "b", "c", "d", "e"].map((o) => peer(o, 8));
    const scholen = ["f", "g", "h", "i", "j"].map((o) =>
      peer(o, 4, { kind: "school-mbo", province: "Groningen", labourRegion: "Groningen" }),
    );
    const byKind = comparePeers(own, THEMES, [...gemeenten, ...scholen], { kind: "gemeente", area: null, areaName: null });
    expect(byKind.filtered).toBe(true);
    expect(themeOf(byKind)).toMatchObject({ peers: 8, organisations: "5–9" });
    const byProvince = comparePeers(own, THEMES, [...gemeenten, ...scholen], { kind: null, area: "province", areaName: "Groningen" });
    expect(themeOf(byProvince)?.peers).toBe(4);
    const tooFew = comparePeers(own, THEMES, [...gemeenten, ...scholen.slice(1)], { kind: "school-mbo", area: null, areaName: null });
    expect(tooFew.filtered).toBe(false);
    expect(themeOf(tooFew)).toMatchObject({ peers: 6, organisations: "5–9" });
    expect(themeOf(comparePeers(own, THEMES, [...gemeenten, ...scholen], ALL))?.organisations).toBe("10+");
  });

  it("averages move in steps of 0.5 within the scale; counts are bands", () => {
    expect([1.2, 1.3, 6.74, 6.75, 9.9].map(steppedAverage)).toEqual([1, 1.5, 6.5, 7, 10]);
    expect([4, 5, 9, 10, 250].map(organisationBand)).toEqual([null, "5–9", "5–9", "10+", "10+"]);
  });
});

describe("differencing: one organisation joining or leaving", () => {
  const pool = fc.array(fc.double({ min: 1, max: 10, noNaN: true }), { minLength: MIN_PEER_ORGANISATIONS, maxLength: 40 });
  const score = fc.double({ min: 1, max: 10, noNaN: true });
  const shown = (values: readonly number[]) => peerFigure(new Map(values.map((v, i) => [`org${i}`, [v]])));

  it("the count, shown as a band, stays the same when one joins within a band", () => {
    fc.assert(
      fc.property(pool, score, (others, x) => {
        const before = shown(others).organisations;
        const after = shown([...others, x]).organisations;
        return before === after || (others.length === 9 && before === "5–9" && after === "10+");
      }),
    );
  });

  it(`the figures before and after leave a range of at least ${DIFFERENCING_MIN_RANGE} point for its average, holding the truth`, () => {
    fc.assert(
      fc.property(pool, score, (others, x) => {
        const before = shown(others).peers;
        const after = shown([...others, x]).peers;
        if (before === null || after === null) return false;
        const range = differencingRange(others.length, before, after);
        return range.low <= x + 1e-9 && x <= range.high + 1e-9 && range.high - range.low >= DIFFERENCING_MIN_RANGE - 1e-9;
      }),
      { numRuns: 2000 },
    );
  });

  it("every value in that range fits both figures (the range is what an observer really learns, not a looser bound)", () => {
    fc.assert(
      fc.property(pool, score, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (others, x, at) => {
        const n = others.length;
        const before = shown(others).peers ?? 0;
        const after = shown([...others, x]).peers ?? 0;
        const { low, high } = differencingRange(n, before, after);
        const candidate = low + (high - low) * at;
        // Some pool of n organisations with the same shown figure, plus `candidate`, shows the same after-figure.
        for (let a = Math.max(1, before - 0.25); a <= Math.min(10, before + 0.25); a += 0.0005) {
          if (steppedAverage(a) === before && steppedAverage((n * a + candidate) / (n + 1)) === after) return true;
        }
        return false;
      }),
      { numRuns: 300 },
    );
  });

  it("within the scale's inner steps, a figure that stays put hides the newcomer within at least 2.5 points", () => {
    for (let n = MIN_PEER_ORGANISATIONS; n <= 40; n++)
      for (let f = 2; f <= 9; f += 0.5) {
        const { low, high } = differencingRange(n, f, f);
        expect(high - low).toBeGreaterThanOrEqual(2.5);
      }
  });
});

describe("weeklyPool", () => {
  const contribution = (teamId: string, organisation: string) => ({
    teamId,
    organisation,
    toolId: "t",
    kind: null,
    province: null,
    labourRegion: null,
    results: [],
  });
  const snapshot = [contribution("a", "org-a"), contribution("b", "org-b"), contribution("c", "org-a")];

  it("lets only a team in the week's pool see it, with its organisation as frozen and the others' contributions", () => {
    expect(weeklyPool("x", snapshot)).toEqual({ included: false });
    const pool = weeklyPool("a", snapshot);
    expect(pool.included && pool.own.organisation).toBe("org-a");
    expect(pool.included && pool.others.map((c) => c.teamId)).toEqual(["b", "c"]);
  });
});
