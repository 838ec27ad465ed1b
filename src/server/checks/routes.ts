import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { type Answers, validateAnswerPatch } from "../../domain/checks/answers.ts";
import {
  answersSavedResponse,
  checkCreatedResponse,
  checkResponse,
  checkSubmittedResponse,
  resultsSummaryResponse,
} from "../../domain/checks/responses.ts";
import { computeResults, summariseResults } from "../../domain/checks/scoring.ts";
import { dutchDay } from "../../domain/dates.ts";
import { askedFactorIds, countsAsResponse, minimumAnswers } from "../../domain/teams/aggregation.ts";
import { allowsDontKnow, type Perspective } from "../../domain/teams/perspectives.ts";
import { roundAcceptsAnswers } from "../../domain/teams/rounds.ts";
import { errorResponse, fileResponse } from "../../domain/wire.ts";
import { abortOnClose } from "../client-gone.ts";
import { HttpError, notFound } from "../errors.ts";
import { SECRET_ID_PATTERN } from "../ids.ts";
import { planRoutes } from "../plans/routes.ts";
import { loadPersonalPlan } from "../plans/service.ts";
import { schemaJson, sendJson } from "../replies.ts";
import { handedInHere, isKiosk, markHandedIn } from "../teams/respondents.ts";
import { findPersonalInvite, findRoundInvite, redeemPersonalInvite, roundTokens } from "../teams/rounds.ts";
import type { ToolIndex } from "../tools/load.ts";
import { type CheckFacts, factsOf } from "./facts.ts";
import {
  type CheckRecord,
  type CheckRound,
  createCheck,
  findCheck,
  markOpened,
  readAnswersJson,
  saveAnswers,
  submitCheck,
} from "./service.ts";

const roundClosed = () => new HttpError(409, "Deze meting is gesloten: er kunnen geen antwoorden meer bij.");
const alreadySubmitted = () => new HttpError(409, "Deze antwoorden zijn al ingeleverd en kunnen niet meer veranderen.");
const openLinkOff = () =>
  new HttpError(409, "Deze open link is uitgezet: meedoen kan alleen met een persoonlijke uitnodiging van het team.", "invite");
const handedInHereAlready = () => new HttpError(409, "Via deze link is in deze browser al ingeleverd. Iedereen levert één keer in.");
const closedOnSharedDevice = () =>
  new HttpError(403, "Op dit gedeelde apparaat zijn ingeleverde antwoorden niet meer te openen. Zo ziet de volgende deelnemer ze niet.");

export type ChecksPluginOptions = { db: Db; tools: ReadonlyMap<string, ToolIndex>; createChecksPerMinute: number };

const checkParams = z.object({ id: z.string() });

