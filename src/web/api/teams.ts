import type { ActionStatus } from "../../domain/checks/plan.ts";
import type { PerspectiveResult } from "../../domain/teams/aggregation.ts";
import type { RoundInput, TeamActionInput, TeamActionPatch } from "../../domain/teams/inputs.ts";
import type { MirrorRow } from "../../domain/teams/mirror.ts";
import type { Perspective } from "../../domain/teams/perspectives.ts";
import type { ScoreChange, TrendPoint } from "../../domain/teams/trend.ts";
import { request } from "./client.ts";

export type Role = "coordinator" | "member";
export type ResponseCounts = Record<Perspective, number>;

export type TeamSummary = { id: string; name: string; organisation: string; region: string; role: Role };
/** `email` only for coordinators: members see each other's names and roles. */
export type Member = { userId: string; name: string; email?: string; role: Role };
/** An invite link that still works (coordinators only); it stops working at `expiresAt` or when revoked. */
export type TeamInvite = { token: string; url: string; role: Role; createdAt: string; expiresAt: string };
export type RoundSummary = {
  id: string;
  teamId: string;
  name: string;
  toolId: string;
  threshold: number;
  closesOn: string | null;
  status: "open" | "closed";
  startedAt: string;
  closedAt: string | null;
  rawDeletedAt: string | null;
  /** The groups this round asks (1–4, in the canonical order); each has its own link. */
  perspectives: Perspective[];
  /** Submitted responses per perspective; 0 for the groups the round does not ask. */
  responses: ResponseCounts;
};
export type Team = {
  id: string;
  name: string;
  organisation: string;
  region: string;
  retentionMonths: number;
  createdAt: string;
  members: Member[];
  /** Coordinators: the invite links that still work; members: null. */
  invites: TeamInvite[] | null;
  myRole: Role;
  rounds: RoundSummary[];
};
export type TeamPatch = Partial<{ name: string; organisation: string; region: string; retentionMonths: number }>;

export type PerspectiveInvite = { url: string; qrSvg: string };
/** Personal single-use invitations: only counts are kept, never addresses or the links themselves. */
export type PersonalInvites = {
  /** False when the server has no SMTP_URL: then personal invitations cannot be sent. */
  available: boolean;
  counts: Record<Perspective, { sent: number; used: number }>;
};
export type Round = RoundSummary & {
  acceptsAnswers: boolean;
  /** Coordinators only (null for members); only the round's perspectives have an entry. */
  invites: Partial<Record<Perspective, PerspectiveInvite>> | null;
  personalInvites: PersonalInvites | null;
  /** Per perspective whether its open link takes new responses (off: personal invitations only). */
  openLinks: Record<Perspective, boolean>;
  /** The perspective this browser was opened for as a shared device (kiosk) in this round, if any. */
  kiosk: Perspective | null;
  /** After closing, what the team tells the young people who answered (shown on the youth link); null when none. */
  youthMessage: string | null;
};

export type RoundResults = {
  round: Omit<RoundSummary, "responses"> & { acceptsAnswers: boolean };
  threshold: number;
  /** A response counts once this many factors are answered (half of them). */
  minimumAnswers: number;
  /** Only the round's perspectives (1–4), in the canonical order. */
  perspectives: PerspectiveResult[];
  /** Counted responses per perspective by the way they came in (0 for groups the round does not ask). */
  channels: Record<Perspective, { open: number; personal: number }>;
  mirror: { themes: MirrorRow[]; items: MirrorRow[] };
  largestGaps: MirrorRow[];
  previous: { id: string; name: string; perspectives: PerspectiveResult[] } | null;
};

export type Trend = {
  rounds: { id: string; name: string; startedAt: string; status: "open" | "closed" }[];
  themes: Record<string, TrendPoint[]>;
};

export type TeamAction = {
  id: string;
  themeId: string;
  factorId: string | null;
  what: string;
  who: string;
  when: string | null;
  status: ActionStatus;
  ownerUserId: string | null;
  ownerName: string | null;
  createdInRoundId: string | null;
  change?: Partial<Record<Perspective, ScoreChange>>;
  comparedWith?: { id: string; name: string } | null;
};
export type TeamPlan = { themes: Record<string, string>; actions: TeamAction[]; latestRound: { id: string; name: string } | null };

