import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SEARCH_LIMITS } from "../../domain/kennisbank/search.ts";
import type { Submission } from "../../domain/kennisbank/submission.ts";
import { markEmailVerified } from "../account/service.ts";
import { TEST_MODERATOR } from "../test/app.ts";
import { databaseTargets } from "../test/databases.ts";
import { publishEntry, signUp as signUpAs } from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";

describe.each(databaseTargets())("kennisbank API on $name", (target) => {
  const ctx = useTestApp(target);
  // Each run uses its own nonsense words, so runs against a shared PostgreSQL never see each other's fixtures.
  // Tags must not look alike either: search forgives typos, so "zqabc" would find "zqabcp" (and the reverse).
  const nonsense = () => `zq${Math.random().toString(36).slice(2, 8)}`;
  const tag = nonsense();
  const pageTag = nonsense();
  const submittedTag = nonsense();

  const publish = (fields: Partial<Submission>) => publishEntry(ctx.database.db, fields);
  const search = async (query: Record<string, string>) => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/kennisbank", query });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; results: { slug: string; title: string; snippet: string; type: string }[] };
  };

  beforeAll(async () => {
    await publish({
      title: `Fietsenmakers ${tag}`,
      summary: "Jongeren leren fietsen repareren.",
      themes: ["2"],
      factors: ["2.10"],
      type: "programma",
    });
    await publish({
      title: "Werkplaats aan de haven",
      body: `Over fietsenmakers ${tag} en ${tag} en nog eens ${tag}.`,
      region: "Testregio Zuid",
      themes: ["2", "6"],
      factors: ["2.10", "6.26"],
      targetGroups: ["statushouders"],
    });
    await publish({ title: `Methode ${tag} zonder fietsen`, type: "methode", themes: ["1"], factors: ["1.1"], region: "Testregio Zuid" });
    for (let i = 1; i <= 23; i++) await publish({ title: `Pagina ${pageTag} ${String(i).padStart(2, "0")}`, body: pageTag });
  });
  it("finds the loaded content, with Dutch stemming (jongere finds jongeren)", async () => {
    const all = await search({});
    expect(all.total).toBeGreaterThan(40);
    const stemmed = await search({ q: "jongere" });
    expect(stemmed.total).toBeGreaterThan(0);
    expect(stemmed.results.some((r) => /jongeren/i.test(r.snippet))).toBe(true);
    const singular = await search({ q: `fietsenmaker ${tag}` });
    expect(singular.results.map((r) => r.title)).toContain(`Fietsenmakers ${tag}`);
  });

  it("ranks a title match above a body match, and highlights the match", async () => {
    const { results } = await search({ q: `${tag} fietsenmakers` });
    expect(results[0]?.title).toBe(`Fietsenmakers ${tag}`);
    expect(results.map((r) => r.title)).toContain("Werkplaats aan de haven");
    expect(results.find((r) => r.title === "Werkplaats aan de haven")?.snippet).toMatch(/<mark>fietsenmakers<\/mark>/i);
  });

  it("filters by type, theme, factor, region and target group, combined with each other and the query", async () => {
    expect((await search({ q: tag, type: "methode" })).results.map((r) => r.title)).toEqual([`Methode ${tag} zonder fietsen`]);
    expect((await search({ q: tag, theme: "6" })).results.map((r) => r.title)).toEqual(["Werkplaats aan de haven"]);
    expect((await search({ q: tag, factor: "2.10" })).total).toBe(2);
    expect((await search({ q: tag, region: "Testregio Zuid" })).total).toBe(2);
    expect((await search({ q: tag, region: "Testregio Zuid", type: "methode" })).total).toBe(1);
    expect((await search({ q: tag, targetGroup: "statushouders" })).results.map((r) => r.title)).toEqual(["Werkplaats aan de haven"]);
    expect((await search({ q: tag, factor: "2.10", theme: "1" })).total).toBe(0);
    const byFactor = await search({ factor: "1.1" });
    expect(byFactor.total).toBeGreaterThan(1);
  });

  it("pages results 20 at a time with the total", async () => {
    const first = await search({ q: pageTag });
    const second = await search({ q: pageTag, page: "2" });
    expect(first.total).toBe(23);
    expect(first.results).toHaveLength(20);
    expect(second.total).toBe(23);
    expect(second.results).toHaveLength(3);
    expect(new Set([...first.results, ...second.results].map((r) => r.slug)).size).toBe(23);
    const beyond = await search({ q: pageTag, page: "5" });
    expect(beyond).toEqual({ total: 23, results: [] });
  });

  describe("forgiving matching", () => {
    const slugs = async (q: string) => (await search({ q })).results.map((r) => r.slug);

    it("finds a compound written apart: Gentle Teaching finds GentleTeaching", async () => {
      expect(await slugs("Gentle Teaching")).toContain("gentleteaching");
      expect(await slugs("gentle teaching jongere")).toContain("gentleteaching");
      expect((await search({ q: "Gentle Teaching" })).results[0]?.snippet).toMatch(/<mark>GentleTeaching<\/mark>/);
    });

    it("finds with the start of a word what the whole word finds: jobcoach ⊇ jobcoaches, exact matches first", async () => {
      const whole = await search({ q: "jobcoaches" });
      const start = await search({ q: "jobcoach" });
      expect(whole.total).toBeGreaterThanOrEqual(10);
      expect(whole.total).toBeLessThanOrEqual(SEARCH_LIMITS.pageSize);
      expect(start.results.map((r) => r.slug)).toEqual(expect.arrayContaining(whole.results.map((r) => r.slug)));
      // The entries that say "jobcoach" itself come before those that only say "jobcoaches".
      const exact = ["gemeente-amsterdam-de-scholen-en-de-wijken-in", "school-ex-en-de-transitieroute"];
      expect(
        start.results
          .slice(0, 2)
          .map((r) => r.slug)
          .sort(),
      ).toEqual(exact);
    });

    it("forgives a small typo, and still ranks the exact word first", async () => {
      expect((await slugs("Gentle Teachnig"))[0]).toBe("gentleteaching");
      expect(await slugs("jobcarvign")).toContain("jobcarving");
      const typo = await search({ q: `fietsenmakres ${tag}` });
      expect(typo.results.map((r) => r.title)).toContain(`Fietsenmakers ${tag}`);
      // Both of the tag's other entries say "fietsen" (strict: fiets), ahead of "Fietsenmakers" found through the typo.
      const strict = await search({ q: `fietsen ${tag}` });
      expect(
        strict.results
          .slice(0, 2)
          .map((r) => r.title)
          .sort(),
      ).toEqual([`Fietsenmakers ${tag}`, `Methode ${tag} zonder fietsen`].sort());
    });

    it("keeps the websearch syntax of the strict query: -word excludes, a stop word asks nothing", async () => {
      const withTag = await slugs(tag);
      expect(withTag).toHaveLength(3);
      const without = await slugs(`${tag} -fietsen`);
      expect(without).not.toContain(withTag.find((s) => s.startsWith("methode")));
      expect(without.length).toBeLessThan(withTag.length);
      expect(await slugs(`de ${tag} en het`)).toEqual(withTag);
    });

    it("answers a query of 2,000 characters in 16 long unknown words with the usual shape", async () => {
      const words = Array.from({ length: 16 }, (_, i) => `${"begeleidingstrajectcoordinatie".repeat(4)}${i}`.slice(0, 124));
      const q = words.join(" ").padEnd(2000, "x").slice(0, 2000);
      expect(q).toHaveLength(2000);
      const result = await search({ q });
      expect(result).toEqual({ total: expect.any(Number), results: expect.any(Array) });
      const typos = await search({ q: paragraph.replace(/e/g, "a") });
      expect(typos.total).toBeGreaterThanOrEqual(0);
    });
  });

  it("never serves a cached result after a change, whichever instance made it", async () => {
    const word = nonsense();
    expect(await search({ q: word })).toEqual({ total: 0, results: [] });
    expect(await search({ q: `${word}s` })).toEqual({ total: 0, results: [] });
    // Published straight on the database, as another instance would: this app's cache learns of it through the
    // change counter alone.
    await publish({ title: `Nieuw ${word}` });
    expect((await search({ q: word })).results.map((r) => r.title)).toEqual([`Nieuw ${word}`]);
    // Its words joined the vocabulary: a longer form finds it too.
    expect((await search({ q: `${word}s` })).results.map((r) => r.title)).toEqual([`Nieuw ${word}`]);
  });

  // A pasted paragraph: many distinct real words, the costliest query there is before searchWords caps it.
  const paragraph = readFileSync(join(import.meta.dirname, "../../../content/kennisbank/open-hiring.md"), "utf8")
    .replace(/\s+/g, " ")
    .slice(0, 2000);
  it.each([
    ["'", "'"],
    ["&", "&"],
    ["!", "!"],
    [":*", ":*"],
    ["<script>", "<script>alert(1)</script>"],
    ["unclosed quote", '"jongeren'],
    ["operators only", "a & | ! ( ) :* <-> \\"],
    ["one word of 2,000 characters", "x".repeat(2000)],
    ["one word 222 times", "jongeren ".repeat(222)],
    ["a pasted paragraph of 2,000 characters", paragraph],
  ])("answers the hostile query %s without error", async (_name, q) => {
    const result = await search({ q });
    expect(result.total).toBeGreaterThanOrEqual(0);
    for (const r of result.results) expect(r.snippet).not.toMatch(/<script/);
  });

  it("refuses bad filters naming the field", async () => {
    for (const [field, value] of [
      ["type", "boek"],
      ["theme", "9"],
      ["factor", "1"],
      ["page", "0"],
      ["page", "twee"],
      ["q", "x".repeat(2001)],
    ]) {
      const res = await ctx.app.inject({ method: "GET", url: "/api/kennisbank", query: { [field as string]: value as string } });
      expect(res.statusCode, `${field}=${value}`).toBe(400);
      expect(res.json().field).toBe(field);
    }
  });

  it("shows an entry with its factors and related entries, and 404 for an unknown one", async () => {
    const slug = (await search({ q: `Fietsenmakers ${tag}` })).results[0]?.slug;
    const res = await ctx.app.inject({ method: "GET", url: `/api/kennisbank/${slug}` });
    expect(res.statusCode).toBe(200);
    const entry = res.json();
    expect(entry).toMatchObject({ title: `Fietsenmakers ${tag}`, factors: ["2.10"], organisation: "Testorganisatie" });
    expect(entry.factorDetails[0]).toMatchObject({ id: "2.10", themeId: "2", text: expect.any(String) });
    expect(entry.related.length).toBeGreaterThan(0);
    expect(entry.related.length).toBeLessThanOrEqual(4);
    for (const related of entry.related) expect(related.factors).toContain("2.10");
    expect(entry.submissionToken).toBeUndefined();
    expect((await ctx.app.inject({ method: "GET", url: "/api/kennisbank/bestaat-niet" })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: "GET", url: "/api/kennisbank/..%2F..%2Fetc" })).statusCode).toBe(404);
  });

  it("lists entries per factor for every one of the 31 factors", async () => {
    const byFactor = (await ctx.app.inject({ method: "GET", url: "/api/kennisbank/by-factor" })).json();
    expect(byFactor["1.1"].length).toBeGreaterThan(0);
  });

  describe("projectendatabank", () => {
    const submission = {
      type: "programma",
      title: `Ons project ${submittedTag}`,
      summary: "Wij begeleiden jongeren naar werk.",
      body: "Zo werkt het.",
      organisation: "Gemeente Voorbeeld",
      region: "Voorbeeldregio",
      factors: ["7.30"],
      themes: ["7"],
    };

    it("stores a submission invisibly until a moderator approves it", async () => {
      const res = await ctx.app.inject({ method: "POST", url: "/api/kennisbank/submissions", payload: submission });
      expect(res.statusCode, res.body).toBe(201);
      const { slug, statusToken } = res.json();
      expect(statusToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect((await search({ q: submittedTag })).total).toBe(0);
      expect((await ctx.app.inject({ method: "GET", url: `/api/kennisbank/${slug}` })).statusCode).toBe(404);
      expect((await ctx.app.inject({ method: "GET", url: `/api/kennisbank/submissions/status/${statusToken}` })).json().status).toBe(
        "pending",
      );

      // Not signed in: 401; signed in without being a moderator: 403.
      const moderate = (cookie?: string, payload: object = { decision: "approve" }) =>
        ctx.app.inject({
          method: "POST",
          url: `/api/kennisbank/submissions/${slug}/moderation`,
          payload,
          headers: cookie ? { cookie } : {},
        });
      expect((await moderate()).statusCode).toBe(401);
      const other = await signUp(`iemand-${tag}@example.nl`);
      expect((await moderate(other)).statusCode).toBe(403);
      expect((await search({ q: submittedTag })).total).toBe(0);

      const moderator = await signUp(TEST_MODERATOR.email);
      const pending = await ctx.app.inject({
        method: "GET",
        url: "/api/kennisbank/submissions?status=pending",
        headers: { cookie: moderator },
      });
      expect(pending.json().map((s: { slug: string }) => s.slug)).toContain(slug);
      // The response schema names the public fields only: no status token, no search vectors (issue 14).
      const listed = pending.json().find((s: { slug: string }) => s.slug === slug);
      expect(listed).not.toHaveProperty("submissionToken");
      expect(JSON.stringify(pending.json())).not.toContain(statusToken);
      expect(listed).not.toHaveProperty("search");
      expect(listed).not.toHaveProperty("titleSearch");
      expect((await moderate(moderator, { decision: "reject" })).json().field).toBe("reason");
      expect((await moderate(moderator)).statusCode).toBe(200);
      expect((await search({ q: submittedTag })).results.map((r) => r.slug)).toEqual([slug]);
      const entry = await ctx.app.inject({ method: "GET", url: `/api/kennisbank/${slug}` });
      expect(entry.statusCode).toBe(200);
      expect(entry.body).not.toContain(statusToken);
      expect(Object.keys(entry.json()).sort()).toEqual(
        [
          "body",
          "category",
          "contact",
          "createdAt",
          "evidenceLevel",
          "factorDetails",
          "factors",
          "financing",
          "keyElements",
          "labourRegions",
          "link",
          "municipalities",
          "national",
          "organisation",
          "organisations",
          "origin",
          "period",
          "provinces",
          "region",
          "rejectionReason",
          "related",
          "results",
          "reviewedAt",
          "slug",
          "source",
          "status",
          "summary",
          "targetGroupSize",
          "targetGroups",
          "themes",
          "title",
          "type",
        ].sort(),
      );
      expect((await ctx.app.inject({ method: "GET", url: `/api/kennisbank/submissions/status/${statusToken}` })).json().status).toBe(
        "published",
      );
    });

    it("rejects with a reason the submitter can read", async () => {
      const { statusToken, slug } = (
        await ctx.app.inject({ method: "POST", url: "/api/kennisbank/submissions", payload: { ...submission, title: "Afgewezen project" } })
      ).json();
      const moderator = await signIn(TEST_MODERATOR.email);
      const res = await ctx.app.inject({
        method: "POST",
        url: `/api/kennisbank/submissions/${slug}/moderation`,
        payload: { decision: "reject", reason: "Dit is geen project voor jongeren." },
        headers: { cookie: moderator },
      });
      expect(res.statusCode).toBe(200);
      const status = (await ctx.app.inject({ method: "GET", url: `/api/kennisbank/submissions/status/${statusToken}` })).json();
      expect(status).toMatchObject({ status: "rejected", rejectionReason: "Dit is geen project voor jongeren." });
      expect((await ctx.app.inject({ method: "GET", url: `/api/kennisbank/${slug}` })).statusCode).toBe(404);
    });

    it("refuses an invalid submission naming the field, storing nothing", async () => {
      const before = (
        await ctx.app.inject({
          method: "GET",
          url: "/api/kennisbank/submissions?status=pending",
          headers: { cookie: await signIn(TEST_MODERATOR.email) },
        })
      ).json().length;
      for (const [payload, field] of [
        [{ ...submission, title: "" }, "title"],
        [{ ...submission, type: "boek" }, "type"],
        [{ ...submission, organisation: undefined }, "organisation"],
        [{ ...submission, factors: ["9.99"] }, "factors"],
        [{ ...submission, factors: ["1.1"], extra: true }, "body"],
        [{ ...submission, link: "javascript:alert(1)" }, "link"],
        [{ ...submission, summary: "x".repeat(401) }, "summary"],
      ] as const) {
        const res = await ctx.app.inject({ method: "POST", url: "/api/kennisbank/submissions", payload });
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().field).toBe(field);
      }
      const after = (
        await ctx.app.inject({
          method: "GET",
          url: "/api/kennisbank/submissions?status=pending",
          headers: { cookie: await signIn(TEST_MODERATOR.email) },
        })
      ).json().length;
      expect(after).toBe(before);
    });
  });

  // Moderator rights need a verified address (account.api.test.ts tests the mailed link); here it is marked verified
  // as the command line does for an operator-made account.
  const signUp = async (email: string) => {
    const cookie = await signUpAs(ctx.api, email, TEST_MODERATOR.password);
    await markEmailVerified(ctx.database.db, email);
    return cookie;
  };
  const signIn = signUp;
});
