import type { themePlanSavedResponse } from "../../domain/checks/plan.ts";
import type { OrganisationKind } from "../../domain/teams/comparison.ts";
import type { RoundInput, TeamActionInput, TeamActionPatch } from "../../domain/teams/inputs.ts";
import type { Perspective } from "../../domain/teams/perspectives.ts";
import type {
  createdResponse,
  kioskStartedResponse,
  memberResponse,
  openLinksResponse,
  personalInvitesSentResponse,
  perspectiveInviteResponse,
  responseCountsResponse,
  roundInviteResponse,
  roundResponse,
  roundResultsResponse,
  roundStartedResponse,
  roundStatusResponse,
  roundSummaryResponse,
  teamDetailsResponse,
  teamInvitePreviewResponse,
  teamInviteResponse,
  teamJoinedResponse,
  teamPlanActionResponse,
  teamPlanResponse,
  teamResponse,
  teamSummaryResponse,
  trendResponse,
  youthMessageResponse,
} from "../../domain/teams/responses.ts";
import type { Wire } from "../../domain/wire.ts";
import { request } from "./client.ts";

// Response types come from the server's response schemas (domain/teams/responses.ts), as they arrive (dates as strings).
export type { Role } from "../../domain/teams/roles.ts";

import type { Role } from "../../domain/teams/roles.ts";
export type ResponseCounts = Wire<typeof responseCountsResponse>;
export type TeamSummary = Wire<typeof teamSummaryResponse>;
/** `email` only for coordinators: members see each other's names and roles. */
export type Member = Wire<typeof memberResponse>;
/** An invite link that still works (coordinators only); it stops working at `expiresAt` or when revoked. */
export type TeamInvite = Wire<typeof teamInviteResponse>;
export type RoundSummary = Wire<typeof roundSummaryResponse>;
export type Team = Wire<typeof teamResponse>;
export type TeamDetails = Wire<typeof teamDetailsResponse>;
export type TeamPatch = Partial<{
  name: string;
  organisation: string;
  region: string;
  organisationKind: OrganisationKind | null;
  municipality: string | null;
  retentionMonths: number;
}>;
export type PerspectiveInvite = Wire<typeof perspectiveInviteResponse>;
export type Round = Wire<typeof roundResponse>;
/** Personal single-use invitations: only counts are kept, never addresses or the links themselves. */
export type PersonalInvites = NonNullable<Round["personalInvites"]>;
export type RoundResults = Wire<typeof roundResultsResponse>;
export type Trend = Wire<typeof trendResponse>;
/** An action as the plan lists it, with its factor's score change when loaded with the plan. */
export type TeamAction = Wire<typeof teamPlanActionResponse> & Partial<Pick<TeamPlan["actions"][number], "change" | "comparedWith">>;
export type TeamPlan = Wire<typeof teamPlanResponse>;
export type RoundInvite = Wire<typeof roundInviteResponse>;

const team = (id: string) => `/api/teams/${encodeURIComponent(id)}`;
const round = (id: string) => `/api/rounds/${encodeURIComponent(id)}`;

