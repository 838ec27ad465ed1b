import { createContext, useContext, useSyncExternalStore } from "react";
import type { z } from "zod";
import type { ActionPatch, actionInputSchema, Plan, PlanAction } from "../../../domain/checks/plan.ts";
import type { SaveQueue, SaveSnapshot } from "../save/queue.ts";
import "../zod.ts";

/** A change to an action; a team plan's action also has an owner in the team. */
export type EditablePatch = ActionPatch & { ownerUserId?: string | null };
/** A plan's action as the editor shows it (a team action carries its owner). */
export type EditableAction = PlanAction & { ownerUserId?: string | null };

/**
 * What the plan editors (theme text, actions) need, whoever owns the plan: a personal check or a team. The check's plan
 * page and the team plan each provide one with PlanEditingContext.
 */
export type PlanEditing = {
  plan: { themes: Plan["themes"]; actions: EditableAction[] };
  setThemeText(themeId: string, text: string): void;
  changeAction(actionId: string, patch: EditablePatch, delay: number): void;
  actionAdded(action: EditableAction): void;
  actionRemoved(actionId: string): void;
  addAction(input: z.output<typeof actionInputSchema> & { ownerUserId?: string | null }): Promise<EditableAction>;
  deleteAction(actionId: string): Promise<void>;
  queue: Pick<SaveQueue, "subscribe" | "getSnapshot">;
  /** The shared schemas that validate a new action and a change in the browser (the API uses the same). */
  schemas: { input: z.ZodType; patch: z.ZodType };
};

export const PlanEditingContext = createContext<PlanEditing | null>(null);

/** The plan being edited: the one its page provides with PlanEditingContext (a check's or a team's). */
export function usePlanEditing(): PlanEditing {
  const editing = useContext(PlanEditingContext);
  if (!editing) throw new Error("usePlanEditing outside a PlanEditingContext");
  return editing;
}

export function usePlanSaveSnapshot(): SaveSnapshot {
  const { queue } = usePlanEditing();
  return useSyncExternalStore(queue.subscribe, queue.getSnapshot);
}
