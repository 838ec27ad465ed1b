import { z } from "zod";
import { planActionResponse } from "../checks/plan.ts";
import { ORGANISATION_KINDS } from "./comparison.ts";
import { PERSPECTIVES } from "./perspectives.ts";
import { MEMBER_ROLES } from "./roles.ts";
import { ROUND_STATUSES } from "./rounds.ts";

/**
 * Response schemas of the team, round and team-plan routes (server/teams/, server/plans/). The server serialises
 * every response through its route's schema, so a field that is not here never leaves: a round's kept snapshot and
 * tally bookkeeping, raw answers, and invite tokens for anyone but coordinators (`invites` is null for members).
 * Plain shapes (no refinements): they describe what is sent, the rules live elsewhere in the domain.
 */

const perspective = z.enum(PERSPECTIVES);
const role = z.enum(MEMBER_ROLES);
/** Per perspective, every perspective present (0 / false for the groups a round does not ask). */
const perPerspective = <T extends z.ZodType>(value: T) => z.record(perspective, value);
/** Per perspective, only some present (e.g. the groups a round asks). */
const somePerspectives = <T extends z.ZodType>(value: T) => z.partialRecord(perspective, value);
const idName = z.object({ id: z.string(), name: z.string() });

/** `POST /api/teams`, and anything else that answers with a new id only. */
export const createdResponse = z.object({ id: z.string() });

/** `GET /api/teams`: your teams with your role in each. */
export const teamSummaryResponse = z.object({ id: z.string(), name: z.string(), organisation: z.string(), region: z.string(), role });
export const teamListResponse = z.array(teamSummaryResponse);

/** A member as a team member sees them; `email` only for coordinators (the privacy page promises it). */
export const memberResponse = z.object({ userId: z.string(), name: z.string(), role, email: z.string().optional() });

/** A team invite link that still works (coordinators only); it stops working at `expiresAt` or when revoked. */
export const teamInviteResponse = z.object({ token: z.string(), url: z.string(), role, createdAt: z.date(), expiresAt: z.date() });

export const responseCountsResponse = perPerspective(z.number());

/** A round as listed with its team; never its kept snapshot or tally bookkeeping. */
export const roundInfoResponse = z.object({
  id: z.string(),
  teamId: z.string(),
  name: z.string(),
  toolId: z.string(),
  threshold: z.number(),
  /** The last day (yyyy-mm-dd, Dutch time) the round takes answers; null: until a coordinator closes it. */
  closesOn: z.string().nullable(),
  status: z.enum(ROUND_STATUSES),
  startedAt: z.date(),
  closedAt: z.date().nullable(),
  /** When the raw responses were deleted after the retention period (the figures stay). */
  rawDeletedAt: z.date().nullable(),
  /** The groups this round asks (1–4, in the canonical order); each has its own link. */
  perspectives: z.array(perspective),
  /** After closing, what the team tells the young people who answered (shown on the youth link); null when none. */
  youthMessage: z.string().nullable(),
});
export const roundSummaryResponse = roundInfoResponse.extend({
  /** Handed-in responses per perspective; 0 for the groups the round does not ask. */
  responses: responseCountsResponse,
});

/** A team's own fields with its members (`PATCH /api/teams/:id`). */
export const teamDetailsResponse = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  region: z.string(),
  /** Structured fields for the comparison with peers; null when not chosen (domain/teams/comparison.ts). */
  organisationKind: z.enum(ORGANISATION_KINDS).nullable(),
  /** The municipality chosen from the list, or the one the free-text region or organisation names; else null. */
  municipality: z.string().nullable(),
  /** Opt-in: the team's closed rounds count anonymously in comparisons with peers. */
  shareAggregates: z.boolean(),
  retentionMonths: z.number(),
  createdAt: z.date(),
  members: z.array(memberResponse),
});

/** `GET /api/teams/:id`. */
export const teamResponse = teamDetailsResponse.extend({
  myRole: role,
  /** Coordinators: the invite links that still work; members: null. */
  invites: z.array(teamInviteResponse).nullable(),
  rounds: z.array(roundSummaryResponse),
});

/** `GET /api/team-invites/:token`: what joining means, before accepting. */
export const teamInvitePreviewResponse = z.object({ teamName: z.string(), role });
/** `POST /api/team-invites/:token/accept`. */
export const teamJoinedResponse = z.object({ teamId: z.string(), role });

/** `POST /api/teams/:id/rounds`: the new round and its open link per group. */
export const roundStartedResponse = z.object({ id: z.string(), invites: somePerspectives(z.string()) });

export const perspectiveInviteResponse = z.object({ url: z.string(), qrSvg: z.string() });

