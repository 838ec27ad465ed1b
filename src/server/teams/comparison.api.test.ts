import { beforeAll, describe, expect, it } from "vitest";
import { rounds, teams } from "../../db/schema.ts";
import { newSecretId } from "../ids.ts";
import { databaseTargets } from "../test/databases.ts";
import { allFactorIds, createRound, createTeam, respond, signUp, TOOL_ID, uniqueEmail } from "../test/factories.ts";
import { useTestApp } from "../test/use-app.ts";

/*
 * Comparison with peers and the cross-organisation spiegel, on real databases. Peer teams that only contribute figures
 * are written straight into the database as closed rounds whose raw responses are gone (only the kept snapshot left),
 * the way a round looks after its retention period; the teams the test acts for go through the API. The peer pool is
 * frozen per week, so the test moves the app's clock a week forward where it expects a change to count.
 */

type Figure = { id: string; own: number | null; peers: number | null; organisations: string | null };
type Comparison = {
  sharing: boolean;
  pool: { weekStart: string; nextWeekStart: string; included: boolean };
  filter: { applied: boolean };
  perspectives: { perspective: string; themes: (Figure & { factors: Figure[] })[] }[];
};

describe.each(databaseTargets())("comparison with peers on $name", (target) => {
  // A Wednesday noon, moved a week at a time by `nextWeek`.
  let weeks = 0;
  const ctx = useTestApp(target, { clock: () => new Date(Date.UTC(2030, 0, 2, 12) + weeks * 7 * 86_400_000) });
  const nextWeek = () => {
    weeks += 1;
  };
  let coordinator = "";
  let member = "";
  let teamId = "";
  let roundId = "";
  let peerCoordinator = "";
  let peerMember = "";
  let peerTeamId = "";
  let peerRoundId = "";
  /** Every other team's id and name: none may appear in a comparison. */
  const others: string[] = [];

  const call = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, cookie?: string, payload?: object) =>
    ctx.api(method, url, { cookie, payload });
  const comparison = async (query = "") => {
    const res = await call("GET", `/api/rounds/${roundId}/comparison${query}`, member);
    expect(res.statusCode, res.body).toBe(200);
    for (const secret of others) expect(res.body).not.toContain(secret);
    return res.json() as Comparison;
  };
  const theme1 = (c: Comparison) => c.perspectives.find((p) => p.perspective === "professional")?.themes.find((t) => t.id === "1");
  const anyPeerFigure = (c: Comparison) =>
    c.perspectives.some((p) =>
      p.themes.some((t) => t.peers !== null || t.organisations !== null || t.factors.some((f) => f.peers !== null)),
    );

  /** A sharing team with a closed round (snapshot only) in which three professionals gave every factor `score`. */
  async function insertPeer(organisation: string, municipality: string, score: number, kind: "gemeente" | "rmc" = "gemeente") {
    const id = newSecretId();
    const name = `Vergelijkteam ${others.length}`;
    others.push(id, name);
    const items = (await allFactorIds(ctx.api)).map((factor) => ({
      id: factor,
      distribution: Array.from({ length: 10 }, (_, i) => (i + 1 === score ? 3 : 0)),
      notApplicable: 0,
      dontKnow: 0,
    }));
    const db = ctx.database.db;
    await db.insert(teams).values({ id, name, organisation, municipality, organisationKind: kind, shareAggregates: true });
    const round = newSecretId();
    others.push(round);
    await db.insert(rounds).values({
      id: round,
      teamId: id,
      name: "Voorjaar",
      toolId: TOOL_ID,
      status: "closed",
      closedAt: new Date(),
      rawDeletedAt: new Date(),
      perspectives: ["professional"],
      aggregates: { version: 2, perspectives: [{ perspective: "professional", responses: 3, waiting: 0, items }] },
    });
  }

  /** A team through the API with a member and a closed round of three professionals scoring factor 1.1. */
  async function apiTeam(name: string, organisation: string, region: string, score: number) {
    const coordinatorCookie = await signUp(ctx.api, uniqueEmail("coord-vergelijk"), undefined, `Coördinator ${name}`);
    const id = await createTeam(ctx.api, coordinatorCookie, { name, organisation, region });
    const invite = await call("POST", `/api/teams/${id}/invites`, coordinatorCookie, { role: "member" });
    const memberCookie = await signUp(ctx.api, uniqueEmail("lid-vergelijk"));
    expect((await call("POST", `/api/team-invites/${invite.json().token}/accept`, memberCookie)).statusCode).toBe(200);
    const round = await createRound(ctx.api, coordinatorCookie, id, {
      name: `${name} najaar`,
      threshold: 3,
      perspectives: ["professional"],
    });
    for (let i = 0; i < 3; i++) await respond(ctx.api, round.invites.professional ?? "", { "1.1": score });
    expect((await call("POST", `/api/rounds/${round.id}/close`, coordinatorCookie)).statusCode).toBe(200);
    return { coordinator: coordinatorCookie, member: memberCookie, teamId: id, roundId: round.id };
  }

  beforeAll(async () => {
    const own = await apiTeam("Team Eigen", "Gemeente Leeuwarden", "Leeuwarden", 6);
    ({ coordinator, member, teamId, roundId } = own);
    const peer = await apiTeam("Team Buren", "Jongerenloket Drachten", "Smallingerland", 9);
    peerCoordinator = peer.coordinator;
    peerMember = peer.member;
    peerTeamId = peer.teamId;
    peerRoundId = peer.roundId;
    others.push(peer.teamId, "Team Buren", peer.roundId);
  });

  it("stores the structured fields: a kind from the list and a municipality from the list; free text is kept and mapped", async () => {
    const before = (await call("GET", `/api/teams/${teamId}`, coordinator)).json();
    // Free text from before: the region names Leeuwarden.
    expect(before).toMatchObject({ region: "Leeuwarden", municipality: "Leeuwarden", organisationKind: null, shareAggregates: false });
    const odd = await call("PATCH", `/api/teams/${peerTeamId}`, peerCoordinator, { region: "ergens in het noorden" });
    expect(odd.json()).toMatchObject({ region: "ergens in het noorden", municipality: null });
    const saved = await call("PATCH", `/api/teams/${teamId}`, coordinator, { organisationKind: "gemeente", municipality: "leeuwarden" });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ organisationKind: "gemeente", municipality: "Leeuwarden" });
    const unknown = await call("PATCH", `/api/teams/${teamId}`, coordinator, { municipality: "Nergenshuizen" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toEqual({ error: "Kies een gemeente uit de lijst.", field: "municipality" });
    expect((await call("PATCH", `/api/teams/${teamId}`, coordinator, { organisationKind: "bakkerij" })).statusCode).toBe(400);
    expect((await call("PATCH", `/api/teams/${teamId}`, member, { organisationKind: "rmc" })).statusCode).toBe(403);
    // The peer team names its municipality again, so it has one for the comparison.
    await call("PATCH", `/api/teams/${peerTeamId}`, peerCoordinator, { municipality: "Smallingerland", organisationKind: "jongerenwerk" });
  });

  it("only coordinators switch sharing; a team that does not share sees nothing; sharing counts from next Monday", async () => {
    expect((await call("PUT", `/api/teams/${teamId}/sharing`, member, { share: true })).statusCode).toBe(403);
    const notSharing = await comparison();
    expect(notSharing).toMatchObject({
      sharing: false,
      pool: { weekStart: "2029-12-31", nextWeekStart: "2030-01-07", included: false },
      perspectives: [],
    });
    const on = await call("PUT", `/api/teams/${teamId}/sharing`, coordinator, { share: true });
    expect(on.json()).toEqual({ shareAggregates: true, takesEffectOn: "2030-01-07" });
    expect((await call("GET", `/api/teams/${teamId}`, member)).json().shareAggregates).toBe(true);
    // This week's pool was made without us: still nothing, until Monday.
    expect(await comparison()).toMatchObject({ sharing: true, pool: { included: false }, perspectives: [] });
    nextWeek();
    expect(await comparison()).toMatchObject({ sharing: true, pool: { weekStart: "2030-01-07", included: true } });
  });

  it("shows a figure only with 5 distinct other organisations; teams of one organisation count once", async () => {
    // Five teams of one organisation: one organisation.
    for (let i = 0; i < 5; i++) await insertPeer("ROC Noord", "Groningen", 8, "rmc");
    // Another team of our own organisation does not count either.
    await insertPeer("Gemeente Leeuwarden", "Leeuwarden", 8);
    nextWeek();
    let seen = await comparison();
    expect(seen.sharing).toBe(true);
    expect(theme1(seen)).toMatchObject({ own: 6, peers: null, organisations: null });
    expect(anyPeerFigure(seen)).toBe(false);

    // Four other organisations in all: still nothing.
    for (const organisation of ["Gemeente Groningen", "Gemeente Assen", "Werkplein Zwolle"]) await insertPeer(organisation, "Groningen", 8);
    nextWeek();
    seen = await comparison();
    expect(anyPeerFigure(seen)).toBe(false);

    // The fifth: the peer team through the API switches sharing on.
    expect((await call("PUT", `/api/teams/${peerTeamId}/sharing`, peerCoordinator, { share: true })).statusCode).toBe(200);
    // Within the week nothing moves; from next Monday the peer team counts (and sees the comparison itself).
    expect(anyPeerFigure(await comparison())).toBe(false);
    expect((await call("GET", `/api/rounds/${peerRoundId}/comparison`, peerMember)).json()).toMatchObject({ pool: { included: false } });
    nextWeek();
    seen = await comparison();
    // Theme 1: four organisations at 8 (the five ROC Noord teams as one) and the peer team's 9 on factor 1.1 only.
    const theme = theme1(seen);
    expect(theme?.organisations).toBe("5–9");
    expect(theme?.factors.find((f) => f.id === "1.1")).toEqual({ id: "1.1", own: 6, peers: 8, organisations: "5–9" });
    expect(theme?.peers).toBe(8);
    // A factor the peer team did not score has only four organisations: hidden.
    expect(theme?.factors.find((f) => f.id === "1.2")).toMatchObject({ peers: null, organisations: null });

    // Filtering on the kind leaves too few organisations: compared with all.
    const byKind = await comparison("?kind=gemeente");
    expect(byKind.filter.applied).toBe(false);
    expect(theme1(byKind)?.organisations).toBe("5–9");
    expect((await call("GET", `/api/rounds/${roundId}/comparison?kind=bakkerij`, member)).statusCode).toBe(400);
  });

  it("a team that stops sharing leaves every comparison from next Monday", async () => {
    expect((await call("PUT", `/api/teams/${peerTeamId}/sharing`, peerMember, { share: false })).statusCode).toBe(403);
    expect((await call("PUT", `/api/teams/${peerTeamId}/sharing`, peerCoordinator, { share: false })).statusCode).toBe(200);
    // Within the week its figures still count, and it still sees the comparison (it is in this week's pool).
    expect(anyPeerFigure(await comparison())).toBe(true);
    const stillIn = await call("GET", `/api/rounds/${peerRoundId}/comparison`, peerMember);
    expect(stillIn.json()).toMatchObject({ sharing: false, pool: { included: true } });
    nextWeek();
    expect(anyPeerFigure(await comparison())).toBe(false);
    // And it sees no comparison itself.
    const theirs = await call("GET", `/api/rounds/${peerRoundId}/comparison`, peerMember);
    expect(theirs.json()).toMatchObject({ sharing: false, pool: { included: false }, perspectives: [] });
  });

  it("a rename counts from next week: our own organisation's other team enters our pool only then", async () => {
    // Four other organisations now (the peer team left): hidden. The other Gemeente Leeuwarden team is ours.
    expect(anyPeerFigure(await comparison())).toBe(false);
    const rename = (fields: object) => call("PATCH", `/api/teams/${teamId}`, coordinator, fields);
    const renamed = await rename({ organisation: "Stichting Elders", municipality: null, region: "" });
    expect(renamed.statusCode, renamed.body).toBe(200);
    // Same week: the organisation key frozen in the pool still leaves out Gemeente Leeuwarden.
    expect(anyPeerFigure(await comparison())).toBe(false);
    nextWeek();
    // Now Gemeente Leeuwarden is another organisation: five, shown.
    expect(theme1(await comparison())).toMatchObject({ peers: 8, organisations: "5–9" });
    expect((await rename({ organisation: "Gemeente Leeuwarden", municipality: "Leeuwarden", region: "Leeuwarden" })).statusCode).toBe(200);
  });

  it("the cross-organisation spiegel needs both coordinators, and either can end it", async () => {
    const invited = await call("POST", `/api/teams/${teamId}/spiegels`, coordinator);
    expect(invited.statusCode, invited.body).toBe(201);
    const { id, code } = invited.json() as { id: string; code: string };
    expect(code).toMatch(/\S{10,}/);
    expect((await call("POST", `/api/teams/${teamId}/spiegels`, member)).statusCode).toBe(403);
    // Members do not see the code.
    expect((await call("GET", `/api/teams/${teamId}/spiegels`, member)).json()).toEqual([expect.objectContaining({ id, code: null })]);

    // Before the other team accepts: nothing for either side.
    expect((await call("GET", `/api/teams/${teamId}/spiegels/${id}`, member)).statusCode).toBe(404);
    expect((await call("GET", `/api/teams/${peerTeamId}/spiegels/${id}`, peerMember)).statusCode).toBe(404);
    // A member cannot accept; our own code does not work for us; an unknown code is 404.
    expect((await call("POST", `/api/teams/${peerTeamId}/spiegels/accept`, peerMember, { code })).statusCode).toBe(403);
    expect((await call("POST", `/api/teams/${teamId}/spiegels/accept`, coordinator, { code })).statusCode).toBe(404);
    expect((await call("POST", `/api/teams/${peerTeamId}/spiegels/accept`, peerCoordinator, { code: "verzonnen" })).statusCode).toBe(404);

    const accepted = await call("POST", `/api/teams/${peerTeamId}/spiegels/accept`, peerCoordinator, { code });
    expect(accepted.json()).toEqual({ id });
    expect((await call("POST", `/api/teams/${peerTeamId}/spiegels/accept`, peerCoordinator, { code })).statusCode).toBe(404);

    for (const [team, cookie, mine, theirs, mean] of [
      [teamId, member, "Team Eigen", "Team Buren", 9],
      [peerTeamId, peerMember, "Team Buren", "Team Eigen", 6],
    ] as const) {
      const res = await call("GET", `/api/teams/${team}/spiegels/${id}`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as {
        teams: { teamName: string; ours: boolean; perspectives: { themes: { factors: { id: string; mean: number | null }[] }[] }[] }[];
      };
      expect(body.teams.map((t) => [t.teamName, t.ours])).toEqual([
        [mine, true],
        [theirs, false],
      ]);
      expect(body.teams[1]?.perspectives[0]?.themes[0]?.factors.find((f) => f.id === "1.1")?.mean).toBe(mean);
      expect((await call("GET", `/api/teams/${team}/spiegels`, cookie)).json()).toEqual([
        expect.objectContaining({ id, otherTeamName: theirs, code: null }),
      ]);
    }
    // Someone outside both teams: 404.
    const stranger = await signUp(ctx.api, uniqueEmail("vreemde-spiegel"));
    expect((await call("GET", `/api/teams/${teamId}/spiegels/${id}`, stranger)).statusCode).toBe(404);

    // The invited team withdraws: gone for both.
    expect((await call("DELETE", `/api/teams/${peerTeamId}/spiegels/${id}`, peerMember)).statusCode).toBe(403);
    expect((await call("DELETE", `/api/teams/${peerTeamId}/spiegels/${id}`, peerCoordinator)).statusCode).toBe(204);
    expect((await call("GET", `/api/teams/${teamId}/spiegels/${id}`, member)).statusCode).toBe(404);
    expect((await call("GET", `/api/teams/${peerTeamId}/spiegels/${id}`, peerMember)).statusCode).toBe(404);
    expect((await call("GET", `/api/teams/${teamId}/spiegels`, coordinator)).json()).toEqual([]);
  });

  it("an invitation code can be accepted for 14 days, not later", async () => {
    const old = (await call("POST", `/api/teams/${teamId}/spiegels`, coordinator)).json() as { id: string; code: string };
    nextWeek();
    nextWeek();
    const late = await call("POST", `/api/teams/${peerTeamId}/spiegels/accept`, peerCoordinator, { code: old.code });
    expect(late.statusCode).toBe(404);
    expect(late.json().error).toMatch(/bestaat niet|niet gevonden/i);
    // A fresh code still works; the expired one can be withdrawn by its team.
    const fresh = (await call("POST", `/api/teams/${teamId}/spiegels`, coordinator)).json() as { id: string; code: string };
    expect((await call("POST", `/api/teams/${peerTeamId}/spiegels/accept`, peerCoordinator, { code: fresh.code })).statusCode).toBe(200);
    for (const { id } of [old, fresh]) {
      expect((await call("DELETE", `/api/teams/${teamId}/spiegels/${id}`, coordinator)).statusCode).toBe(204);
    }
  });
});
