import "../kennisbank.css";
import "./submit.css";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { getMainTool } from "../../api/checks.ts";
import { ApiError } from "../../api/client.ts";
import { kennisbankApi } from "../../api/kennisbank.ts";
import { AppLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { fieldOf, useForm } from "../../app/ui/useForm.ts";
import { useLoad } from "../../app/useLoad.ts";
import { Button, Paragraph } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import { clearDraft, DRAFT_FIELDS, type Draft, type DraftField, loadDraft, saveDraft, validateDraft } from "./draft.ts";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { FactorChoice, ThemeChoice, TypeChoice } from "./SubmissionChoices.tsx";
import { EvidenceChoice, SubmissionTextField } from "./SubmissionFields.tsx";

/** `/kennisbank/inzenden`: submit a project; validated with the API's schema, kept as a draft until it is accepted. */
export function SubmitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tool = useLoad(() => getMainTool(), []);
  const [draft, setDraft] = useState<Draft>(loadDraft);
  // After a failed submit the error summary takes focus, so the errors are read out first.
  const summary = useRef<HTMLElement>(null);
  const { errors, busy, onSubmit, clearError } = useForm(
    () => validateDraft(draft),
    async (submission) => {
      const { statusToken } = await kennisbankApi.submit(submission);
      clearDraft();
      navigate(`/kennisbank/inzending/${statusToken}`, { state: { submitted: true } });
    },
    {
      summary,
      errorsOf: (error) => {
        const api = error instanceof ApiError ? error : new ApiError(0, "network");
        if (api.status === 429) return { form: t("submission.tooMany") };
        if (api.status === 0 || api.status >= 500) return { form: t("submission.network") };
        return { [fieldOf(api.field, DRAFT_FIELDS)]: api.message.replace(/^Ongeldige waarde voor "[^"]*": /, "") };
      },
    },
  );

  useEffect(() => saveDraft(draft), [draft]);

  function change<F extends DraftField>(field: F, value: Draft[F]) {
    setDraft((current) => ({ ...current, [field]: value }));
    clearError(field);
  }

  const toolData = tool.status === "ready" ? tool.data : null;
  const props = { draft, errors, onChange: change, tool: toolData };
  return (
    <div className="page-section submit-page">
      <AppLink to="/kennisbank" className="back-link">
        {t("submission.back")}
      </AppLink>
      <PageHeading title={t("submission.title")}>{t("submission.title")}</PageHeading>
      <Paragraph appearance="lead">{t("submission.intro")}</Paragraph>
      <Paragraph>{t("submission.moderation")}</Paragraph>
      <Paragraph className="submit-page__draft">{t("submission.draftNote")}</Paragraph>
      <ErrorSummary ref={summary} errors={errors} />
      <form className="submission-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="inzendformulier-titel">
        <h2 id="inzendformulier-titel" className="visually-hidden">
          {t("submission.formTitle")}
        </h2>
        <TypeChoice {...props} />
        <SubmissionTextField field="title" {...props} />
        <SubmissionTextField field="summary" {...props} />
        <SubmissionTextField field="body" {...props} />
        <SubmissionTextField field="organisation" {...props} />
        <SubmissionTextField field="region" {...props} />
        <SubmissionTextField field="targetGroups" {...props} />
        <SubmissionTextField field="keyElements" {...props} />
        <SubmissionTextField field="results" {...props} />
        <ThemeChoice {...props} />
        <FactorChoice {...props} />
        <SubmissionTextField field="link" {...props} />
        <SubmissionTextField field="contact" {...props} />
        <SubmissionTextField field="period" {...props} />
        <SubmissionTextField field="targetGroupSize" {...props} />
        <SubmissionTextField field="financing" {...props} />
        <EvidenceChoice {...props} />
        <div className="submission-form__submit">
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t("submission.sending") : t("submission.submit")}
          </Button>
        </div>
      </form>
    </div>
  );
}
