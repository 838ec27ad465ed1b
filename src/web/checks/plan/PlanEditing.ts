import { createContext, useContext, useMemo, useSyncExternalStore } from "react";
import type { z } from "zod";
import { type ActionPatch, actionInputSchema, actionPatchSchema, type Plan, type PlanAction } from "../../../domain/checks/plan.ts";
import { checksApi } from "../../api/checks.ts";
import { CheckContext } from "../CheckContext.ts";
import type { SaveQueue, SaveSnapshot } from "../save/queue.ts";
import "../../app/zod.ts";

/** A change to an action; a team plan's action also has an owner in the team. */
export type EditablePatch = ActionPatch & { ownerUserId?: string | null };
/** A plan's action as the editor shows it (a team action carries its owner). */
export type EditableAction = PlanAction & { ownerUserId?: string | null };

/**
 * What the plan editors (theme text, actions) need, whoever owns the plan: a personal check or a team. The check pages
 * get it from the check; the team plan provides its own with PlanEditingContext.
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

/** The plan being edited: the one given by PlanEditingContext, or else the current check's. */
export function usePlanEditing(): PlanEditing {
  const explicit = useContext(PlanEditingContext);
  const check = useContext(CheckContext);
  return useMemo(() => {
    if (explicit) return explicit;
    if (!check) throw new Error("usePlanEditing outside a plan");
    return {
      plan: check.plan,
      setThemeText: check.setThemeText,
      changeAction: check.changeAction,
      actionAdded: check.actionAdded,
      actionRemoved: check.actionRemoved,
      addAction: (input) => checksApi.addAction(check.id, input),
      deleteAction: (actionId) => checksApi.deleteAction(check.id, actionId),
      queue: check.queue,
      schemas: { input: actionInputSchema, patch: actionPatchSchema },
    };
  }, [explicit, check]);
}

export function usePlanSaveSnapshot(): SaveSnapshot {
  const { queue } = usePlanEditing();
  return useSyncExternalStore(queue.subscribe, queue.getSnapshot);
}
