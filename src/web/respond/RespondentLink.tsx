import { Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Wording } from "../checks/theme/wording.ts";
import { useTeamsT } from "../teams/i18n/index.ts";
import { checkPaths } from "./paths.ts";

type CopyState = "idle" | "copied" | "manual";

/**
 * A respondent's own link to their answers in a round, with a copy button, in the words of their group ("u" for
 * employers and ketenpartners). Same ids as the personal check's link, so "Naar je eigen link" finds it.
 */
export function RespondentLink({ id, wording }: { id: string; wording: Wording }) {
  const { t } = useTranslation();
  const teamsT = useTeamsT();
  const url = `${window.location.origin}${checkPaths(id, true).resume}`;
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");

  useEffect(() => {
    if (copy !== "copied") return;
    const timer = setTimeout(() => setCopy("idle"), 6000);
    return () => clearTimeout(timer);
  }, [copy]);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(url);
      setCopy("copied");
    } catch {
      // No clipboard access (older browser, http): select the text so it can be copied by hand.
      input.current?.focus();
      input.current?.select();
      setCopy("manual");
    }
  }

  return (
    <aside className="personal-link" aria-labelledby="persoonlijke-link-titel" id="persoonlijke-link">
      <Heading2 id="persoonlijke-link-titel" className="personal-link__title">
        {teamsT(`respond.${wording}.linkTitle`)}
      </Heading2>
      <Paragraph>{teamsT(`respond.${wording}.linkIntro`)}</Paragraph>
      <div className="personal-link__row">
        <label htmlFor="persoonlijke-link-url" className="visually-hidden">
          {teamsT(`respond.${wording}.linkLabel`)}
        </label>
        <input
          ref={input}
          id="persoonlijke-link-url"
          className="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--readonly personal-link__url"
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button appearance="secondary-action-button" onClick={() => void copyLink()}>
          {t("personalLink.copy")}
        </Button>
      </div>
      <p className="personal-link__feedback" role="status">
        {copy === "copied" && <span className="personal-link__copied">✓ {t("personalLink.copied")}</span>}
        {copy === "manual" && t("personalLink.copyManually")}
      </p>
      <Paragraph className="personal-link__warning">
        <strong>{t("personalLink.warningLead")}</strong> {teamsT(`respond.${wording}.linkWarning`)}
      </Paragraph>
    </aside>
  );
}
