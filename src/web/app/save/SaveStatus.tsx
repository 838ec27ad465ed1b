import { useEffect, useState, useSyncExternalStore } from "react";
import { useLocation } from "react-router";
import { useTranslation } from "../i18n.ts";
import "./SaveStatus.css";
import type { SaveSnapshot, SaveState } from "./queue.ts";

/** What SaveStatus needs of a queue. */
export type SaveStateSource = { subscribe(listener: () => void): () => void; getSnapshot(): SaveSnapshot };

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

/**
 * The save state of answers and plan, in a polite live region. "All saved" sits in the page's flow, below the content,
 * so it never covers anything; only while saving takes long, or when saving failed, does it stay in view at the bottom
 * of the screen. `savedText` replaces "all saved" (the team plan), `keptLocallyText` the note after a refused change (a
 * respondent's wording).
 */
export function SaveStatus({
  queue,
  savedText,
  keptLocallyText,
}: {
  queue: SaveStateSource;
  savedText?: string;
  keptLocallyText?: string;
}) {
  const { t } = useTranslation();
  const { state, blocked } = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const shown = useShownState(state);
  const onPlan = useLocation().pathname.includes("/plan");
  const text =
    shown === "error" && blocked
      ? `${blocked.error} ${keptLocallyText ?? t("save.keptLocally")}`
      : {
          saved: savedText ?? (onPlan ? t("save.savedPlan") : t("save.saved")),
          saving: t("save.saving"),
          error: t("save.error"),
        }[shown];
  return (
    <div
      className={`save-status save-status--${shown}${shown === "saved" ? " save-status--in-flow" : ""}`}
      role="status"
      aria-live="polite"
      data-state={shown}
    >
      <span className="save-status__icon" aria-hidden="true">
        {shown === "saved" ? "✓" : shown === "saving" ? "…" : "!"}
      </span>
      <span>{text}</span>
    </div>
  );
}
