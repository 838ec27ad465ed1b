import "./kit.css";
import type { ReactNode } from "react";
import { useLocation } from "react-router";
import type { ApiError } from "../../api/client.ts";
import { AccountBar } from "../auth/AccountBar.tsx";
import { useTranslation } from "../auth/i18n.ts";
import { signInPath, signUpPath, useSession } from "../auth/session.ts";
import { LoadError } from "../LoadError.tsx";
import { Loading } from "../Loading.tsx";
import { AppLink, ButtonRouterLink } from "../links.tsx";
import { PageHeading } from "../PageHeading.tsx";
import { Paragraph } from "../utrecht.tsx";

/** Every team and account page: the account area on top, then the page. */
export function Frame({ children, wide = false, className = "" }: { children: ReactNode; wide?: boolean; className?: string }) {
  return (
    <div className={`page-section teams-page${wide ? " teams-page--wide" : ""}${className ? ` ${className}` : ""}`}>
      <AccountBar />
      {children}
    </div>
  );
}

/** Sign in or create an account, then come back here. */
export function SignInPrompt({ title, text }: { title: string; text?: string }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const here = `${pathname}${search}`;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph>{text ?? t("account.required")}</Paragraph>
      <SignInButtons back={here} />
    </>
  );
}

/** "Inloggen" and "Account aanmaken", each coming back to `back` afterwards. */
export function SignInButtons({ back }: { back: string }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <ButtonRouterLink to={signInPath(back)} appearance="primary">
        {t("account.signIn.submit")}
      </ButtonRouterLink>
      <ButtonRouterLink to={signUpPath(back)} appearance="secondary">
        {t("account.signUp.submit")}
      </ButtonRouterLink>
    </div>
  );
}

/** Shows the children only to a signed-in user; others get the page title and a way to sign in. */
export function RequireAccount({ title, text, children }: { title: string; text?: string; children: ReactNode }) {
  const session = useSession();
  if (session.status === "loading") return <Loading />;
  if (session.status === "ready" && !session.user) return <SignInPrompt title={title} text={text} />;
  return children;
}

/** A failed load: a page title, and either a sign-in prompt (session gone) or the message with "try again". */
export function PageLoadError({ title, error, retry }: { title: string; error: ApiError; retry: () => void }) {
  const { t } = useTranslation();
  if (error.status === 401) return <SignInPrompt title={title} />;
  const final = error.status === 404 || error.status === 403;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <LoadError error={error} retry={final ? undefined : retry} />
      {final && (
        <Paragraph>
          <AppLink to="/teams">{t("account.bar.teams")}</AppLink>
        </Paragraph>
      )}
    </>
  );
}