/** `GET /api/rounds/:id`. */
export const roundResponse = roundSummaryResponse.extend({
  acceptsAnswers: z.boolean(),
  /** Coordinators only (null for members); only the round's perspectives have an entry. */
  invites: somePerspectives(perspectiveInviteResponse).nullable(),
  /** Per perspective whether its open link takes new responses (off: personal invitations only). */
  openLinks: perPerspective(z.boolean()),
  /** Personal single-use invitations (coordinators; null for members): counts only, never addresses or links. */
  personalInvites: z
    .object({
      /** False when the server has no SMTP_URL: then personal invitations cannot be sent. */
      available: z.boolean(),
      counts: perPerspective(z.object({ sent: z.number(), used: z.number() })),
    })
    .nullable(),
  /** The perspective this browser was opened for as a shared device (kiosk) in this round, if any. */
  kiosk: perspective.nullable(),
});

export const personalInvitesSentResponse = z.object({ sent: z.number(), failed: z.number() });
export const openLinksResponse = z.object({ openLinks: perPerspective(z.boolean()) });
export const youthMessageResponse = z.object({ youthMessage: z.string().nullable() });
/** The page a shared device opens for its perspective. */
export const kioskStartedResponse = z.object({ path: z.string() });
export const roundStatusResponse = z.object({ id: z.string(), status: z.enum(ROUND_STATUSES) });

/** A factor's figures in one perspective; every figure null when it rests on fewer answers than the threshold. */
export const itemAggregateResponse = z.object({
  id: z.string(),
  mean: z.number().nullable(),
  scored: z.number().nullable(),
  /** How many gave each score (index 0 is score 1). */
  distribution: z.array(z.number()).nullable(),
  notApplicable: z.number().nullable(),
  dontKnow: z.number().nullable(),
});
export const themeAggregateResponse = z.object({
  id: z.string(),
  mean: z.number().nullable(),
  factorsShown: z.number(),
  factors: z.number(),
});

const perspectiveCounts = { perspective, responses: z.number(), waiting: z.number() };
/** One perspective of a round: hidden as a whole below the threshold. */
export const perspectiveResultResponse = z.discriminatedUnion("visible", [
  z.object({ ...perspectiveCounts, visible: z.literal(false) }),
  z.object({
    ...perspectiveCounts,
    visible: z.literal(true),
    overall: z.number().nullable(),
    themes: z.array(themeAggregateResponse),
    items: z.array(itemAggregateResponse),
  }),
]);

export const mirrorRowResponse = z.object({ id: z.string(), means: somePerspectives(z.number()), gap: z.number().nullable() });

/** `GET /api/rounds/:id/results`. */
export const roundResultsResponse = z.object({
  round: roundInfoResponse.extend({ acceptsAnswers: z.boolean() }),
  threshold: z.number(),
  /** A response counts once this many factors are answered (half of them). */
  minimumAnswers: z.number(),
  /** Only the round's perspectives (1–4), in the canonical order. */
  perspectives: z.array(perspectiveResultResponse),
  /** Counted responses per perspective by the way they came in (0 for groups the round does not ask). */
  channels: perPerspective(z.object({ open: z.number(), personal: z.number() })),
  mirror: z.object({ themes: z.array(mirrorRowResponse), items: z.array(mirrorRowResponse) }),
  largestGaps: z.array(mirrorRowResponse),
  previous: idName.extend({ perspectives: z.array(perspectiveResultResponse) }).nullable(),
});

export const trendPointResponse = z.object({ roundId: z.string(), roundName: z.string(), means: somePerspectives(z.number()) });

/** `GET /api/teams/:id/trend`: per theme and per factor the means of every round (hidden figures absent). */
export const trendResponse = z.object({
  rounds: z.array(idName.extend({ startedAt: z.date(), status: z.enum(ROUND_STATUSES) })),
  themes: z.record(z.string(), z.array(trendPointResponse)),
  factors: z.record(z.string(), z.array(trendPointResponse)),
});

/** A team plan action: a personal plan's action plus the member who owns it and the round it was made in. */
export const teamPlanActionResponse = planActionResponse.extend({
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  createdInRoundId: z.string().nullable(),
});

export const scoreChangeResponse = z.object({ before: z.number().nullable(), after: z.number().nullable(), delta: z.number().nullable() });

/** `GET /api/teams/:id/plan`: the shared plan, with per action how its factor's score moved. */
export const teamPlanResponse = z.object({
  themes: z.record(z.string(), z.string()),
  actions: z.array(
    teamPlanActionResponse.extend({
      /** Per perspective visible in either round: the factor's mean in the round compared with and the latest. */
      change: somePerspectives(scoreChangeResponse),
      comparedWith: idName.nullable(),
      /** Due (`when`) before the latest round's first day and not done. */
      dueBeforeLatestRound: z.boolean(),
    }),
  ),
  latestRound: idName.nullable(),
  /** The ids of the actions due before the latest round began and not done, in plan order. */
  dueBeforeLatestRound: z.array(z.string()),
});

