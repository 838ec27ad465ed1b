import { z } from "zod";
import { ACTION_STATUSES } from "../checks/plan.ts";
import { PERSPECTIVES } from "./perspectives.ts";
import { ROUND_STATUSES } from "./rounds.ts";

/**
 * Response schemas of the spiegelsessie and intervisie agenda routes (server/teams/session-routes.ts). Like
 * responses.ts: plain shapes of what is sent; only released figures are in them (a hidden mean is absent).
 */

const perspective = z.enum(PERSPECTIVES);
const means = z.partialRecord(perspective, z.number());
/** Per group of the round: its responses and whether its figures are shown (below the threshold: hidden). */
const groupCounts = z.array(z.object({ perspective, responses: z.number(), visible: z.boolean() }));

const sessionFactor = z.object({ id: z.string(), text: z.string(), means, gap: z.number().nullable() });

/** `GET /api/rounds/:id/session`: per theme of the round's tool what the facilitated session shows. */
export const sessionResponse = z.object({
  round: z.object({ id: z.string(), teamId: z.string(), name: z.string(), toolId: z.string(), status: z.enum(ROUND_STATUSES) }),
  teamName: z.string(),
  threshold: z.number(),
  perspectives: groupCounts,
  themes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      intro: z.string(),
      mirror: z.object({ means, gap: z.number().nullable() }),
      factors: z.array(sessionFactor),
      gaps: z.array(sessionFactor),
      questions: z.array(z.string()),
      tips: z.array(z.object({ factorId: z.string(), title: z.string(), text: z.string() })),
      examples: z.array(z.object({ slug: z.string(), type: z.string(), title: z.string(), factorIds: z.array(z.string()) })),
    }),
  ),
});

const factorRef = { id: z.string(), themeId: z.string(), themeTitle: z.string(), text: z.string() };

/** `GET /api/rounds/:id/agenda`: the intervisie agenda (lowest means, largest gaps, actions due). */
export const agendaResponse = z.object({
  round: z.object({ id: z.string(), teamId: z.string(), name: z.string(), startedAt: z.date(), closedAt: z.date().nullable() }),
  teamName: z.string(),
  threshold: z.number(),
  perspectives: groupCounts,
  today: z.string(),
  dueUntil: z.string(),
  lowest: z.array(z.object({ ...factorRef, perspective, mean: z.number() })),
  gaps: z.array(z.object({ ...factorRef, means, gap: z.number() })),
  actions: z.array(
    z.object({
      id: z.string(),
      themeId: z.string(),
      factorId: z.string().nullable(),
      what: z.string(),
      who: z.string(),
      ownerName: z.string().nullable(),
      when: z.string().nullable(),
      status: z.enum(ACTION_STATUSES),
      overdue: z.boolean(),
    }),
  ),
  moreActions: z.number(),
  limits: z.object({ lowest: z.number(), gaps: z.number(), actions: z.number(), dueWithinDays: z.number() }),
});
