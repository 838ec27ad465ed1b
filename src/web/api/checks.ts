import type { AnswerPatch, Answers } from "../../domain/checks/answers.ts";
import type { ActionInput, ActionPatch, Plan, PlanAction } from "../../domain/checks/plan.ts";
import type { ResultsSummary } from "../../domain/checks/scoring.ts";
import type { Tool } from "../../domain/content/schema.ts";
import type { Perspective } from "../../domain/teams/perspectives.ts";
import { request } from "./client.ts";

/** Set when the check is a respondent's answer in a team's measurement round. */
export type CheckRound = {
  name: string;
  perspective: Perspective;
  acceptsAnswers: boolean;
  /** The browser is a shared device (kiosk) for this round's perspective; `invitePath` is where the next person starts. */
  kiosk: boolean;
  invitePath: string | null;
  /** After the round closed: the team's message (B1) to the young people who answered; null otherwise. */
  youthMessage: string | null;
};

export type CheckData = {
  id: string;
  toolId: string;
  toolVersion: string;
  answers: Answers;
  plan: Plan;
  updatedAt: string;
  /** When a round check was handed in (it counts in the team's results from then on). */
  submittedAt?: string | null;
  round?: CheckRound | null;
};

const checkPath = (id: string) => `/api/checks/${encodeURIComponent(id)}`;

export const checksApi = {
  create: (toolId: string) => request<{ id: string }>("/api/checks", { method: "POST", body: { toolId } }),
  /** A respondent's check in a measurement round, through the round's invite token. */
  createForInvite: (toolId: string, invite: string) => request<{ id: string }>("/api/checks", { method: "POST", body: { toolId, invite } }),
  submit: (id: string) => request<{ id: string; submittedAt: string }>(`${checkPath(id)}/submit`, { method: "POST", body: {} }),
  get: (id: string, signal?: AbortSignal) => request<CheckData>(checkPath(id), { signal }),
  /** Scores and the order of the tips; the tips themselves are in the tool (`withTips`). */
  results: (id: string, signal?: AbortSignal) => request<ResultsSummary>(`${checkPath(id)}/results`, { signal }),
  patchAnswers: (id: string, answers: AnswerPatch, keepalive = false) =>
    request<{ id: string; saved: true }>(`${checkPath(id)}/answers`, { method: "PATCH", body: { answers }, keepalive }),
  putThemeText: (id: string, themeId: string, text: string, keepalive = false) =>
    request<{ themeId: string; text: string }>(`${checkPath(id)}/plan/themes/${encodeURIComponent(themeId)}`, {
      method: "PUT",
      body: { text },
      keepalive,
    }),
  addAction: (id: string, input: Partial<ActionInput> & Pick<ActionInput, "themeId" | "what">) =>
    request<PlanAction>(`${checkPath(id)}/plan/actions`, { method: "POST", body: input }),
  patchAction: (id: string, actionId: string, patch: ActionPatch, keepalive = false) =>
    request<PlanAction>(`${checkPath(id)}/plan/actions/${encodeURIComponent(actionId)}`, { method: "PATCH", body: patch, keepalive }),
  deleteAction: (id: string, actionId: string) =>
    request<void>(`${checkPath(id)}/plan/actions/${encodeURIComponent(actionId)}`, { method: "DELETE" }),
  reportUrl: (id: string) => `${checkPath(id)}/report.pdf`,
};

const toolCache = new Map<string, Promise<Tool>>();

/**
 * Tool definitions are immutable per version: fetched once per page load, and on a later visit revalidated with its
 * ETag (an empty 304 while it is unchanged).
 */
export function getTool(toolId: string): Promise<Tool> {
  let tool = toolCache.get(toolId);
  if (!tool) {
    tool = request<Tool>(`/api/tools/${encodeURIComponent(toolId)}`, { cache: "no-cache" });
    tool.catch(() => toolCache.delete(toolId));
    toolCache.set(toolId, tool);
  }
  return tool;
}

export const TOOL_ID = "jongeren-en-arbeid";
