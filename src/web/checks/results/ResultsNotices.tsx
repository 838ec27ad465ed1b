import { Alert, Button, Paragraph } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import type { ResultsLoad } from "./useResults.ts";

/** Warnings shared by the scores and tips pages: unsaved answers, or results that could not be loaded. */
export function ResultsNotices({ load }: { load: ResultsLoad }) {
  const { t } = useTranslation();
  return (
    <>
      {load.unsaved && (
        <Alert type="warning">
          <Paragraph>{t("results.unsaved")}</Paragraph>
        </Alert>
      )}
      {load.failed && (
        <Alert type="error" role="alert">
          <Paragraph>{t("results.loadError")}</Paragraph>
          <Button appearance="secondary-action-button" onClick={load.retry}>
            {t("results.retry")}
          </Button>
        </Alert>
      )}
    </>
  );
}
