import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "../i18n.ts";
import { Button } from "../utrecht.tsx";

type CopyState = "idle" | "copied" | "manual";

/** The clipboard, or (without access) the text selected in its field so the user can copy it; state for a live region. */
export function useCopy(text: string) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 6000);
    return () => clearTimeout(timer);
  }, [state]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      input.current?.focus();
      input.current?.select();
      setState("manual");
    }
  }
  return { input, state, copy };
}

type Props = { id: string; url: string; label: ReactNode; buttonLabel: ReactNode };

/** A link in a read-only field with a copy button; the result is announced politely. */
export function CopyLink({ id, url, label, buttonLabel }: Props) {
  const { t } = useTranslation();
  const { input, state, copy } = useCopy(url);
  return (
    <div className="copy-link">
      <label htmlFor={id} className="copy-link__label">
        {label}
      </label>
      <div className="copy-link__row">
        <input
          ref={input}
          id={id}
          className="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--readonly copy-link__url"
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button appearance="secondary-action-button" onClick={() => void copy()}>
          {buttonLabel}
        </Button>
      </div>
      <p className="copy-link__feedback" role="status">
        {state === "copied" && <span className="copy-link__copied">✓ {t("common.copied")}</span>}
        {state === "manual" && t("common.copyManually")}
      </p>
    </div>
  );
}