export type RoundInvite = {
  roundName: string;
  teamName: string;
  organisation: string;
  perspective: Perspective;
  toolId: string;
  acceptsAnswers: boolean;
  /** The open link is switched off by the team: personal invitations only. */
  linkOff: boolean;
  /** A personal single-use invitation (true) or the open link of a perspective (false). */
  personal: boolean;
  /** A personal invitation that was already used: it cannot start a response again. */
  used: boolean;
  /** This browser already handed in through this open link (a signed cookie says so). */
  handedIn: boolean;
  /** This browser is a shared device (kiosk) for this link: after each hand-in the page resets. */
  kiosk: boolean;
  /** The youth link of a closed round whose team published a message to the young people who answered. */
  youthMessage: string | null;
};

const team = (id: string) => `/api/teams/${encodeURIComponent(id)}`;
const round = (id: string) => `/api/rounds/${encodeURIComponent(id)}`;

export const teamsApi = {
  list: (signal?: AbortSignal) => request<TeamSummary[]>("/api/teams", { signal }),
  create: (input: { name: string; organisation: string; region: string }) =>
    request<{ id: string }>("/api/teams", { method: "POST", body: input }),
  get: (id: string, signal?: AbortSignal) => request<Team>(team(id), { signal }),
  update: (id: string, patch: TeamPatch) => request<Team>(team(id), { method: "PATCH", body: patch }),
  remove: (id: string) => request<void>(team(id), { method: "DELETE" }),
  invite: (id: string, role: Role) => request<TeamInvite>(`${team(id)}/invites`, { method: "POST", body: { role } }),
  revokeInvite: (id: string, token: string) => request<void>(`${team(id)}/invites/${encodeURIComponent(token)}`, { method: "DELETE" }),
  teamInvite: (token: string, signal?: AbortSignal) =>
    request<{ teamName: string; role: Role }>(`/api/team-invites/${encodeURIComponent(token)}`, { signal }),
  acceptInvite: (token: string) =>
    request<{ teamId: string; role: Role }>(`/api/team-invites/${encodeURIComponent(token)}/accept`, { method: "POST", body: {} }),
  removeMember: (id: string, userId: string) => request<void>(`${team(id)}/members/${encodeURIComponent(userId)}`, { method: "DELETE" }),

  startRound: (id: string, input: Partial<RoundInput> & { name: string }) =>
    request<{ id: string; invites: Partial<Record<Perspective, string>> }>(`${team(id)}/rounds`, { method: "POST", body: input }),
  round: (id: string, signal?: AbortSignal) => request<Round>(round(id), { signal }),
  closeRound: (id: string) => request<{ id: string; status: "closed" }>(`${round(id)}/close`, { method: "POST", body: {} }),
  reopenRound: (id: string) => request<{ id: string; status: "open" }>(`${round(id)}/reopen`, { method: "POST", body: {} }),
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
    request<{ themeId: string; text: string }>(`${team(id)}/plan/themes/${encodeURIComponent(themeId)}`, {
      method: "PUT",
      body: { text },
      keepalive,
    }),
  addAction: (id: string, input: Partial<TeamActionInput> & Pick<TeamActionInput, "themeId" | "what">) =>
    request<TeamAction>(`${team(id)}/plan/actions`, { method: "POST", body: input }),
  patchAction: (id: string, actionId: string, patch: TeamActionPatch, keepalive = false) =>
    request<TeamAction>(`${team(id)}/plan/actions/${encodeURIComponent(actionId)}`, { method: "PATCH", body: patch, keepalive }),
  deleteAction: (id: string, actionId: string) =>
    request<void>(`${team(id)}/plan/actions/${encodeURIComponent(actionId)}`, { method: "DELETE" }),

  sendPersonalInvites: (id: string, input: { perspective: Perspective; addresses: string[] }) =>
    request<{ sent: number; failed: number }>(`${round(id)}/personal-invites`, { method: "POST", body: input }),
  setOpenLink: (id: string, perspective: Perspective, open: boolean) =>
    request<{ openLinks: Record<Perspective, boolean> }>(`${round(id)}/open-links`, { method: "PATCH", body: { perspective, open } }),
  /** Marks this browser as a shared device for one perspective of the round; returns the page to open. */
  startKiosk: (id: string, perspective: Perspective) =>
    request<{ path: string }>(`${round(id)}/kiosk`, { method: "POST", body: { perspective } }),
  stopKiosk: (id: string) => request<void>(`${round(id)}/kiosk`, { method: "DELETE" }),
  /** Publishes (or with null withdraws) the message the youth link shows once the round is closed. */
  setYouthMessage: (id: string, message: string | null) =>
    request<{ youthMessage: string | null }>(`${round(id)}/youth-message`, { method: "PUT", body: { message } }),

  roundInvite: (token: string, signal?: AbortSignal) => request<RoundInvite>(`/api/invites/${encodeURIComponent(token)}`, { signal }),
};
