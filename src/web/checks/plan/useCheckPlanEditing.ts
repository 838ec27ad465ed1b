import { useMemo } from "react";
import { actionInputSchema, actionPatchSchema } from "../../../domain/checks/plan.ts";
import { checksApi } from "../../api/checks.ts";
import type { PlanEditing } from "../../app/plan/PlanEditing.ts";
import { useCheck } from "../CheckContext.ts";

/** The kit's plan editors over the current check's plan (the team plan provides its own PlanEditing). */
export function useCheckPlanEditing(): PlanEditing {
  const check = useCheck();
  return useMemo(
    () => ({
      plan: check.plan,
      setThemeText: check.setThemeText,
      changeAction: check.changeAction,
      actionAdded: check.actionAdded,
      actionRemoved: check.actionRemoved,
      addAction: (input) => checksApi.addAction(check.id, input),
      deleteAction: (actionId) => checksApi.deleteAction(check.id, actionId),
      queue: check.queue,
      schemas: { input: actionInputSchema, patch: actionPatchSchema },
    }),
    [check],
  );
}
