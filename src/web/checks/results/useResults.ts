import { useEffect, useState } from "react";
import { type Results, withTips } from "../../../domain/checks/scoring.ts";
import { checksApi } from "../../api/checks.ts";
import { useCheck, useSaveSnapshot } from "../CheckContext.ts";

export type ResultsLoad = { results: Results | null; failed: boolean; retry: () => void; unsaved: boolean };

/**
 * Scores from the API, fetched once the queued answers are saved (so they count), and again after every later save;
 * the tips come from the tool the page already has. When saving fails the last known results are shown with a warning.
 */
export function useResults(): ResultsLoad {
  const { id, tool } = useCheck();
  const { state } = useSaveSnapshot();
  const [results, setResults] = useState<Results | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger
  useEffect(() => {
    if (state === "saving") return;
    const abort = new AbortController();
    checksApi.results(id, abort.signal).then(
      (loaded) => {
        setResults(withTips(tool, loaded));
        setFailed(false);
      },
      () => {
        if (!abort.signal.aborted) setFailed(true);
      },
    );
    return () => abort.abort();
  }, [id, tool, state, attempt]);

  return { results, failed, retry: () => setAttempt((n) => n + 1), unsaved: state === "error" };
}
