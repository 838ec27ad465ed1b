import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dutchDay } from "../../domain/dates.ts";
import { databaseTargets } from "../test/databases.ts";
import { type Api, allFactorIds, createRound, createTeam, inviteToken, respond, signUp, uniqueEmail } from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";

/*
 * The intervisie agenda (members, web and PDF) and the spiegelsessie (coordinators) of a round: what they choose,
 * who may read them, and that a group below the threshold never shows.
 */

/** The text of a PDF, all pages (pdf.js, as a reader would extract it). */
async function pdfText(bytes: Buffer): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await doc.destroy();
  return pages.join(" ").replace(/\s+/g, " ");
}

type Means = Partial<Record<string, number>>;
type Agenda = {
  teamName: string;
  perspectives: { perspective: string; responses: number; visible: boolean }[];
  today: string;
  dueUntil: string;
  lowest: { id: string; themeId: string; perspective: string; mean: number }[];
  gaps: { id: string; means: Means; gap: number }[];
  actions: { what: string; when: string | null; overdue: boolean }[];
  moreActions: number;
};
type Session = {
  teamName: string;
  themes: {
    id: string;
    title: string;
    mirror: { means: Means };
    factors: { id: string; means: Means }[];
    gaps: { id: string; gap: number }[];
    questions: string[];
    tips: { factorId: string }[];
    examples: { slug: string }[];
  }[];
};

describe.each(databaseTargets())("intervisie agenda and spiegelsessie on $name", (target) => {
  const ctx = useTestApp(target);
  let coordinator = "";
  let member = "";
  let stranger = "";
  let teamId = "";
  let roundId = "";
  let youthInvite = "";
  let factor = "";
  let other = "";
  const today = () => dutchDay(new Date());

  const call = (method: Parameters<Api>[0], url: string, cookie?: string, payload?: object) => ctx.api(method, url, { cookie, payload });

  beforeAll(async () => {
    coordinator = await signUp(ctx.api, uniqueEmail("coord-agenda"), undefined, "Coördinator Agenda");
    teamId = await createTeam(ctx.api, coordinator, { name: "Team Agenda" });
    const invite = await call("POST", `/api/teams/${teamId}/invites`, coordinator, { role: "member" });
    member = await signUp(ctx.api, uniqueEmail("lid-agenda"));
    expect((await call("POST", `/api/team-invites/${invite.json().token}/accept`, member)).statusCode).toBe(200);
    stranger = await signUp(ctx.api, uniqueEmail("ander-team"));
    await createTeam(ctx.api, stranger, { name: "Ander team" });

    // Two factors of theme 1 that employers are asked too.
    const employerFactors = (await allFactorIds(ctx.api, "employer")).filter((id) => id.startsWith("1."));
    factor = employerFactors[0] ?? "";
    other = employerFactors[1] ?? "";
    const round = await createRound(ctx.api, coordinator, teamId, {
      name: "Voorjaar 2026",
      threshold: 3,
      perspectives: ["professional", "youth", "employer"],
    });
    roundId = round.id;
    youthInvite = round.invites.youth ?? "";
    for (let n = 0; n < 3; n++) await respond(ctx.api, round.invites.professional ?? "", { [factor]: 2, [other]: 7 });
    for (let n = 0; n < 3; n++) await respond(ctx.api, round.invites.employer ?? "", { [factor]: 8, [other]: 7 });
    // Two young people only: below the threshold, their 1 must never show.
    for (let n = 0; n < 2; n++) await respond(ctx.api, youthInvite, { [factor]: 1, [other]: 1 });

    const action = async (what: string, when: string | null, status = "open") =>
      expect((await call("POST", `/api/teams/${teamId}/plan/actions`, member, { themeId: "1", what, when, status })).statusCode).toBe(201);
    await action("Overleg met de jobcoach", addDays(today(), -3));
    await action("Buddy's werven", addDays(today(), 5), "bezig");
    await action("Al gedaan", addDays(today(), -10), "klaar");
    await action("Pas in de zomer", addDays(today(), 60));
  });

  it("a member gets the agenda: lowest scores, largest gaps and actions due, without the hidden group", async () => {
    const res = await call("GET", `/api/rounds/${roundId}/agenda`, member);
    expect(res.statusCode, res.body).toBe(200);
    const agenda = res.json() as Agenda;
    expect(agenda.teamName).toBe("Team Agenda");
    expect(agenda.today).toBe(today());
    expect(agenda.perspectives).toContainEqual({ perspective: "youth", responses: 2, visible: false });
    expect(agenda.lowest[0]).toMatchObject({ id: factor, themeId: "1", perspective: "professional", mean: 2 });
    expect(agenda.lowest.length).toBeLessThanOrEqual(5);
    expect(agenda.gaps[0]).toMatchObject({ id: factor, gap: 6, means: { professional: 2, employer: 8 } });
    for (const f of agenda.lowest) expect(f.perspective).not.toBe("youth");
    for (const g of agenda.gaps) expect(g.means.youth).toBeUndefined();
    expect(agenda.actions.map((a) => [a.what, a.overdue])).toEqual([
      ["Overleg met de jobcoach", true],
      ["Buddy's werven", false],
    ]);
    expect(agenda.moreActions).toBe(0);
  });

  it("the agenda PDF holds the same choices", async () => {
    const res = await call("GET", `/api/rounds/${roundId}/agenda.pdf`, member);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="agenda-voorjaar-2026.pdf"');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain("Agenda intervisie: Voorjaar 2026");
    expect(text).toContain("Laagste scores");
    expect(text).toContain("Overleg met de jobcoach");
    expect(text).toContain("(verlopen)");
    expect(text).not.toContain("Pas in de zomer");
    expect(text).toContain("Te weinig antwoorden om te tonen: jongere");
  });

  it("a coordinator gets the session: every theme with questions, the gaps, never the hidden group", async () => {
    const res = await call("GET", `/api/rounds/${roundId}/session`, coordinator);
    expect(res.statusCode, res.body).toBe(200);
    const session = res.json() as Session;
    expect(session.themes.map((t) => t.id)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    for (const theme of session.themes) {
      expect(theme.questions.length).toBeGreaterThanOrEqual(2);
      expect(theme.questions.length).toBeLessThanOrEqual(4);
      expect(theme.tips.length).toBeGreaterThan(0);
      expect(theme.mirror.means.youth).toBeUndefined();
      for (const f of theme.factors) expect(f.means.youth).toBeUndefined();
    }
    const first = session.themes[0];
    expect(first?.gaps[0]).toMatchObject({ id: factor, gap: 6 });
    expect(first?.tips[0]?.factorId).toBe(factor);
    expect(JSON.stringify(session)).not.toContain('"youth":1');
  });

  it("only team members read the agenda, only coordinators the session", async () => {
    expect((await call("GET", `/api/rounds/${roundId}/session`, member)).statusCode).toBe(403);
    for (const path of ["agenda", "agenda.pdf", "session"]) {
      expect((await call("GET", `/api/rounds/${roundId}/${path}`, stranger)).statusCode, path).toBe(404);
      expect((await call("GET", `/api/rounds/${roundId}/${path}`)).statusCode, path).toBe(401);
      // A respondent's link is no key to the round.
      expect((await call("GET", `/api/rounds/${inviteToken(youthInvite)}/${path}`, stranger)).statusCode, path).toBe(404);
    }
  });
});