export const checksRoutes: FastifyPluginAsyncZod<ChecksPluginOptions> = async (app, { db, tools, createChecksPerMinute }) => {
  // Saves and results reads need a check's unchanging facts first; kept here so a save is one statement. A stale
  // entry (the check was deleted) only means the statement finds no row, answered as before. 10,000 take a few MB.
  const facts = new LRUCache<string, CheckFacts>({ max: 10_000 });
  // Results are a pure function of the tool and the answers: kept per answers text (PostgreSQL's jsonb output is
  // canonical, so equal answers give equal text) as the JSON they are sent as, encoded once through the route's
  // schema. Scores only, no check id; about 1 kB each.
  const summaries = new LRUCache<string, string>({ max: 1_000 });
  const resultsJson = (tool: ToolIndex, answers: Answers) => schemaJson(resultsSummaryResponse, summariseResults(tool.tool, answers));
  // The factors a respondent of a perspective answers, per tool (new Set per save otherwise).
  const askedFactors = new Map<string, ReadonlySet<string>>();
  const factorsAnswered = (tool: ToolIndex, perspective: Perspective): ReadonlySet<string> => {
    const key = `${tool.tool.id}\u0000${perspective}`;
    let ids = askedFactors.get(key);
    if (!ids) {
      ids = new Set(askedFactorIds(tool.tool, perspective));
      askedFactors.set(key, ids);
    }
    return ids;
  };

  /**
   * A response started on a shared device (kiosk) opens only on that device and only until it is handed in: its
   * link is in that browser's history. On a shared device no handed-in response opens again.
   */
  function refusedOnSharedDevice(request: FastifyRequest, check: CheckFacts, submitted: boolean): boolean {
    if (!check.round) return false;
    const onKiosk = isKiosk(request, check.round.id, check.round.perspective);
    return (submitted && (check.channel === "kiosk" || onKiosk)) || (check.channel === "kiosk" && !onKiosk);
  }

  /** The round as its respondent sees it; on a shared device also where the next person starts. */
  async function respondentRound(request: FastifyRequest, round: CheckRound) {
    const kiosk = isKiosk(request, round.id, round.perspective);
    return {
      name: round.name,
      perspective: round.perspective,
      acceptsAnswers: roundAcceptsAnswers(round, new Date()),
      kiosk,
      invitePath: kiosk ? `/meedoen/${(await roundTokens(db, round.id))[round.perspective]}` : null,
      /** After closing, the team's message to the young people who answered. */
      youthMessage: round.perspective === "youth" && round.status === "closed" ? round.youthMessage : null,
    };
  }

  /**
   * Loads the check and its tool, or answers 404 for ids that cannot exist or do not, 403 for a shared device's
   * response where it may not open (see refusedOnSharedDevice).
   */
  async function checkWithTool(request: FastifyRequest & { params: { id: string } }) {
    const id = request.params.id;
    const check = SECRET_ID_PATTERN.test(id) ? await findCheck(db, id) : undefined;
    if (!check) throw notFound("Check");
    const checkFacts = factsOf(check);
    facts.set(check.id, checkFacts);
    if (refusedOnSharedDevice(request, checkFacts, check.submittedAt !== null)) throw closedOnSharedDevice();
    const tool = tools.get(check.toolId);
    if (!tool) throw notFound("Verbetertool van deze check");
    return { check, tool };
  }

  /**
   * A check's unchanging facts and tool: from the cache, else from the database (404 / 403 as checkWithTool; then
   * the loaded check comes along).
   */
  type FactsWithTool = { facts: CheckFacts; tool: ToolIndex; loaded?: CheckRecord };
  function factsWithTool(request: FastifyRequest & { params: { id: string } }): FactsWithTool | Promise<FactsWithTool> {
    const id = request.params.id;
    if (!SECRET_ID_PATTERN.test(id)) throw notFound("Check");
    const known = facts.get(id);
    const tool = known && tools.get(known.toolId);
    // Known: answered without a promise (saves and results reads are the busiest routes).
    if (known && tool) return { facts: known, tool };
    return checkWithTool(request).then(({ check, tool: checkTool }) => ({ facts: factsOf(check), tool: checkTool, loaded: check }));
  }

  /** Saves a patch to a check whose facts are known (see the save route). */
  function saveWith(
    request: FastifyRequest & { params: { id: string }; body: { answers: Record<string, unknown> } },
    known: FactsWithTool,
  ) {
    const { facts: check, tool } = known;
    const id = request.params.id;
    // A shared device's response on another device: answered as a full read would (refuseSave throws).
    if (check.channel === "kiosk" && refusedOnSharedDevice(request, check, false))
      return refuseSave(request).then(() => Promise.reject(closedOnSharedDevice()));
    // A respondent answers only the factors their group is asked, and may say "weet ik niet" outside the professional group.
    const perspective = check.round?.perspective;
    const problem = validateAnswerPatch(request.body.answers, perspective ? factorsAnswered(tool, perspective) : tool.factorIds, {
      allowDontKnow: allowsDontKnow(perspective),
    });
    // An unknown, closed or handed-in check is answered as such before the input is judged.
    if (problem) return refuseSave(request).then(() => Promise.reject(new HttpError(400, problem.error, problem.field)));
    // validateAnswerPatch guarantees every value is 1–10, "nvt", "weetniet" or null.
    const patch = request.body.answers as Record<string, number | "nvt" | "weetniet" | null>;
    return saveAnswers(db, id, patch, dutchDay(new Date()), check.round !== null).then((saved) =>
      saved
        ? { id, saved: true as const }
        : // Handed in (or deleted) between the facts and the update: why, as a full read would say.
          refuseSave(request).then(() => Promise.reject(alreadySubmitted())),
    );
  }

  /** A check's results as JSON, from the loaded check or from its answers alone (one row without the round). */
  function resultsOf(request: FastifyRequest & { params: { id: string } }, { facts: known, tool, loaded }: FactsWithTool) {
    if (loaded) return resultsJson(tool, loaded.answers);
    return readAnswersJson(db, request.params.id).then((check) => {
      if (!check) throw notFound("Check");
      if (refusedOnSharedDevice(request, known, check.submitted)) throw closedOnSharedDevice();
      const key = `${tool.tool.id}\n${check.answersJson}`;
      let json = summaries.get(key);
      if (json === undefined) {
        json = resultsJson(tool, JSON.parse(check.answersJson) as Answers);
        summaries.set(key, json);
      }
      return json;
    });
  }

  /**
   * Why a save was refused or did not land, answered as a full read would: 404, 403, 409 round closed, 409 handed
   * in, in that order; returns when none of them holds. Only refusals pay for this read.
   */
  async function refuseSave(request: FastifyRequest & { params: { id: string } }): Promise<void> {
    const { check } = await checkWithTool(request);
    if (check.round && !roundAcceptsAnswers(check.round, new Date())) throw roundClosed();
    if (check.submittedAt) throw alreadySubmitted();
  }

  app.post(
    "/api/checks",
    {
      config: { rateLimit: { max: createChecksPerMinute, timeWindow: "1 minute" } },
      schema: {
        tags: ["checks"],
        summary: "Start een nieuwe check",
        body: z.strictObject({
          toolId: z.string().max(100),
          invite: z.string().max(100).optional().describe("Token van een uitnodigingslink van een meting"),
        }),
        response: { 201: checkCreatedResponse, 400: errorResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const tool = tools.get(request.body.toolId);
      if (!tool) throw new HttpError(400, `Onbekende verbetertool "${request.body.toolId}".`, "toolId");
      if (request.body.invite === undefined) return reply.status(201).send(await createCheck(db, tool.tool.id, tool.tool.version));
      const token = request.body.invite;
      const open = SECRET_ID_PATTERN.test(token) ? await findRoundInvite(db, token) : undefined;
      const personal = !open && SECRET_ID_PATTERN.test(token) ? await findPersonalInvite(db, token) : undefined;
      const invite = open ?? personal;
      if (!invite) throw new HttpError(404, "Deze uitnodigingslink bestaat niet (meer).", "invite");
      if (invite.round.toolId !== tool.tool.id) throw new HttpError(400, "Deze uitnodiging hoort bij een andere verbetertool.", "toolId");
      if (!roundAcceptsAnswers(invite.round, new Date())) throw roundClosed();
      if (open?.round.openLinksOff.includes(open.perspective)) throw openLinkOff();
      if (open && handedInHere(request, open.round.id, open.perspective)) throw handedInHereAlready();
      // A personal link starts one response, ever; nothing records which response it started.
      if (personal && !(await redeemPersonalInvite(db, token)))
        throw new HttpError(409, "Deze persoonlijke link is al gebruikt. Iedere persoonlijke link werkt één keer.", "invite");
      const created = await createCheck(db, tool.tool.id, tool.tool.version, {
        roundId: invite.round.id,
        perspective: invite.perspective,
        channel: personal ? "personal" : isKiosk(request, invite.round.id, invite.perspective) ? "kiosk" : "open",
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/checks/:id",
    {
      schema: {
        tags: ["checks"],
        summary: "Een check met antwoorden en verbeterplan",
        params: checkParams,
        response: { 200: checkResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const { check } = await checkWithTool(request);
      // Retention: a solo check not opened for SOLO_CHECK_RETENTION_MONTHS is deleted (a write only once a day).
      await markOpened(db, check, dutchDay(new Date()));
      return {
        id: check.id,
        toolId: check.toolId,
        toolVersion: check.toolVersion,
        answers: check.answers,
        plan: await loadPersonalPlan(db, check.id),
        updatedAt: check.updatedAt,
        submittedAt: check.submittedAt,
        // A respondent's check: which round, which perspective (for the wording) and whether it still takes answers.
        round: check.round ? await respondentRound(request, check.round) : null,
      };
    },
  );

  app.patch(
    "/api/checks/:id/answers",
    {
      // The answer is always ~40 bytes and the body a few answers: no compression hooks on the busiest route.
      compress: false,
      decompress: false,
      schema: {
        tags: ["checks"],
        summary: 'Sla antwoorden op (1–10, "nvt", "weetniet" voor respondenten buiten de professionals, of null om te wissen)',
        params: checkParams,
        body: z.strictObject({ answers: z.record(z.string(), z.unknown().describe('1–10, "nvt" of null')) }),
        response: { 200: answersSavedResponse, 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    // Not async, nor is what it calls for a known check: the usual save makes one promise, the statement's. While
    // async hooks are on (better-auth at work, decision 0046) every promise costs, on the busiest route.
    (request) => {
      const found = factsWithTool(request);
      return found instanceof Promise ? found.then((known) => saveWith(request, known)) : saveWith(request, found);
    },
  );

  app.post(
    "/api/checks/:id/submit",
    {
      schema: {
        tags: ["checks"],
        summary: "Lever je antwoorden in bij een meting (telt dan mee in de teamresultaten)",
        params: checkParams,
        response: { 200: checkSubmittedResponse, 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const { check, tool } = await checkWithTool(request);
      const round = check.round;
      if (!round) throw new HttpError(400, "Deze check hoort niet bij een meting; er is niets in te leveren.", "id");
      if (check.submittedAt) return { id: check.id, submittedAt: check.submittedAt };
      if (!roundAcceptsAnswers(round, new Date())) throw roundClosed();
      // Responses started through the open link before it was switched off do not count either: otherwise they could
      // be kept back and handed in right after one invited person's.
      if (check.channel !== "personal" && round.openLinksOff.includes(round.perspective)) throw openLinkOff();
      if (check.channel === "open" && handedInHere(request, round.id, round.perspective)) throw handedInHereAlready();
      if (!countsAsResponse(tool.tool, check.answers, round.perspective)) {
        const answered = Object.keys(check.answers).length;
        const what = allowsDontKnow(round.perspective) ? "een score, n.v.t. of weet ik niet" : "een score of n.v.t.";
        throw new HttpError(
          400,
          `Beantwoord minstens ${minimumAnswers(tool.tool, round.perspective)} vragen (${what}) voordat je inlevert; nu zijn het er ${answered}.`,
          "answers",
        );
      }
      const submittedAt = await submitCheck(db, check.id, round.id, tool.tool);
      if (!submittedAt) throw roundClosed();
      if (check.channel === "open") markHandedIn(request, reply, round.id, round.perspective);
      return { id: check.id, submittedAt };
    },
  );

  app.get(
    "/api/checks/:id/results",
    {
      // About 1 kB, around the compression threshold: no compression hooks on the second busiest route.
      compress: false,
      decompress: false,
      schema: {
        tags: ["checks"],
        summary: "Scores per thema en factor, en de volgorde van de verbetertips (de tips zelf staan in de verbetertool)",
        params: checkParams,
        response: { 200: resultsSummaryResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    // Not async, like the save: a known check's results take one promise, the statement's. Sent as the JSON kept
    // for these answers, not serialised again per request.
    (request, reply) => {
      const found = factsWithTool(request);
      const json = found instanceof Promise ? found.then((known) => resultsOf(request, known)) : resultsOf(request, found);
      if (typeof json === "string") {
        sendJson(reply, json);
        return;
      }
      return json.then((body) => {
        sendJson(reply, body);
      });
    },
  );

  app.get(
    "/api/checks/:id/report.pdf",
    {
      schema: {
        tags: ["checks"],
        summary: "Rapport als PDF",
        params: checkParams,
        response: { 200: fileResponse("application/pdf", "Het rapport") },
      },
      onRequest: app.renders.limit,
    },
    async (request, reply) => {
      const clientGone = abortOnClose(reply);
      const { check, tool } = await checkWithTool(request);
      // Rendered in a worker thread, from plain data (see server/render/).
      const pdf = await app.renders.run(
        {
          kind: "check-report",
          tool: tool.tool,
          results: computeResults(tool.tool, check.answers),
          plan: await loadPersonalPlan(db, check.id),
          updatedAt: check.updatedAt,
        },
        clientGone,
      );
      return (
        reply
          .type("application/pdf")
          // Tool ids are [a-z0-9-] (content schema): safe in a header as they are.
          .header("Content-Disposition", `attachment; filename="verbeterplan-${tool.tool.id}.pdf"`)
          .header("Cache-Control", "no-store")
          .send(pdf)
      );
    },
  );

  // The verbeterplan's write routes, shared with the team plan (server/plans/): a check is resolved as for its other routes.
  await app.register(planRoutes, {
    db,
    owner: "check",
    resolve: async (request) => {
      const { check, tool } = await checkWithTool(request);
      return { owner: { kind: "check", id: check.id }, factorsByTheme: tool.factorsByTheme };
    },
  });
};
