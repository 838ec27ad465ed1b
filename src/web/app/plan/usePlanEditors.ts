import { type Dispatch, type SetStateAction, useCallback } from "react";
import type { PendingChanges, SaveQueue } from "../save/queue.ts";

export type EditablePlan<A> = { themes: Record<string, string>; actions: A[] };

/**
 * A plan as the server sent it with the unsent local changes on top: those confirmed while it loaded (`before`)
 * and those still pending. Shared by the personal and the team plan.
 */
export function withPendingChanges<A extends { id: string }, P extends object>(
  loaded: EditablePlan<A>,
  before: PendingChanges<P>,
  pending: PendingChanges<P>,
): EditablePlan<A> {
  return {
    themes: { ...loaded.themes, ...before.themes, ...pending.themes },
    actions: loaded.actions.map((action) => ({ ...action, ...before.actions[action.id], ...pending.actions[action.id] }) as A),
  };
}

/** The plan's edit operations: change the screen at once, and queue the change for the server. */
export function usePlanEditors<A extends { id: string }, P extends object>(
  setPlan: Dispatch<SetStateAction<EditablePlan<A>>>,
  queue: SaveQueue<P>,
) {
  const setThemeText = useCallback(
    (themeId: string, text: string) => {
      setPlan((current) => ({ ...current, themes: { ...current.themes, [themeId]: text } }));
      queue.setThemeText(themeId, text);
    },
    [queue, setPlan],
  );
  const changeAction = useCallback(
    (actionId: string, patch: P, delay: number) => {
      setPlan((current) => ({ ...current, actions: current.actions.map((a) => (a.id === actionId ? ({ ...a, ...patch } as A) : a)) }));
      queue.patchAction(actionId, patch, delay);
    },
    [queue, setPlan],
  );
  const actionAdded = useCallback((action: A) => setPlan((current) => ({ ...current, actions: [...current.actions, action] })), [setPlan]);
  const actionRemoved = useCallback(
    (actionId: string) => {
      queue.forgetAction(actionId);
      setPlan((current) => ({ ...current, actions: current.actions.filter((a) => a.id !== actionId) }));
    },
    [queue, setPlan],
  );
  return { setThemeText, changeAction, actionAdded, actionRemoved };
}