/** `GET /api/invites/:token`: what a respondent sees before starting; no team data beyond its name. */
export const roundInviteResponse = z.object({
  roundName: z.string(),
  teamName: z.string(),
  organisation: z.string(),
  perspective,
  toolId: z.string(),
  acceptsAnswers: z.boolean(),
  /** The open link is switched off by the team: personal invitations only. */
  linkOff: z.boolean(),
  /** The youth link of a closed round whose team published a message to the young people who answered. */
  youthMessage: z.string().nullable(),
  /** A personal single-use invitation (true) or the open link of a perspective (false). */
  personal: z.boolean(),
  /** A personal invitation that was already used: it cannot start a response again. */
  used: z.boolean(),
  /** This browser already handed in through this open link (a signed cookie says so). */
  handedIn: z.boolean(),
  /** This browser is a shared device (kiosk) for this link: after each hand-in the page resets. */
  kiosk: z.boolean(),
});

/** A management link as its coordinators see it (`GET/POST /api/rounds/:id/management-links`). */
export const managementLinkResponse = z.object({
  token: z.string(),
  url: z.string(),
  createdAt: z.date(),
  /** The last day (yyyy-mm-dd, Dutch time) the link works. */
  expiresOn: z.string(),
  /** Name of the coordinator who made it; null when that account is gone. */
  createdByName: z.string().nullable(),
});
export const managementLinksResponse = z.array(managementLinkResponse);

const managementFigure = { id: z.string(), title: z.string(), mean: z.number().nullable() };
/**
 * `GET /api/management/:token`: only the round's name and dates, the threshold, and per group the responses and the
 * released theme and factor means (null: too few answers). No team name, members, links or answers.
 */
export const managementSummaryResponse = z.object({
  round: z.object({ name: z.string(), startedAt: z.date(), closedAt: z.date().nullable(), closesOn: z.string().nullable() }),
  threshold: z.number(),
  perspectives: z.array(
    z.object({
      perspective,
      responses: z.number(),
      visible: z.boolean(),
      overall: z.number().nullable(),
      themes: z.array(z.object({ ...managementFigure, factors: z.array(z.object(managementFigure)) })),
    }),
  ),
});

/** `PUT /api/teams/:id/sharing`. */
export const sharingResponse = z.object({
  shareAggregates: z.boolean(),
  /** The Monday (yyyy-mm-dd) from which the change counts: the comparison uses a pool frozen per week. */
  takesEffectOn: z.string(),
});

const peerFigureResponse = {
  id: z.string(),
  /** The team's own released mean; null when hidden. */
  own: z.number().nullable(),
  /** The peers' average in steps of 0.5; null unless at least 5 other organisations contribute. */
  peers: z.number().nullable(),
  /** How many organisations contribute, as a band only. */
  organisations: z.enum(["5–9", "10+"]).nullable(),
};
/**
 * `GET /api/rounds/:id/comparison`: the round's figures next to those of comparable teams. Never another team's name,
 * id or exact count; nothing at all while the team does not share its own figures.
 */
export const comparisonResponse = z.object({
  round: idName,
  /** The team's setting now; what counts this week is `pool.included`. */
  sharing: z.boolean(),
  /**
   * The week's frozen peer pool: its Monday, the next Monday (when changes of sharing, names and newly closed rounds
   * count) and whether the team is in it (only then does it see the comparison).
   */
  pool: z.object({ weekStart: z.string(), nextWeekStart: z.string(), included: z.boolean() }),
  /** The filter asked for, and whether it applied (false: too few organisations in it, compared with all). */
  filter: z.object({
    kind: z.enum(ORGANISATION_KINDS).nullable(),
    area: z.enum(["province", "labourRegion"]).nullable(),
    areaName: z.string().nullable(),
    applied: z.boolean(),
  }),
  perspectives: z.array(
    z.object({ perspective, themes: z.array(z.object({ ...peerFigureResponse, factors: z.array(z.object(peerFigureResponse)) })) }),
  ),
});

/** A cross-organisation spiegel as one of its teams sees it (`GET /api/teams/:id/spiegels`). */
export const spiegelResponse = z.object({
  id: z.string(),
  /** The invitation code: only for the inviting team's coordinators while nobody accepted. */
  code: z.string().nullable(),
  invitedByUs: z.boolean(),
  createdAt: z.date(),
  acceptedAt: z.date().nullable(),
  /** The other team's name, once both agreed; null while pending. */
  otherTeamName: z.string().nullable(),
});
export const spiegelsResponse = z.array(spiegelResponse);

const spiegelFigure = { id: z.string(), mean: z.number().nullable() };
const spiegelSide = z.object({
  teamName: z.string(),
  ours: z.boolean(),
  /** The team's latest closed round of the tool; null when it has none. */
  round: z.object({ name: z.string(), closedAt: z.date().nullable() }).nullable(),
  perspectives: z.array(
    z.object({
      perspective,
      responses: z.number(),
      visible: z.boolean(),
      themes: z.array(z.object({ ...spiegelFigure, factors: z.array(z.object(spiegelFigure)) })),
    }),
  ),
});
/** `GET /api/places/municipalities`: the municipalities a team can choose (content/regions.yaml), by name. */
export const municipalitiesResponse = z.array(z.object({ name: z.string(), province: z.string() }));

/** `GET /api/teams/:id/spiegels/:spiegelId`: both teams' released figures side by side (own team first). */
export const spiegelMirrorResponse = z.object({ toolId: z.string().nullable(), teams: z.array(spiegelSide) });
