import { beforeAll, describe, expect, it } from "vitest";
import type { Submission } from "../../domain/kennisbank/submission.ts";
import { markEmailVerified } from "../account/service.ts";
import { TEST_MODERATOR } from "../test/app.ts";
import { databaseTargets } from "../test/databases.ts";
import { publishEntry, signUp as signUpAs } from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";

// Issue 16: contact, financing, period, target group size and evidence level; free-text regions mapped onto
// municipalities, labour-market regions and provinces (content/regions.yaml); organisations as a facet of their own.
describe.each(databaseTargets())("kennisbank entry fields and places on $name", (target) => {
  const ctx = useTestApp(target);
  const tag = `zq${Math.random().toString(36).slice(2, 8)}`;
  const publish = (fields: Partial<Submission>) => publishEntry(ctx.database.db, fields);
  type Hit = { slug: string; title: string; evidenceLevel: string };
  const search = async (query: Record<string, string>) => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/kennisbank", query });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; results: Hit[] };
  };
  const titles = async (query: Record<string, string>) => (await search({ q: tag, ...query })).results.map((r) => r.title).sort();

  beforeAll(async () => {
    await publish({
      title: `Leeuwarden ${tag}`,
      region: "Gemeente Leeuwarden",
      organisation: `Stichting Noord ${tag}, gemeente Leeuwarden en drie scholen`,
      evidence: "goed onderbouwd",
      contact: "jongerenloket@example.nl",
      financing: "gemeente en ESF",
      period: "2020–2023",
      targetGroupSize: "zo'n 120 jongeren per jaar",
    });
    await publish({ title: `Rijnmond ${tag}`, region: "Regio Rotterdam-Rijnmond", organisation: `Stichting Zuid ${tag}` });
    await publish({ title: `Onbekend ${tag}`, region: "Ergens aan de kust", organisation: "UWV" });
  });

  it("filters on evidence level, defaulting to niet beoordeeld, and refuses an unknown level naming the field", async () => {
    expect(await titles({ evidence: "goed onderbouwd" })).toEqual([`Leeuwarden ${tag}`]);
    expect(await titles({ evidence: "niet beoordeeld" })).toEqual([`Onbekend ${tag}`, `Rijnmond ${tag}`]);
    const hit = (await search({ q: tag, evidence: "goed onderbouwd" })).results[0];
    expect(hit?.evidenceLevel).toBe("goed onderbouwd");
    const bad = await ctx.app.inject({ method: "GET", url: "/api/kennisbank", query: { evidence: "bewezen" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe("evidence");
  });

  it("filters on municipality, labour-market region and province; a municipality counts for its region and province", async () => {
    expect(await titles({ municipality: "Leeuwarden" })).toEqual([`Leeuwarden ${tag}`]);
    expect(await titles({ labourRegion: "Friesland" })).toEqual([`Leeuwarden ${tag}`]);
    expect(await titles({ province: "Fryslân" })).toEqual([`Leeuwarden ${tag}`]);
    expect(await titles({ labourRegion: "Rijnmond" })).toEqual([`Rijnmond ${tag}`]);
    expect(await titles({ province: "Zuid-Holland" })).toEqual([`Rijnmond ${tag}`]);
    expect(await titles({ municipality: "Rotterdam" })).toEqual([]);
    // Text that names no known place is kept as written and still found by it.
    expect(await titles({ region: "Ergens aan de kust" })).toEqual([`Onbekend ${tag}`]);
    // The content: "landelijk" entries, and a content entry found by its province.
    expect((await search({ national: "true" })).total).toBeGreaterThan(20);
    expect((await search({ province: "Fryslân" })).total).toBeGreaterThan(10);
  });

  it("filters on organisation, a facet of clean names", async () => {
    expect(await titles({ organisation: `Stichting Noord ${tag}` })).toEqual([`Leeuwarden ${tag}`]);
    expect(await titles({ organisation: "Gemeente Leeuwarden" })).toEqual([`Leeuwarden ${tag}`]);
    const facets = (await ctx.app.inject({ method: "GET", url: "/api/kennisbank/facets" })).json();
    expect(facets.organisations).toEqual(expect.arrayContaining([`Stichting Noord ${tag}`, "Gemeente Leeuwarden", "UWV"]));
    expect(facets.organisations).not.toContain("drie scholen");
    expect(facets.municipalities).toContain("Leeuwarden");
    expect(facets.labourRegions).toEqual(expect.arrayContaining(["Friesland", "Rijnmond", "Twente"]));
    expect(facets.provinces).toEqual(expect.arrayContaining(["Fryslân", "Zuid-Holland"]));
    expect(facets.national).toBe(true);
    expect(facets.evidenceLevels).toEqual(["niet beoordeeld", "goed onderbouwd"]);
    for (const kind of ["municipalities", "labourRegions", "provinces"]) expect(facets[kind]).not.toContain("ROC Twente");
  });

  it("takes a submission with the new fields through moderation and shows them on the entry", async () => {
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/kennisbank/submissions",
      payload: {
        type: "praktijkvoorbeeld",
        title: `Ingezonden ${tag}`,
        summary: "Jongeren vinden werk in de haven.",
        body: "Zo werkt het.",
        organisation: `Havenwerk ${tag}`,
        region: "regio rotterdam rijnmond",
        contact: "info@havenwerk.example",
        financing: "subsidie van de gemeente",
        period: "sinds 2021",
        targetGroupSize: "40 jongeren per jaar",
        evidence: "goed beschreven",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { slug } = created.json();
    expect(await titles({ evidence: "goed beschreven" })).toEqual([]);

    const moderator = await signUpAs(ctx.api, TEST_MODERATOR.email, TEST_MODERATOR.password);
    await markEmailVerified(ctx.database.db, TEST_MODERATOR.email);
    const pending = await ctx.app.inject({
      method: "GET",
      url: "/api/kennisbank/submissions?status=pending",
      headers: { cookie: moderator },
    });
    const listed = pending.json().find((s: { slug: string }) => s.slug === slug);
    const fields = {
      contact: "info@havenwerk.example",
      financing: "subsidie van de gemeente",
      period: "sinds 2021",
      targetGroupSize: "40 jongeren per jaar",
      evidenceLevel: "goed beschreven",
      region: "regio rotterdam rijnmond",
      municipalities: [],
      labourRegions: ["Rijnmond"],
      provinces: ["Zuid-Holland"],
      organisations: [`Havenwerk ${tag}`],
    };
    expect(listed).toMatchObject(fields);
    const approved = await ctx.app.inject({
      method: "POST",
      url: `/api/kennisbank/submissions/${slug}/moderation`,
      payload: { decision: "approve" },
      headers: { cookie: moderator },
    });
    expect(approved.statusCode).toBe(200);
    expect((await ctx.app.inject({ method: "GET", url: `/api/kennisbank/${slug}` })).json()).toMatchObject(fields);
    expect(await titles({ evidence: "goed beschreven", labourRegion: "Rijnmond" })).toEqual([`Ingezonden ${tag}`]);
    expect(await titles({ organisation: `Havenwerk ${tag}` })).toEqual([`Ingezonden ${tag}`]);
  });

  it("keeps a submission's region that names no known place, never refusing it", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/kennisbank/submissions",
      payload: { type: "methode", title: `Vrij ${tag}`, summary: "Kort.", body: "Lang.", organisation: "Wij", region: "Het hele noorden" },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
