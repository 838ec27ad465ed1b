import { useCallback, useEffect, useState } from "react";

/**
 * Form state kept in sessionStorage, so a refresh (or an accidental reload on a phone) does not lose what was typed.
 * `clear` forgets it once the form has been sent. Not for secrets: passwords never go through here.
 */
export function useDraft<T extends object>(key: string, initial: T): [T, (update: (current: T) => T) => void, () => void] {
  const storageKey = `verbetertool:concept:${key}`;
  const [draft, setDraft] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(storageKey);
      return raw ? { ...initial, ...(JSON.parse(raw) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(draft));
    } catch {
      // Storage blocked or full: the draft lives in memory only.
    }
  }, [storageKey, draft]);
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(storageKey);
    } catch {
      // Nothing to clear.
    }
  }, [storageKey]);
  return [draft, setDraft, clear];
}
