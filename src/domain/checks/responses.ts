import { z } from "zod";
import { PERSPECTIVES } from "../teams/perspectives.ts";
import { planResponse } from "./plan.ts";

/**
 * Response schemas of the check routes (`/api/checks…`; the plan routes use `planResponse` and its parts in
 * plan.ts). Plain shapes without checks or transforms: the server encodes every response through them, and the
 * hot routes (saving an answer, reading the results) pay for every rule a schema holds.
 */

/** An answer as stored and sent: a score 1–10, "nvt" or "weetniet" (the rules are in answers.ts). */
export const answerValueResponse = z.union([z.number(), z.literal("nvt"), z.literal("weetniet")]);

/** 201 of `POST /api/checks`: the new check's id, its only key. */
export const checkCreatedResponse = z.object({ id: z.string().describe("De id van de check (144 willekeurige bits): de enige sleutel") });

/** A respondent's check: its round as the respondent sees it. */
export const checkRoundResponse = z.object({
  name: z.string(),
  perspective: z.enum(PERSPECTIVES),
  acceptsAnswers: z.boolean(),
  /** The browser is a shared device (kiosk) for this round's perspective; `invitePath` is where the next person starts. */
  kiosk: z.boolean(),
  invitePath: z.string().nullable(),
  /** After the round closed: the team's message (B1) to the young people who answered; null otherwise. */
  youthMessage: z.string().nullable(),
});

/** `GET /api/checks/:id`: the check with its answers and plan. */
export const checkResponse = z.object({
  id: z.string(),
  toolId: z.string(),
  toolVersion: z.string(),
  answers: z.record(z.string(), answerValueResponse),
  plan: planResponse,
  updatedAt: z.date(),
  /** When a round check was handed in (it counts in the team's results from then on). */
  submittedAt: z.date().nullable(),
  /** Set when the check is a respondent's answer in a team's measurement round. */
  round: checkRoundResponse.nullable(),
});

/** `PATCH /api/checks/:id/answers`: the answers are saved. */
export const answersSavedResponse = z.object({ id: z.string(), saved: z.literal(true) });

/** `POST /api/checks/:id/submit`: handed in (the day only). */
export const checkSubmittedResponse = z.object({ id: z.string(), submittedAt: z.date() });

export const TIP_GROUPS = ["aandachtspunt", "overig", "onbeantwoord", "nvt"] as const;

export const themeScoreResponse = z.object({
  id: z.string(),
  /** Mean of the answered factors, one decimal; null when none is answered with a number. */
  score: z.number().nullable(),
  answered: z.number(),
  notApplicable: z.number(),
  unanswered: z.number(),
});

/**
 * `GET /api/checks/:id/results`: scores, and the order of the factors' tips without the tips themselves, which the
 * client has in the tool it loaded (the tips are ~95 % of the full results). Only what the tool cannot tell: the
 * answered factors (unanswered ones are absent) and the order; a factor's tip group follows from its answer
 * (`tipGroup`), its text and tips from the tool.
 */
export const resultsSummaryResponse = z.object({
  overall: z.number().nullable(),
  themes: z.array(themeScoreResponse),
  answers: z.record(z.string(), answerValueResponse).describe("De beantwoorde factoren van de verbetertool (onbeantwoorde ontbreken)"),
  tipOrder: z.array(z.string()).describe("Alle factoren, in de volgorde waarin hun verbetertips getoond worden"),
});
