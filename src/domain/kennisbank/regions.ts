import { z } from "zod";

/**
 * Places in the Netherlands (content/regions.yaml): provinces, labour-market regions (arbeidsmarktregio's) and
 * municipalities, and the pure mapping of a kennisbank entry's free-text region onto them. Free text that names none
 * of them is kept as it is and never rejected.
 */

const name = z.string().trim().min(1);
const aliases = z.array(name).default([]);

export const regionsFileSchema = z
  .strictObject({
    provinces: z.array(z.strictObject({ name, aliases })).length(12, "Nederland heeft 12 provincies"),
    labourMarketRegions: z
      .array(z.strictObject({ name, provinces: z.array(name).min(1), aliases }))
      .length(35, "Nederland heeft 35 arbeidsmarktregio's"),
    municipalities: z.array(z.strictObject({ name, region: name, province: name, aliases })).min(1),
  })
  .superRefine((file, ctx) => {
    const provinces = new Set(file.provinces.map((p) => p.name));
    const regions = new Set(file.labourMarketRegions.map((r) => r.name));
    const unique = (kind: string, names: string[]) => {
      const seen = new Set<string>();
      for (const n of names) {
        if (seen.has(n)) ctx.addIssue({ code: "custom", path: [kind], message: `${n} staat er twee keer in` });
        seen.add(n);
      }
    };
    unique(
      "provinces",
      file.provinces.map((p) => p.name),
    );
    unique(
      "labourMarketRegions",
      file.labourMarketRegions.map((r) => r.name),
    );
    unique(
      "municipalities",
      file.municipalities.map((m) => m.name),
    );
    file.labourMarketRegions.forEach((r, i) => {
      for (const p of r.provinces)
        if (!provinces.has(p)) ctx.addIssue({ code: "custom", path: ["labourMarketRegions", i], message: `onbekende provincie ${p}` });
    });
    file.municipalities.forEach((m, i) => {
      const region = file.labourMarketRegions.find((r) => r.name === m.region);
      if (!regions.has(m.region) || !region)
        ctx.addIssue({ code: "custom", path: ["municipalities", i], message: `onbekende arbeidsmarktregio ${m.region}` });
      else if (!region.provinces.includes(m.province))
        ctx.addIssue({ code: "custom", path: ["municipalities", i], message: `${m.name}: ${m.province} hoort niet bij ${m.region}` });
    });
  });
export type RegionsFile = z.output<typeof regionsFileSchema>;

/** What a free-text region comes to: the places it names (a municipality brings its region and province along). */
export type Places = {
  municipalities: string[];
  labourRegions: string[];
  provinces: string[];
  /** "landelijk", "heel Nederland". */
  national: boolean;
};
export const NO_PLACES: Places = { municipalities: [], labourRegions: [], provinces: [], national: false };

export const REGION_KINDS = ["municipality", "labourRegion", "province"] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

type Place = { kind: RegionKind; name: string; region?: string; provinces: string[] };

/** Lookup tables of a regions file, by normalised name. */
export type RegionIndex = {
  municipality: Map<string, Place>;
  labourRegion: Map<string, Place>;
  province: Map<string, Place>;
};

