import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import {
  kioskInputSchema,
  openLinkInputSchema,
  personalInvitesInputSchema,
  roundInputSchema,
  youthMessageInputSchema,
} from "../../domain/teams/inputs.ts";
import { largestGaps, mirror } from "../../domain/teams/mirror.ts";
import { PERSPECTIVE_LABELS, PERSPECTIVES, type Perspective } from "../../domain/teams/perspectives.ts";
import {
  kioskStartedResponse,
  openLinksResponse,
  personalInvitesSentResponse,
  roundInviteResponse,
  roundResponse,
  roundResultsResponse,
  roundStartedResponse,
  roundStatusResponse,
  trendResponse,
  youthMessageResponse,
} from "../../domain/teams/responses.ts";
import { roundAcceptsAnswers } from "../../domain/teams/rounds.ts";
import { emptyResponse, fileResponse } from "../../domain/wire.ts";
import type { Auth } from "../auth/auth.ts";
import { abortOnClose } from "../client-gone.ts";
import { linkBase } from "../config.ts";
import { HttpError, notFound } from "../errors.ts";
import { SECRET_ID_PATTERN } from "../ids.ts";
import type { Mailer } from "../mail.ts";
import { loadPlan } from "../plans/service.ts";
import { sendEmpty } from "../replies.ts";
import { defaultTool, type ToolIndex } from "../tools/load.ts";
import { roundAccess, useAccessRules } from "./access.ts";
import { aggregatesCsv } from "./aggregate-table.ts";
import { handedInHere, isKiosk, kioskOf, startKiosk, stopKiosk } from "./respondents.ts";
import { roundResults, teamTrend } from "./results.ts";
import {
  addPersonalInvite,
  closeDueRounds,
  closeRound,
  deleteRound,
  dropPersonalInvite,
  findPersonalInvite,
  findRound,
  findRoundInvite,
  openLinks,
  personalInviteCounts,
  type RoundRecord,
  reopenRound,
  responseCounts,
  roundAggregates,
  roundTokens,
  setOpenLink,
  setYouthMessage,
  startRound,
} from "./rounds.ts";
import { teamName } from "./service.ts";

export type RoundsPluginOptions = {
  db: Db;
  auth: Auth;
  /** PUBLIC_URL; undefined: links follow the address each request came in on. */
  publicUrl: string | undefined;
  tools: ReadonlyMap<string, ToolIndex>;
  /** A real mail server for personal invitations; null when SMTP_URL is not configured. */
  personalMailer: Mailer | null;
};

const roundParams = z.object({ id: z.string() });

