import { useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { AppLink } from "../links.tsx";
import { Button } from "../utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { signOut as endSession, safeNext, signInPath, signUpPath, useSession } from "./session.ts";

/** The small account area at the top of the team and account pages: who is signed in, and sign out. */
export function AccountBar() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  // On the account pages themselves, pass on where the user was going; elsewhere come back here.
  const onAccountPage = pathname.startsWith("/account/") || pathname === "/wachtwoord-herstellen";
  const next = onAccountPage ? safeNext(new URLSearchParams(search).get("next")) : `${pathname}${search}`;

  async function signOut() {
    setBusy(true);
    setFailed(false);
    try {
      await endSession();
      navigate("/account/inloggen", { state: { signedOut: true } });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  if (session.status !== "ready") return <div className="account-bar account-bar--empty" />;
  return (
    <section className="account-bar" aria-label={t("account.bar.label")}>
      {session.user ? (
        <>
          <span className="account-bar__who">
            {t("account.bar.signedInAs")} <strong>{session.user.name}</strong>
          </span>
          <AppLink to="/teams" className="account-bar__link">
            {t("account.bar.teams")}
          </AppLink>
          <AppLink to="/account" className="account-bar__link">
            {t("account.bar.account")}
          </AppLink>
          <Button appearance="subtle-button" className="account-bar__sign-out" busy={busy} onClick={() => void signOut()}>
            {t("account.bar.signOut")}
          </Button>
          {failed && (
            <span role="alert" className="account-bar__error">
              {t("account.bar.signOutFailed")}
            </span>
          )}
        </>
      ) : (
        <>
          <span className="account-bar__who">{t("account.bar.signedOut")}</span>
          {!pathname.startsWith("/account/inloggen") && (
            <AppLink to={signInPath(next)} className="account-bar__link">
              {t("account.bar.signIn")}
            </AppLink>
          )}
          {!pathname.startsWith("/account/aanmelden") && (
            <AppLink to={signUpPath(next)} className="account-bar__link">
              {t("account.bar.signUp")}
            </AppLink>
          )}
        </>
      )}
    </section>
  );
}
