import { useCallback, useEffect, useMemo, useState } from "react";
import type { Answers, AnswerValue } from "../../domain/checks/answers.ts";
import { applyAnswerPatch } from "../../domain/checks/patch.ts";
import type { Plan } from "../../domain/checks/plan.ts";
import type { Tool } from "../../domain/content/schema.ts";
import { type CheckRound, checksApi, getMainTool, getTool } from "../api/checks.ts";
import { ApiError } from "../api/client.ts";
import { usePlanEditors, withPendingChanges } from "../app/plan/usePlanEditors.ts";
import { SaveQueue } from "../app/save/queue.ts";
import type { CheckContextValue } from "./CheckContext.ts";

export type CheckLoad =
  | { status: "loading" }
  | { status: "notFound" }
  | { status: "error"; retry: () => void }
  | { status: "ready"; value: CheckContextValue };

export const pendingStorageKey = (checkId: string) => `verbetertool:onopgeslagen:${checkId}`;

function createQueue(id: string): SaveQueue {
  return new SaveQueue(pendingStorageKey(id), {
    answers: (patch, keepalive) => checksApi.patchAnswers(id, patch, keepalive),
    themeText: (themeId, text, keepalive) => checksApi.putThemeText(id, themeId, text, keepalive),
    action: (actionId, patch, keepalive) => checksApi.patchAction(id, actionId, patch, keepalive),
  });
}

/** Loads a check and its tool, lays the unsent local changes over it, and keeps the save queue running. */
export function useCheckData(id: string): CheckLoad {
  const queue = useMemo(() => createQueue(id), [id]);
  const [state, setState] = useState<"loading" | "notFound" | "error" | "ready">("loading");
  const [attempt, setAttempt] = useState(0);
  const [tool, setTool] = useState<Tool | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [plan, setPlan] = useState<Plan>({ themes: {}, actions: [] });
  const [round, setRound] = useState<CheckRound | null>(null);
  const [submittedAt, setSubmittedAt] = useState<string | null>(null);

  useEffect(() => {
    queue.start();
    return () => queue.stop();
  }, [queue]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger
  useEffect(() => {
    const abort = new AbortController();
    setState("loading");
    void (async () => {
      try {
        // Changes confirmed while the check loads may or may not be in the response: lay them over it too.
        const before = structuredClone(queue.pending);
        // Most checks are of the main tool: ask for it next to the check rather than after it, one round trip less
        // before the page shows (getTool keeps it, so the await below reuses the request; its failure is handled there).
        getMainTool().catch(() => undefined);
        const check = await checksApi.get(id, abort.signal);
        const loadedTool = await getTool(check.toolId);
        if (abort.signal.aborted) return;
        const pending = queue.pending;
        setTool(loadedTool);
        setRound(check.round ?? null);
        setSubmittedAt(check.submittedAt ?? null);
        setAnswers(applyAnswerPatch(applyAnswerPatch(check.answers, before.answers), pending.answers));
        setPlan(withPendingChanges(check.plan, before, pending));
        setState("ready");
      } catch (error) {
        if (abort.signal.aborted) return;
        setState(error instanceof ApiError && error.status === 404 ? "notFound" : "error");
      }
    })();
    return () => abort.abort();
  }, [id, queue, attempt]);

  const setAnswer = useCallback(
    (factorId: string, value: AnswerValue | null) => {
      setAnswers((current) => applyAnswerPatch(current, { [factorId]: value }));
      queue.setAnswer(factorId, value);
    },
    [queue],
  );
  const { setThemeText, changeAction, actionAdded, actionRemoved } = usePlanEditors(setPlan, queue);

  const value = useMemo<CheckContextValue | null>(
    () =>
      tool
        ? {
            id,
            tool,
            answers,
            setAnswer,
            plan,
            setThemeText,
            changeAction,
            actionAdded,
            actionRemoved,
            queue,
            round,
            submittedAt,
            submitted: setSubmittedAt,
          }
        : null,
    [id, tool, answers, setAnswer, plan, setThemeText, changeAction, actionAdded, actionRemoved, queue, round, submittedAt],
  );

  if (state === "ready" && value) return { status: "ready", value };
  if (state === "notFound") return { status: "notFound" };
  if (state === "error") return { status: "error", retry: () => setAttempt((n) => n + 1) };
  return { status: "loading" };
}
