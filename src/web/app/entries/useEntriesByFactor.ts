import { useEffect, useState } from "react";
import { type EntriesByFactor, kennisbankApi } from "../../api/kennisbank.ts";

/**
 * Published kennisbank entries per factor id; null until loaded (or when the kennisbank cannot be reached). The
 * kennisbank is about the main tool's factors: for a check of another tool (`enabled` false) it stays null.
 */
export function useEntriesByFactor(enabled = true): EntriesByFactor | null {
  const [entries, setEntries] = useState<EntriesByFactor | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    kennisbankApi.byFactor().then(
      (loaded) => {
        if (live) setEntries(loaded);
      },
      () => {
        // The examples are extra: without them the tips and scores still work.
      },
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return entries;
}
