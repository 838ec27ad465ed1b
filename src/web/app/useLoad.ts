import { type DependencyList, useEffect, useState } from "react";
import { ApiError } from "../api/client.ts";

type Outcome<T> = { status: "loading" } | { status: "error"; error: ApiError } | { status: "ready"; data: T };

/** `busy` is true while a newer load than the shown outcome is in flight. */
export type LoadState<T> = Outcome<T> & { busy: boolean; retry: () => void };

/**
 * Runs `load` whenever `deps` change (aborting the previous run) and keeps its outcome; `retry` runs it again.
 * While a new run is in flight the previous data stays visible, so lists do not flash empty.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): LoadState<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Outcome<T>>({ status: "loading" });
  const [busy, setBusy] = useState(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to load; `attempt` retries
  useEffect(() => {
    const abort = new AbortController();
    setBusy(true);
    load(abort.signal).then(
      (data) => {
        if (abort.signal.aborted) return;
        setState({ status: "ready", data });
        setBusy(false);
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState({ status: "error", error: error instanceof ApiError ? error : new ApiError(0, "network") });
        setBusy(false);
      },
    );
    return () => abort.abort();
  }, [...deps, attempt]);

  const retry = () => setAttempt((n) => n + 1);
  return { ...state, busy, retry };
}
