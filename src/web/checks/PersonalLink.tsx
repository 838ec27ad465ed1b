import { useEffect } from "react";
import { useCopy } from "../app/ui/CopyLink.tsx";
import { Button, Heading2, Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { rememberCheck } from "./remembered.ts";
import { checkPaths } from "./respond/paths.ts";
import type { Wording } from "./theme/wording.ts";

/**
 * The resume link with a copy button: the only key to the check, so the user must keep it. A respondent in a round
 * (`wording` given) gets the link to their answers under /meedoen and reads why in the words of their group ("u" for
 * employers and ketenpartners); there is no plan to mention.
 */
export function PersonalLink({ id, wording }: { id: string; wording?: Wording }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${checkPaths(id, Boolean(wording)).resume}`;
  const { input, state: copy, copy: copyLink } = useCopy(url);

  // A personal check is remembered in this browser (its id only), so the landing page can offer it again; a
  // respondent's never is.
  useEffect(() => {
    if (!wording) rememberCheck(id);
  }, [id, wording]);

  return (
    <aside className="personal-link" aria-labelledby="persoonlijke-link-titel" id="persoonlijke-link">
      <Heading2 id="persoonlijke-link-titel" className="personal-link__title">
        {wording ? t(`respond.${wording}.linkTitle`) : t("personalLink.title")}
      </Heading2>
      <Paragraph>{wording ? t(`respond.${wording}.linkIntro`) : t("personalLink.intro")}</Paragraph>
      <div className="personal-link__row">
        <label htmlFor="persoonlijke-link-url" className="visually-hidden">
          {wording ? t(`respond.${wording}.linkLabel`) : t("personalLink.label")}
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
        <strong>{t("personalLink.warningLead")}</strong> {wording ? t(`respond.${wording}.linkWarning`) : t("personalLink.warning")}
      </Paragraph>
      {!wording && <Paragraph appearance="small">{t("personalLink.remembered")}</Paragraph>}
    </aside>
  );
}