export const teamsApi = {
  list: (signal?: AbortSignal) => request<TeamSummary[]>("/api/teams", { signal }),
  create: (input: { name: string; organisation: string; region: string }) =>
    request<Wire<typeof createdResponse>>("/api/teams", {
      method: "POST",
      body: input,
    }),
  get: (id: string, signal?: AbortSignal) => request<Team>(team(id), { signal }),
  update: (id: string, patch: TeamPatch) => request<TeamDetails>(team(id), { method: "PATCH", body: patch }),
  remove: (id: string) => request<void>(team(id), { method: "DELETE" }),
  invite: (id: string, role: Role) =>
    request<TeamInvite>(`${team(id)}/invites`, {
      method: "POST",
      body: { role },
    }),
  revokeInvite: (id: string, token: string) =>
    request<void>(`${team(id)}/invites/${encodeURIComponent(token)}`, {
      method: "DELETE",
    }),
  teamInvite: (token: string, signal?: AbortSignal) =>
    request<Wire<typeof teamInvitePreviewResponse>>(`/api/team-invites/${encodeURIComponent(token)}`, { signal }),
  acceptInvite: (token: string) =>
    request<Wire<typeof teamJoinedResponse>>(`/api/team-invites/${encodeURIComponent(token)}/accept`, { method: "POST", body: {} }),
  removeMember: (id: string, userId: string) =>
    request<void>(`${team(id)}/members/${encodeURIComponent(userId)}`, {
      method: "DELETE",
    }),

  startRound: (id: string, input: Partial<RoundInput> & { name: string }) =>
    request<Wire<typeof roundStartedResponse>>(`${team(id)}/rounds`, {
      method: "POST",
      body: input,
    }),
  round: (id: string, signal?: AbortSignal) => request<Round>(round(id), { signal }),
  closeRound: (id: string) =>
    request<Wire<typeof roundStatusResponse>>(`${round(id)}/close`, {
      method: "POST",
      body: {},
    }),
  reopenRound: (id: string) =>
    request<Wire<typeof roundStatusResponse>>(`${round(id)}/reopen`, {
      method: "POST",
      body: {},
    }),
  deleteRound: (id: string) => request<void>(round(id), { method: "DELETE" }),
  results: (id: string, signal?: AbortSignal) => request<RoundResults>(`${round(id)}/results`, { signal }),
  trend: (teamId: string, signal?: AbortSignal) => request<Trend>(`${team(teamId)}/trend`, { signal }),
  downloads: (id: string) => ({
    pdf: `${round(id)}/report.pdf`,
    xlsx: `${round(id)}/export.xlsx`,
    csv: `${round(id)}/export.csv`,
  }),

  plan: (id: string, signal?: AbortSignal) => request<TeamPlan>(`${team(id)}/plan`, { signal }),
  putThemeText: (id: string, themeId: string, text: string, keepalive = false) =>
    request<Wire<typeof themePlanSavedResponse>>(`${team(id)}/plan/themes/${encodeURIComponent(themeId)}`, {
      method: "PUT",
      body: { text },
      keepalive,
    }),
  addAction: (id: string, input: Partial<TeamActionInput> & Pick<TeamActionInput, "themeId" | "what">) =>
    request<TeamAction>(`${team(id)}/plan/actions`, {
      method: "POST",
      body: input,
    }),
  patchAction: (id: string, actionId: string, patch: TeamActionPatch, keepalive = false) =>
    request<TeamAction>(`${team(id)}/plan/actions/${encodeURIComponent(actionId)}`, { method: "PATCH", body: patch, keepalive }),
  deleteAction: (id: string, actionId: string) =>
    request<void>(`${team(id)}/plan/actions/${encodeURIComponent(actionId)}`, {
      method: "DELETE",
    }),

  sendPersonalInvites: (id: string, input: { perspective: Perspective; addresses: string[] }) =>
    request<Wire<typeof personalInvitesSentResponse>>(`${round(id)}/personal-invites`, { method: "POST", body: input }),
  setOpenLink: (id: string, perspective: Perspective, open: boolean) =>
    request<Wire<typeof openLinksResponse>>(`${round(id)}/open-links`, {
      method: "PATCH",
      body: { perspective, open },
    }),
  /** Marks this browser as a shared device for one perspective of the round; returns the page to open. */
  startKiosk: (id: string, perspective: Perspective) =>
    request<Wire<typeof kioskStartedResponse>>(`${round(id)}/kiosk`, {
      method: "POST",
      body: { perspective },
    }),
  stopKiosk: (id: string) => request<void>(`${round(id)}/kiosk`, { method: "DELETE" }),
  /** Publishes (or with null withdraws) the message the youth link shows once the round is closed. */
  setYouthMessage: (id: string, message: string | null) =>
    request<Wire<typeof youthMessageResponse>>(`${round(id)}/youth-message`, {
      method: "PUT",
      body: { message },
    }),

  roundInvite: (token: string, signal?: AbortSignal) =>
    request<RoundInvite>(`/api/invites/${encodeURIComponent(token)}`, {
      signal,
    }),
};
