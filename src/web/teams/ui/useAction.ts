import { useCallback, useRef, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { useTeamsT } from "../i18n/index.ts";

/**
 * One button's request: busy while it runs (a second click does nothing), and the API's Dutch message — or the
 * network message — when it fails. `run` resolves to false on failure.
 */
export function useAction() {
  const t = useTeamsT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (e) {
        setError(e instanceof ApiError && !e.transient ? e.message : t("common.network"));
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, run };
}