export const roundsRoutes: FastifyPluginAsyncZod<RoundsPluginOptions> = async (app, { db, auth, publicUrl, tools, personalMailer }) => {
  /** `base`: from `linkBase`, taken before anything is stored, so a bad Host header changes nothing. */
  const inviteUrl = (base: string, token: string) => `${base}/meedoen/${token}`;
  const assertAsks = (round: RoundRecord, perspective: Perspective) => {
    if (!round.perspectives.includes(perspective))
      throw new HttpError(400, `Deze meting vraagt de groep ${PERSPECTIVE_LABELS[perspective].toLowerCase()} niet.`, "perspective");
  };
  const toolOf = (round: RoundRecord) => {
    const tool = tools.get(round.toolId);
    if (!tool) throw notFound("Verbetertool van deze meting");
    return tool.tool;
  };

  // A round past its closing date closes by itself (the same close as a coordinator's) before any route reads it, so
  // none shows it "open". Before authentication, but harmless: it only does what the date demands and reveals nothing.
  app.addHook("preHandler", async (request) => {
    const id = (request.params as { id?: unknown } | undefined)?.id;
    if (typeof id !== "string" || !SECRET_ID_PATTERN.test(id)) return;
    const route = request.routeOptions.url ?? "";
    const scope = route.startsWith("/api/rounds/:id") ? { roundId: id } : route.startsWith("/api/teams/:id/") ? { teamId: id } : null;
    if (scope) await closeDueRounds(db, (toolId) => tools.get(toolId)?.tool, new Date(), scope);
  });
  // After the closing above: a round is loaded for its access rule once, as it is now.
  useAccessRules(app, { db, auth });

  async function invitesOf(request: FastifyRequest, roundId: string) {
    const base = linkBase(publicUrl, request);
    const tokens = await roundTokens(db, roundId);
    const entries = await Promise.all(
      PERSPECTIVES.filter((p) => tokens[p]).map(async (p) => {
        const url = inviteUrl(base, tokens[p] ?? "");
        // qrcode (and pngjs with it) is loaded when a coordinator first opens a round, not at start-up.
        const { default: QRCode } = await import("qrcode");
        const qr = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
        return [p, { url, qrSvg: `data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}` }] as const;
      }),
    );
    return Object.fromEntries(entries) as Partial<Record<Perspective, { url: string; qrSvg: string }>>;
  }

  app.post(
    "/api/teams/:id/rounds",
    {
      config: { access: { team: "coordinator" } },
      schema: {
        tags: ["metingen"],
        summary: "Start een meting met een link per perspectief (coördinatoren)",
        params: roundParams,
        body: roundInputSchema,
        response: { 201: roundStartedResponse },
      },
    },
    async (request, reply) => {
      // Without a toolId: the default tool (content/tools/<id>/tool.yaml `default: true`).
      const toolId = request.body.toolId ?? defaultTool(tools).tool.id;
      const tool = tools.get(toolId);
      if (!tool) throw new HttpError(400, `Onbekende verbetertool "${toolId}".`, "toolId");
      // A tool may be meant for some groups only (tool.yaml `perspectives`, e.g. a self-scan for professionals).
      const allowed = tool.tool.perspectives;
      const refused = allowed ? request.body.perspectives.filter((p) => !allowed.includes(p)) : [];
      if (refused.length > 0) {
        throw new HttpError(
          400,
          `"${tool.tool.title}" is alleen bedoeld voor: ${allowed?.map((p) => PERSPECTIVE_LABELS[p].toLowerCase()).join(", ")}. Kies geen andere groepen.`,
          "perspectives",
        );
      }
      const base = linkBase(publicUrl, request);
      const { id, tokens } = await startRound(db, request.params.id, { ...request.body, toolId }, tool.tool);
      const invites = Object.fromEntries(request.body.perspectives.map((p) => [p, inviteUrl(base, tokens[p] ?? "")]));
      return reply.status(201).send({ id, invites });
    },
  );

  app.get(
    "/api/rounds/:id",
    {
      config: { access: { round: "member" } },
      schema: {
        tags: ["metingen"],
        summary: "Een meting met aantallen en (voor coördinatoren) de links",
        params: roundParams,
        response: { 200: roundResponse },
      },
    },
    async (request) => {
      const { round, membership } = roundAccess(request);
      const coordinator = membership.role === "coordinator";
      const kiosk = kioskOf(request);
      return {
        ...round,
        acceptsAnswers: roundAcceptsAnswers(round, new Date()),
        responses: await responseCounts(db, round.id),
        invites: coordinator ? await invitesOf(request, round.id) : null,
        openLinks: openLinks(round),
        personalInvites: coordinator ? { available: personalMailer !== null, counts: await personalInviteCounts(db, round.id) } : null,
        kiosk: kiosk?.roundId === round.id ? kiosk.perspective : null,
      };
    },
  );

  app.post(
    "/api/rounds/:id/personal-invites",
    {
      // Each request may mail hundreds of people; a hijacked account must not turn the app into a spam relay.
      config: { rateLimit: { max: 20, timeWindow: "1 hour" }, access: { round: "coordinator" } },
      schema: {
        tags: ["metingen"],
        summary: "Mail persoonlijke links die één keer werken (coördinatoren); adressen worden niet bewaard",
        params: roundParams,
        body: personalInvitesInputSchema,
        response: { 200: personalInvitesSentResponse },
      },
    },
    async (request) => {
      const { round } = roundAccess(request);
      if (!personalMailer)
        throw new HttpError(
          409,
          "Persoonlijke uitnodigingen zijn niet beschikbaar: de beheerder heeft geen mailserver ingesteld (SMTP_URL).",
          "addresses",
        );
      if (!roundAcceptsAnswers(round, new Date())) throw new HttpError(409, "Deze meting is gesloten: uitnodigen kan niet meer.");
      const name = await teamName(db, round.teamId);
      const { perspective } = request.body;
      assertAsks(round, perspective);
      const base = linkBase(publicUrl, request);
      let sent = 0;
      let failed = 0;
      // One at a time, so a slow mail server is not flooded; the addresses live only in this request.
      for (const address of new Set(request.body.addresses)) {
        const token = await addPersonalInvite(db, round.id, perspective);
        try {
          await personalMailer.send(personalInviteMail(address, inviteUrl(base, token), round.name, name, perspective));
          sent++;
        } catch {
          await dropPersonalInvite(db, token);
          failed++;
        }
      }
      if (failed > 0) request.log.warn({ roundId: round.id, failed }, "personal invitations not sent");
      return { sent, failed };
    },
  );

  app.patch(
    "/api/rounds/:id/open-links",
    {
      config: { access: { round: "coordinator" } },
      schema: {
        tags: ["metingen"],
        summary: "Zet de open link van een perspectief aan of uit (uit: alleen persoonlijke uitnodigingen)",
        params: roundParams,
        body: openLinkInputSchema,
        response: { 200: openLinksResponse },
      },
    },
    async (request) => {
      const { round } = roundAccess(request);
      assertAsks(round, request.body.perspective);
      await setOpenLink(db, round.id, request.body.perspective, request.body.open);
      const updated = await findRound(db, round.id);
      return { openLinks: openLinks(updated ?? round) };
    },
  );

  app.put(
    "/api/rounds/:id/youth-message",
    {
      config: { access: { round: "coordinator" } },
      schema: {
        tags: ["metingen"],
        summary: "Publiceer na het sluiten een B1-bericht voor de jongeren ('wat we met jullie antwoorden doen'); null trekt het in",
        params: roundParams,
        body: youthMessageInputSchema,
        response: { 200: youthMessageResponse },
      },
    },
    async (request) => {
      const { round } = roundAccess(request);
      assertAsks(round, "youth");
      if (round.status !== "closed")
        throw new HttpError(409, "Een bericht voor de jongeren kun je plaatsen als de meting gesloten is.", "message");
      await setYouthMessage(db, round.id, request.body.message);
      return { youthMessage: request.body.message };
    },
  );

  app.post(
    "/api/rounds/:id/kiosk",
    {
      config: { access: { round: "coordinator" } },
      schema: {
        tags: ["metingen"],
        summary: "Gebruik deze browser als gedeeld apparaat voor één perspectief (coördinatoren)",
        params: roundParams,
        body: kioskInputSchema,
        response: { 200: kioskStartedResponse },
      },
    },
    async (request, reply) => {
      const { round } = roundAccess(request);
      startKiosk(request, reply, round.id, request.body.perspective);
      assertAsks(round, request.body.perspective);
      return { path: `/meedoen/${(await roundTokens(db, round.id))[request.body.perspective]}` };
    },
  );

  app.delete(
    "/api/rounds/:id/kiosk",
    {
      config: { access: { round: "coordinator" } },
      schema: {
        tags: ["metingen"],
        summary: "Stop het gedeelde apparaat in deze browser",
        params: roundParams,
        response: { 204: emptyResponse("Gestopt") },
      },
    },
    async (_request, reply) => {
      stopKiosk(reply);
      return sendEmpty(reply, 204);
    },
  );

  app.post(
    "/api/rounds/:id/close",
    {
      config: { access: { round: "coordinator" } },
      schema: { tags: ["metingen"], summary: "Sluit een meting", params: roundParams, response: { 200: roundStatusResponse } },
    },
    async (request) => {
      const { round } = roundAccess(request);
      await closeRound(db, round, toolOf(round));
      return { id: round.id, status: "closed" as const };
    },
  );

  app.post(
    "/api/rounds/:id/reopen",
    {
      config: { access: { round: "coordinator" } },
      schema: { tags: ["metingen"], summary: "Heropen een meting", params: roundParams, response: { 200: roundStatusResponse } },
    },
    async (request) => {
      const { round } = roundAccess(request);
      if (round.rawDeletedAt) throw new HttpError(409, "De losse antwoorden van deze meting zijn al verwijderd; heropenen kan niet meer.");
      if (!(await reopenRound(db, round.id, new Date())))
        throw new HttpError(409, "De sluitdatum van deze meting is voorbij; heropenen kan niet meer.");
      return { id: round.id, status: "open" as const };
    },
  );

  app.delete(
    "/api/rounds/:id",
    {
      config: { access: { round: "coordinator" } },
      schema: {
        tags: ["metingen"],
        summary: "Verwijder een meting met alle antwoorden",
        params: roundParams,
        response: { 204: emptyResponse("Verwijderd") },
      },
    },
    async (request, reply) => {
      const { round } = roundAccess(request);
      await deleteRound(db, round.id);
      return sendEmpty(reply, 204);
    },
  );

  app.get(
    "/api/rounds/:id/results",
    {
      config: { access: { round: "member" } },
      schema: {
        tags: ["metingen"],
        summary: "Teamresultaten van een meting (anoniem, met drempel)",
        params: roundParams,
        response: { 200: roundResultsResponse },
      },
    },
    async (request) => {
      const { round } = roundAccess(request);
      return roundResults(db, round, toolOf(round), new Date());
    },
  );

  app.get(
    "/api/teams/:id/trend",
    {
      config: { access: { team: "member" } },
      schema: {
        tags: ["metingen"],
        summary: "Scores per thema over de metingen van het team",
        params: roundParams,
        response: { 200: trendResponse },
      },
    },
    async (request) => teamTrend(db, request.params.id, toolOf),
  );

  const exportName = (round: RoundRecord, ext: string) =>
    `meting-${
      round.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "resultaten"
    }.${ext}`;

  app.get(
    "/api/rounds/:id/export.csv",
    {
      config: { access: { round: "member" } },
      schema: {
        tags: ["metingen"],
        summary: "Gemiddelden per factor en perspectief als CSV",
        params: roundParams,
        response: { 200: fileResponse("text/csv; charset=utf-8", "De gemiddelden per factor en perspectief (nooit losse antwoorden)") },
      },
    },
    async (request, reply) => {
      const { round } = roundAccess(request);
      const csv = aggregatesCsv(toolOf(round), await roundAggregates(db, round, toolOf(round)), round.threshold);
      return reply
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="${exportName(round, "csv")}"`)
        .send(csv);
    },
  );

  app.get(
    "/api/rounds/:id/export.xlsx",
    {
      config: { access: { round: "member" } },
      schema: {
        tags: ["metingen"],
        summary: "Gemiddelden per factor en perspectief als Excel",
        params: roundParams,
        response: {
          200: fileResponse(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "De gemiddelden per factor en perspectief",
          ),
        },
      },
      onRequest: app.renders.limit,
    },
    async (request, reply) => {
      const clientGone = abortOnClose(reply);
      const { round } = roundAccess(request);
      const xlsx = await app.renders.run(
        {
          kind: "round-xlsx",
          tool: toolOf(round),
          round: { name: round.name, threshold: round.threshold },
          results: await roundAggregates(db, round, toolOf(round)),
        },
        clientGone,
      );
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("Content-Disposition", `attachment; filename="${exportName(round, "xlsx")}"`)
        .send(xlsx);
    },
  );

  app.get(
    "/api/rounds/:id/report.pdf",
    {
      config: { access: { round: "member" } },
      schema: {
        tags: ["metingen"],
        summary: "Managementsamenvatting van een meting (PDF)",
        params: roundParams,
        response: { 200: fileResponse("application/pdf", "De managementsamenvatting") },
      },
      onRequest: app.renders.limit,
    },
    async (request, reply) => {
      const clientGone = abortOnClose(reply);
      const { round } = roundAccess(request);
      const name = await teamName(db, round.teamId);
      const perspectives = await roundAggregates(db, round, toolOf(round));
      const { actions } = await loadPlan(db, { kind: "team", id: round.teamId });
      // Rendered in a worker thread, from plain data only (see server/render/).
      const pdf = await app.renders.run(
        {
          kind: "round-summary",
          tool: toolOf(round),
          teamName: name,
          summary: {
            round: { name: round.name, startedAt: round.startedAt, closedAt: round.closedAt },
            threshold: round.threshold,
            perspectives,
            largestGaps: largestGaps(mirror(perspectives).items),
          },
          plan: { actions },
        },
        clientGone,
      );
      return reply
        .type("application/pdf")
        .header("Content-Disposition", `attachment; filename="${exportName(round, "pdf")}"`)
        .send(pdf);
    },
  );

  /** What a respondent sees before starting: no team data beyond its name. */
  app.get(
    "/api/invites/:token",
    {
      schema: {
        tags: ["meedoen"],
        summary: "Uitleg bij een uitnodigingslink",
        params: z.object({ token: z.string() }),
        response: { 200: roundInviteResponse },
      },
    },
    async (request) => {
      const token = request.params.token;
      const open = SECRET_ID_PATTERN.test(token) ? await findRoundInvite(db, token) : undefined;
      const personal = !open && SECRET_ID_PATTERN.test(token) ? await findPersonalInvite(db, token) : undefined;
      const invite = open ?? personal;
      if (!invite) throw notFound("Uitnodiging");
      return {
        roundName: invite.round.name,
        teamName: invite.teamName,
        organisation: invite.organisation,
        perspective: invite.perspective,
        toolId: invite.round.toolId,
        acceptsAnswers: roundAcceptsAnswers(invite.round, new Date()),
        /** The open link is switched off: personal invitations only. */
        linkOff: open ? open.round.openLinksOff.includes(open.perspective) : false,
        /** After closing: what the team does with the young people's answers (youth links only). */
        youthMessage: invite.perspective === "youth" && invite.round.status === "closed" ? invite.round.youthMessage : null,
        personal: Boolean(personal),
        used: personal?.used ?? false,
        handedIn: open ? handedInHere(request, open.round.id, open.perspective) : false,
        kiosk: open ? isKiosk(request, open.round.id, open.perspective) : false,
      };
    },
  );
};

const GREETING: Record<Perspective, { you: string; body: string }> = {
  professional: {
    you: "je",
    body: "Je team vraagt je mee te doen aan een meting van de verbetertool Jongeren & Arbeid. Je geeft per succesfactor een score van 1 tot 10, of n.v.t.",
  },
  youth: {
    you: "je",
    body: "We willen graag weten hoe jij de begeleiding naar werk of school ervaart. Je geeft een cijfer van 1 tot 10.",
  },
  ketenpartner: {
    you: "u",
    body: "Wij vragen u als ketenpartner mee te doen aan een korte meting over de samenwerking bij het begeleiden van jongeren naar werk of school. U geeft per onderwerp een score van 1 tot 10, n.v.t. of weet ik niet.",
  },
  employer: {
    you: "u",
    body: "Wij vragen u mee te doen aan een korte meting over de samenwerking bij het begeleiden van jongeren naar werk. U geeft per onderwerp een score van 1 tot 10, n.v.t. of weet ik niet.",
  },
};

/** The invitation mail: the link is personal and works once; it is not kept anywhere else. */
function personalInviteMail(to: string, url: string, roundName: string, teamName: string, perspective: Perspective) {
  const g = GREETING[perspective];
  const text = [
    `Uitnodiging van ${teamName} (${PERSPECTIVE_LABELS[perspective].toLowerCase()}): ${roundName}`,
    "",
    g.body,
    "",
    `Deze link is alleen voor ${g.you} en werkt één keer:`,
    url,
    "",
    `Het team ziet alleen groepsresultaten, nooit ${g.you === "u" ? "uw" : "jouw"} antwoorden los. Dit e-mailadres is alleen gebruikt om deze uitnodiging te sturen en is daarna niet bewaard.`,
  ].join("\n");
  return { to, subject: `Uitnodiging: ${roundName}`, text };
}
