import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useSaveSnapshot } from "../CheckContext.ts";
import type { SaveState } from "./queue.ts";

/** Quick saves do not flash "Bezig met opslaan…" (and are not announced twice). */
const SAVING_VISIBLE_AFTER_MS = 400;

function useShownState(state: SaveState): SaveState {
  const [shown, setShown] = useState<SaveState>(state);
  useEffect(() => {
    if (state !== "saving") {
      setShown(state);
      return;
    }
    const timer = setTimeout(() => setShown("saving"), SAVING_VISIBLE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [state]);
  return shown;
}

/** The save state of answers and plan, in a polite live region that stays at the bottom of the screen. */
export function SaveStatus() {
  const { t } = useTranslation();
  const { state } = useSaveSnapshot();
  const shown = useShownState(state);
  const onPlan = useLocation().pathname.includes("/plan");
  const text = {
    saved: onPlan ? t("save.savedPlan") : t("save.saved"),
    saving: t("save.saving"),
    error: t("save.error"),
  }[shown];
  return (
    <div className={`save-status save-status--${shown}`} role="status" aria-live="polite" data-state={shown}>
      <span className="save-status__icon" aria-hidden="true">
        {shown === "saved" ? "✓" : shown === "saving" ? "…" : "!"}
      </span>
      <span>{text}</span>
    </div>
  );
}
