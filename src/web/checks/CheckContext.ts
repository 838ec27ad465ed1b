import { createContext, useContext, useSyncExternalStore } from "react";
import type { Answers, AnswerValue } from "../../domain/checks/answers.ts";
import type { ActionPatch, Plan, PlanAction } from "../../domain/checks/plan.ts";
import type { Tool } from "../../domain/content/schema.ts";
import type { CheckRound } from "../api/checks.ts";
import type { SaveQueue, SaveSnapshot } from "../app/save/queue.ts";

export type CheckContextValue = {
  id: string;
  tool: Tool;
  /** What the user sees: the server's answers with the unsent local changes on top. */
  answers: Answers;
  setAnswer(factorId: string, value: AnswerValue | null): void;
  plan: Plan;
  setThemeText(themeId: string, text: string): void;
  /** Changes an action locally and queues the change; `delay` debounces typing. */
  changeAction(actionId: string, patch: ActionPatch, delay: number): void;
  actionAdded(action: PlanAction): void;
  actionRemoved(actionId: string): void;
  queue: SaveQueue;
  /** A respondent's check in a team's measurement round (null for a personal check). */
  round: CheckRound | null;
  /** When a round check was handed in; null before. */
  submittedAt: string | null;
  submitted(at: string): void;
};

export const CheckContext = createContext<CheckContextValue | null>(null);

export function useCheck(): CheckContextValue {
  const value = useContext(CheckContext);
  if (!value) throw new Error("useCheck outside a check page");
  return value;
}

export function useSaveSnapshot(): SaveSnapshot {
  const { queue } = useCheck();
  return useSyncExternalStore(queue.subscribe, queue.getSnapshot);
}

/** Number of factors answered with a score or n.v.t., and the total. */
export function answeredCount(tool: Tool, answers: Answers): { answered: number; total: number } {
  const ids = tool.themes.flatMap((theme) => theme.items.map((item) => item.id));
  return { answered: ids.filter((id) => answers[id] !== undefined).length, total: ids.length };
}

/** The first theme with an unanswered factor, or null when everything is answered. */
export function firstOpenTheme(tool: Tool, answers: Answers): string | null {
  return tool.themes.find((theme) => theme.items.some((item) => answers[item.id] === undefined))?.id ?? null;
}