/** Lower case, without accents, apostrophes or punctuation; hyphens, slashes and runs of spaces become one space. */
export function normaliseName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLocaleLowerCase("nl")
    .replace(/['’‘`]/g, "")
    .replace(/[^\p{L}\p{N}()]+/gu, " ")
    .trim();
}

export function regionIndex(file: RegionsFile): RegionIndex {
  const index: RegionIndex = { municipality: new Map(), labourRegion: new Map(), province: new Map() };
  const add = (kind: RegionKind, names: string[], place: Place) => {
    for (const n of names) index[kind].set(normaliseName(n), place);
  };
  for (const p of file.provinces) add("province", [p.name, ...p.aliases], { kind: "province", name: p.name, provinces: [p.name] });
  for (const r of file.labourMarketRegions)
    add("labourRegion", [r.name, ...r.aliases], { kind: "labourRegion", name: r.name, provinces: r.provinces });
  for (const m of file.municipalities) {
    const place: Place = { kind: "municipality", name: m.name, region: m.region, provinces: [m.province] };
    // "Bergen (NH)" is also found as "Bergen NH".
    add("municipality", [m.name, m.name.replace(/[()]/g, ""), ...m.aliases], place);
  }
  return index;
}

const NATIONAL = new Set(["landelijk", "nederland", "heel nederland", "nationaal", "landelijke aanpak"]);
const PREFIXES: { pattern: RegExp; kinds: RegionKind[] }[] = [
  { pattern: /^(?:centrum)?gemeente(?:n)? /, kinds: ["municipality"] },
  { pattern: /^(?:arbeidsmarkt)?regio /, kinds: ["labourRegion", "province"] },
  { pattern: /^provincie /, kinds: ["province"] },
];

/** One place named by `text` (already normalised and without parentheses), or none. */
function lookup(index: RegionIndex, text: string): Place | undefined {
  for (const { pattern, kinds } of PREFIXES) {
    if (!pattern.test(text)) continue;
    const rest = text.replace(pattern, "");
    for (const kind of kinds) {
      const found = index[kind].get(rest);
      if (found) return found;
    }
    // "Regio Den Haag": the labour-market region of the municipality named.
    if (kinds.includes("labourRegion")) {
      const municipality = index.municipality.get(rest);
      if (municipality?.region) return index.labourRegion.get(normaliseName(municipality.region));
    }
    return undefined;
  }
  // Written without a prefix: a region's full name ("Regio Zwolle") first, then a municipality, a region, a province.
  return index.labourRegion.get(text) ?? index.municipality.get(text) ?? index.province.get(text);
}

/**
 * Maps a free-text region ("Regio Rotterdam-Rijnmond", "Gemeente Leeuwarden", "Den Bosch en Amsterdam", "landelijk")
 * onto the places it names; case, accents, hyphens and a leading "gemeente", "regio" or "provincie" do not matter,
 * a remark in parentheses is ignored. Text naming no known place gives `NO_PLACES` (the text itself is kept).
 */
export function placesOf(text: string | null | undefined, index: RegionIndex): Places {
  if (!text) return NO_PLACES;
  const plain = normaliseName(text.replace(/\([^)]*\)/g, " ")).replace(/[()]/g, "");
  if (!plain) return NO_PLACES;
  if (NATIONAL.has(plain)) return { ...NO_PLACES, national: true };
  const whole = lookup(index, plain);
  const parts = whole ? [whole] : plain.split(/ en | of |,|;/).map((part) => lookup(index, part.trim()));
  const found = parts.filter((p): p is Place => p !== undefined);
  const municipalities = new Set<string>();
  const labourRegions = new Set<string>();
  const provinces = new Set<string>();
  for (const place of found) {
    if (place.kind === "municipality") {
      municipalities.add(place.name);
      if (place.region) labourRegions.add(place.region);
    } else if (place.kind === "labourRegion") labourRegions.add(place.name);
    for (const p of place.provinces) provinces.add(p);
  }
  return { municipalities: [...municipalities], labourRegions: [...labourRegions], provinces: [...provinces], national: false };
}

/**
 * The organisations named in an entry's free-text organisation field, as facet values: split at commas, semicolons,
 * "en" and "met", remarks in parentheses dropped, and only parts that are names kept (they begin with a capital or
 * with "gemeente", which is capitalised) — "drie andere ROC's", "scholen" or "de RMC's" describe, they name no one.
 */
export function organisationNames(text: string | null | undefined): string[] {
  if (!text) return [];
  const names = new Set<string>();
  const plain = text.replace(/\([^)]*\)/g, " ");
  for (const raw of plain.split(/,|;| en | met | als | in samenwerking met | in opdracht van /)) {
    let part = raw.replace(/\s+/g, " ").trim();
    if (/^gemeente /.test(part)) part = `G${part.slice(1)}`;
    if (part.length < 2 || part.length > 120) continue;
    if (!/^\p{Lu}/u.test(part)) continue;
    names.add(part);
  }
  return [...names];
}
