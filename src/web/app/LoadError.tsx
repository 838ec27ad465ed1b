import type { ApiError } from "../api/client.ts";
import { useTranslation } from "./i18n.ts";
import { Alert, Button, Paragraph } from "./utrecht.tsx";

/** The Dutch message for a failed API call: the server's own message, or "no connection". */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: ApiError) => (error.status === 0 || error.status >= 500 ? t("errors.network") : error.message);
}

/** A failed load with a way to try again. */
export function LoadError({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert type="error" role="alert" className="load-error">
      <Paragraph>{message(error)}</Paragraph>
      {retry && (
        <Button appearance="secondary-action-button" onClick={retry}>
          {t("errors.retry")}
        </Button>
      )}
    </Alert>
  );
}
