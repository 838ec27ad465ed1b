import type { AnswerPatch } from "../../domain/checks/answers.ts";
import type { ActionInput, ActionPatch, planActionResponse, themePlanSavedResponse } from "../../domain/checks/plan.ts";
import type {
  answersSavedResponse,
  checkCreatedResponse,
  checkResponse,
  checkRoundResponse,
  checkSubmittedResponse,
  resultsSummaryResponse,
} from "../../domain/checks/responses.ts";
import type { toolListResponse, toolResponse } from "../../domain/content/responses.ts";
import type { Wire } from "../../domain/wire.ts";
import { request } from "./client.ts";

/** Set when the check is a respondent's answer in a team's measurement round. */
export type CheckRound = Wire<typeof checkRoundResponse>;

export type CheckData = Wire<typeof checkResponse>;

type Tool = Wire<typeof toolResponse>;
type PlanAction = Wire<typeof planActionResponse>;

const checkPath = (id: string) => `/api/checks/${encodeURIComponent(id)}`;

export const checksApi = {
  create: (toolId: string) => request<Wire<typeof checkCreatedResponse>>("/api/checks", { method: "POST", body: { toolId } }),
  /** A respondent's check in a measurement round, through the round's invite token. */
  createForInvite: (toolId: string, invite: string) =>
    request<Wire<typeof checkCreatedResponse>>("/api/checks", { method: "POST", body: { toolId, invite } }),
  submit: (id: string) => request<Wire<typeof checkSubmittedResponse>>(`${checkPath(id)}/submit`, { method: "POST", body: {} }),
  get: (id: string, signal?: AbortSignal) => request<CheckData>(checkPath(id), { signal }),
  /** Scores and the order of the tips; the tips themselves are in the tool (`withTips`). */
  results: (id: string, signal?: AbortSignal) => request<Wire<typeof resultsSummaryResponse>>(`${checkPath(id)}/results`, { signal }),
  patchAnswers: (id: string, answers: AnswerPatch, keepalive = false) =>
    request<Wire<typeof answersSavedResponse>>(`${checkPath(id)}/answers`, { method: "PATCH", body: { answers }, keepalive }),
  putThemeText: (id: string, themeId: string, text: string, keepalive = false) =>
    request<Wire<typeof themePlanSavedResponse>>(`${checkPath(id)}/plan/themes/${encodeURIComponent(themeId)}`, {
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

export type ToolSummary = Wire<typeof toolListResponse>[number];

let toolList: Promise<ToolSummary[]> | undefined;

/** Every tool in content/tools/, the default (main) one first; fetched once per page load. */
export function getTools(): Promise<ToolSummary[]> {
  if (!toolList) {
    toolList = request<ToolSummary[]>("/api/tools");
    toolList.catch(() => {
      toolList = undefined;
    });
  }
  return toolList;
}

/** The id of the default tool (tool.yaml `default: true`): the one the kennisbank, werkwijze and factor pages are about. */
export async function getMainToolId(): Promise<string> {
  const tools = await getTools();
  const main = tools.find((t) => t.default) ?? tools[0];
  if (!main) throw new Error("no tools");
  return main.id;
}

/** The default tool's definition (see getMainToolId). */
export async function getMainTool(): Promise<Tool> {
  return getTool(await getMainToolId());
}
