import { useLocation, useNavigate, useSearchParams } from "react-router";
import { SignInForm } from "../app/auth/SignInForm.tsx";
import { safeNext, signUpPath, useSession } from "../app/auth/session.ts";
import { AppLink, ButtonRouterLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { Frame } from "../app/ui/Frame.tsx";
import { Alert, Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

/** `/account/inloggen`: e-mail + password; afterwards to `?next=` or /teams. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { state } = useLocation() as { state: { signedOut?: boolean; passwordReset?: boolean } | null };
  const session = useSession();
  const next = safeNext(search.get("next"));
  const title = t("account.signIn.title");

  return (
    <Frame className="account-page">
      <PageHeading title={title}>{title}</PageHeading>
      {state?.signedOut && (
        <Alert type="ok" role="status">
          <Paragraph>{t("account.signIn.signedOut")}</Paragraph>
        </Alert>
      )}
      {state?.passwordReset && (
        <Alert type="ok" role="status">
          <Paragraph>{t("account.reset.done")}</Paragraph>
        </Alert>
      )}
      {session.status === "ready" && session.user ? (
        <>
          <Paragraph>{t("account.signIn.already", { name: session.user.name })}</Paragraph>
          <ButtonRouterLink to={next} appearance="primary">
            {t("account.signIn.continue")}
          </ButtonRouterLink>
        </>
      ) : (
        <>
          <Paragraph appearance="lead">{t("account.signIn.intro")}</Paragraph>
          <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
          <ul className="account-links">
            <li>
              <AppLink to="/account/wachtwoord-vergeten">{t("account.signIn.forgot")}</AppLink>
            </li>
            <li>
              {t("account.signIn.noAccount")} <AppLink to={signUpPath(next)}>{t("account.signIn.toSignUp")}</AppLink>
            </li>
          </ul>
        </>
      )}
    </Frame>
  );
}
