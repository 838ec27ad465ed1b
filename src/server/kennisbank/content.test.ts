import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { placesOf } from "../../domain/kennisbank/regions.ts";
import { NEEDS_SEEDS, seeds } from "../test/seeds.ts";
import { indexTool, loadTool } from "../tools/load.ts";
import { loadWerkwijze } from "../werkwijze/routes.ts";
import { loadKennisbankContent } from "./load.ts";
import { regionsOf } from "./regions.ts";

const root = resolve(import.meta.dirname, "../../..");
const content = join(root, "content");
const tool = indexTool(loadTool(join(content, "tools/jongeren-en-arbeid")));
const entries = loadKennisbankContent(content, tool.factorIds);

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const mentions = (name: string) => entries.filter((e) => norm([e.title, e.organisation, e.region, e.body].join(" ")).includes(norm(name)));

/** The organisation/region headings of the table of contents of seed 003 ("• Regio Twente	28"). */
function practiceHeadings(practiceSeed: string): string[] {
  const toc = practiceSeed.slice(practiceSeed.indexOf("Zoek op thema:"), practiceSeed.indexOf("Aanpak Jeugdwerkloosheid"));
  return [...toc.matchAll(/^•\s+(.+?)\s+\d+\s*$/gm)].map((m) => (m[1] ?? "").trim());
}

/** Methods, instruments and programmes the tips of seed 004 name (bold, linked or plain). */
const NAMED_IN_TIPS = [
  "persona",
  "verhaal van Esmeralda",
  "knelpunten rond 18 en 23 jaar",
  "GentleTeaching",
  "Participatiewiel",
  "Inclusiediamant",
  "Storytelling",
  "stress-sensitieve benadering",
  "Partnerships in the community",
  "GetStarted",
  "URBN Village",
  "wat-werkt-dossier",
  "Quez",
  "Appreciative Inquiry",
  "StreetPro",
  "Werkacademie",
  "Preston Palace",
  "Springplank",
  "KIX Works",
  "Back on Track",
  "FIRST School",
  "WSD-groep",
  "Boris",
  "leermeester-gezel",
  "ComPas",
  "verdien-je-ticket",
  "Open Badges",
  "LOB-scan",
  "Stichting 't Anker",
  "MeeToekomstcoach",
  "Aan de slag met je netwerk",
  "Supportgericht Werken",
  "netwerkcoach",
  "De Kandidatenmarkt",
  "Jouw ingebrachte Mentor",
  "2GetThere",
  "Sociale Steun Stimuleren",
  "Toekomstplan",
  "8 fasen model",
  "Kr8",
  "Jongeren Interventie Team",
  "Intercultureel vakmanschap",
  "Klantreis Sociaal Domein",
  "jobcarving",
  "Mooi Werk Tool",
  "Nationale Voorbeeldenbank",
  "begeleidingskaarten",
  "Mentorwijs",
  "Peer-to-peer",
  "Metalent",
  "Transvorm",
  "Open Hiring",
  "motiverende gespreksvoering",
  "presentiebenadering",
];

describe("kennisbank regions", () => {
  it("names a known place (or the whole country) in every entry's region, never an organisation", () => {
    const regions = regionsOf(content);
    const unmapped = entries
      .filter((e) => e.region)
      .filter((e) => {
        const places = placesOf(e.region, regions);
        return !places.national && places.municipalities.length + places.labourRegions.length + places.provinces.length === 0;
      })
      .map((e) => `${e.slug}: ${e.region}`);
    expect(unmapped).toEqual([]);
  });
});

describe.skipIf(!seeds)(`kennisbank content against the source documents ${NEEDS_SEEDS}`, () => {
  // The heading names a school or a region; the entry keeps it in `source.where` (its region is a place: issue 16).
  it("has an entry for every organisation and region heading of seed 003", () => {
    const headings = practiceHeadings(seeds?.read("003_") ?? "");
    expect(headings).toHaveLength(22);
    const practice = entries.filter((e) => e.source.document === "praktijkvoorbeelden");
    const missing = headings.filter(
      (h) => !practice.some((e) => norm(`${e.region} ${e.organisation} ${e.title} ${e.source.where ?? ""}`).includes(norm(h))),
    );
    expect(missing).toEqual([]);
  });
});

describe("kennisbank content", () => {
  it("has the four best practices of seed 001 and the projects of the learning-network factsheets", () => {
    for (const name of [
      "Heilige Boontjes",
      "Een Nieuw Perspectief",
      "TOPs4JOBs",
      "Mobility Mentoring",
      "Blauwdruk Jongerencoaching",
      "MERAKI",
      "HW Werkt",
      "MDT op Zuid",
      "Motivatietraject Da Vinci",
    ]) {
      expect(
        entries.some((e) => norm(e.title).includes(norm(name))),
        name,
      ).toBe(true);
    }
  });

  it("has an entry for every method, instrument and programme named in the tips of seed 004", () => {
    const missing = NAMED_IN_TIPS.filter((name) => mentions(name).length === 0);
    expect(missing).toEqual([]);
  });

  it("links every one of the 31 factors to at least one entry, and only to factors that exist", () => {
    const linked = new Set(entries.flatMap((e) => e.factors));
    expect([...tool.factorIds].filter((f) => !linked.has(f))).toEqual([]);
    expect([...linked].filter((f) => !tool.factorIds.has(f))).toEqual([]);
  });

  it("names no individual people's e-mail addresses or phone numbers", () => {
    for (const e of entries) {
      const text = [e.title, e.summary, e.body, e.organisation].join(" ");
      expect(text, e.slug).not.toMatch(/[\w.-]+@[\w-]+\.[a-z]{2,}/i);
      expect(text, e.slug).not.toMatch(/\b06[- ]?\d{8}\b/);
    }
  });
});

describe("werkwijze content", () => {
  const werkwijze = loadWerkwijze(content, tool.factorIds);

  it("has the six phases from vooraf to nazorg, the three basic methods and the toolbox", () => {
    expect(werkwijze.phases.map((p) => p.id)).toEqual(["vooraf", "eerste-gesprek", "zoekperiode", "tweede-gesprek", "verloop", "nazorg"]);
    expect(werkwijze.basicMethods.map((m) => m.id)).toEqual([
      "motiverende-gespreksvoering",
      "oplossingsgericht-coachen",
      "stress-sensitieve-benadering",
    ]);
    const toolbox = werkwijze.toolbox.map((t) => t.id);
    for (const part of [
      "netwerk",
      "persoonlijke-omstandigheden",
      "testen",
      "maatwerk",
      "voorlichting",
      "contact-met-werk",
      "werken-op-afstand",
      "doelgroepen",
    ]) {
      expect(toolbox).toContain(part);
    }
    expect(werkwijze.toolbox.find((t) => t.id === "persoonlijke-omstandigheden")?.referrals.length).toBeGreaterThanOrEqual(8);
  });
});
