import { useCallback, useRef, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { useTranslation } from "../i18n.ts";

/** The API's Dutch message for a failure, or `network` when the server could not be reached, limited or failed. */
export function apiMessage(error: unknown, network: string): string {
  return error instanceof ApiError && !error.transient ? error.message : network;
}

/**
 * One request at a time: busy while it runs (a second call does nothing), and the API's Dutch message — or the
 * network message — when it fails. `run` resolves to false on failure. With `onError` the failure goes there instead
 * of to `error` (useForm does that to put it next to a field). A button's action uses this directly; a form uses
 * useForm, which runs its request through this.
 */
export function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async (action: () => Promise<void>, onError?: (error: unknown) => void): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (e) {
        if (onError) onError(e);
        else setError(apiMessage(e, t("common.network")));
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
