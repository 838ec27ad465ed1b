import { useEffect } from "react";
import { useSearchParams } from "react-router";
import { refreshSession } from "../app/auth/session.ts";
import { ButtonRouterLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { Frame } from "../app/ui/Frame.tsx";
import { Alert, Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

/**
 * `/account/bevestigd`: where the link in a verification mail lands after the server handled it; `?error=` when the
 * link was expired (TOKEN_EXPIRED) or not valid.
 */
export function VerifiedPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const error = params.get("error");
  const ok = error === null;
  const title = ok ? t("account.verified.title") : t("account.verified.failedTitle");

  // The session (if any) now carries the verified address.
  useEffect(() => {
    if (ok) void refreshSession();
  }, [ok]);

  return (
    <Frame className="account-page">
      <PageHeading title={title}>{title}</PageHeading>
      {ok ? (
        <Alert type="ok" role="status">
          <Paragraph>{t("account.verified.text")}</Paragraph>
        </Alert>
      ) : (
        <Alert type="error" role="alert">
          <Paragraph>{error === "TOKEN_EXPIRED" ? t("account.verified.expired") : t("account.verified.invalid")}</Paragraph>
        </Alert>
      )}
      <div className="button-row">
        <ButtonRouterLink to="/account" appearance="primary">
          {ok ? t("account.verified.toAccount") : t("account.verified.newLink")}
        </ButtonRouterLink>
      </div>
    </Frame>
  );
}
