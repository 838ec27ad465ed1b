import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { normaliseName, organisationNames, placesOf, regionIndex, regionsFileSchema } from "./regions.ts";

const file = regionsFileSchema.parse(parse(readFileSync(join(import.meta.dirname, "../../../content/regions.yaml"), "utf8")));
const index = regionIndex(file);

describe("content/regions.yaml", () => {
  it("has the 12 provinces and the 35 labour-market regions, every municipality in a known region and province", () => {
    expect(file.provinces).toHaveLength(12);
    expect(file.labourMarketRegions).toHaveLength(35);
    expect(file.municipalities.length).toBeGreaterThanOrEqual(300);
  });

  it("refuses a municipality whose province does not belong to its region", () => {
    const broken = { ...file, municipalities: [{ name: "Leeuwarden", region: "Twente", province: "Fryslân", aliases: [] }] };
    expect(regionsFileSchema.safeParse(broken).success).toBe(false);
  });
});

describe("placesOf", () => {
  it("maps a municipality onto its region and province, with or without 'Gemeente'", () => {
    const expected = { municipalities: ["Leeuwarden"], labourRegions: ["Friesland"], provinces: ["Fryslân"], national: false };
    expect(placesOf("Gemeente Leeuwarden", index)).toEqual(expected);
    expect(placesOf("leeuwarden", index)).toEqual(expected);
    expect(placesOf("GEMEENTE  LEEUWARDEN", index)).toEqual(expected);
  });

  it("knows regions by their name, an alias or their centre municipality, and tolerates hyphens and accents", () => {
    expect(placesOf("Regio Rotterdam-Rijnmond", index).labourRegions).toEqual(["Rijnmond"]);
    expect(placesOf("Regio Noordoost Brabant", index).labourRegions).toEqual(["Noordoost-Brabant"]);
    expect(placesOf("Regio Den Haag", index)).toEqual({
      municipalities: [],
      labourRegions: ["Haaglanden"],
      provinces: ["Zuid-Holland"],
      national: false,
    });
    expect(placesOf("Regio Zwolle", index).labourRegions).toEqual(["Regio Zwolle"]);
    expect(placesOf("Sudwest Fryslan", index).municipalities).toEqual(["Súdwest-Fryslân"]);
    expect(placesOf("Den Bosch", index).municipalities).toEqual(["'s-Hertogenbosch"]);
  });

  it("reads provinces and the country", () => {
    expect(placesOf("Noord-Brabant", index)).toEqual({
      municipalities: [],
      labourRegions: [],
      provinces: ["Noord-Brabant"],
      national: false,
    });
    expect(placesOf("Provincie Groningen", index).provinces).toEqual(["Groningen"]);
    expect(placesOf("Friesland", index)).toEqual({
      municipalities: [],
      labourRegions: ["Friesland"],
      provinces: ["Fryslân"],
      national: false,
    });
    expect(placesOf("landelijk", index).national).toBe(true);
    expect(placesOf("Landelijk (ontwikkeld in de Verenigde Staten)", index).national).toBe(true);
  });

  it("splits lists of places but keeps names with 'en' whole", () => {
    expect(placesOf("Den Bosch en Amsterdam", index).municipalities).toEqual(["'s-Hertogenbosch", "Amsterdam"]);
    expect(placesOf("Gooi en Vechtstreek", index).labourRegions).toEqual(["Gooi en Vechtstreek"]);
    expect(placesOf("Noord-Limburg en Midden-Limburg", index).labourRegions).toEqual(["Noord-Limburg", "Midden-Limburg"]);
  });

  it("gives nothing for text that names no place (the text itself is kept by the caller)", () => {
    expect(placesOf("Testregio Noord", index)).toEqual({ municipalities: [], labourRegions: [], provinces: [], national: false });
    expect(placesOf("", index).national).toBe(false);
    expect(placesOf(undefined, index).municipalities).toEqual([]);
  });
});

describe("organisationNames", () => {
  it("keeps the names and drops descriptions and remarks", () => {
    expect(
      organisationNames(
        "Gemeente Leeuwarden, Dienst Sociale Zaken Noardwest Fryslân en gemeente De Fryske Marren (leernetwerk jongerenconsulenten)",
      ),
    ).toEqual(["Gemeente Leeuwarden", "Dienst Sociale Zaken Noardwest Fryslân", "Gemeente De Fryske Marren"]);
    expect(organisationNames("Graafschap College, KBA Nijmegen, drie andere ROC's, acht Achterhoekse gemeenten en UWV")).toEqual([
      "Graafschap College",
      "KBA Nijmegen",
      "UWV",
    ]);
    expect(organisationNames(undefined)).toEqual([]);
  });

  it("normalises names for comparison", () => {
    expect(normaliseName("'s-Hertogenbosch")).toBe("s hertogenbosch");
  });
});
