import { useState } from "react";
import { authOptionsApi } from "../../api/auth-options.ts";
import { FormAlert } from "../ui/Field.tsx";
import { useLoad } from "../useLoad.ts";
import { Button, Heading2, Paragraph } from "../utrecht.tsx";
import { type AuthT, useTranslation } from "./i18n.ts";
import { safeNext } from "./session.ts";

type TextKey = Parameters<AuthT>[0];

/** better-auth's `?error=` codes after a failed sign-in at the provider, with the Dutch text for each. */
const ERROR_KEYS: Record<string, TextKey> = {
  account_not_linked: "account.oidc.errors.notLinked",
  unable_to_link_account: "account.oidc.errors.notLinked",
  email_not_found: "account.oidc.errors.noEmail",
  access_denied: "account.oidc.errors.cancelled",
  signup_disabled: "account.oidc.errors.failed",
};

const SIGN_IN_PAGE = "/account/inloggen";

/**
 * Where the browser goes after signing in at the provider, and where it comes back to when that failed: on the
 * sign-in page `?next=` (default /teams, as the page's own form) and the page itself; elsewhere (the moderation page)
 * the page it started on.
 */
function destinations(): { next: string; back: string } {
  const { pathname, search } = window.location;
  if (pathname !== SIGN_IN_PAGE) return { next: pathname, back: pathname };
  const next = safeNext(new URLSearchParams(search).get("next"));
  return { next, back: `${SIGN_IN_PAGE}?next=${encodeURIComponent(next)}` };
}

/**
 * "Inloggen met <naam>": sign-in with the organisation's account, shown only when the server has it configured
 * (GET /api/auth-options); the one SignInForm renders it under its own form. The button sends the browser to the
 * provider; it comes back signed in, or with `?error=`, which this component explains in Dutch (role="alert", read
 * out when it appears).
 */
export function OidcSignIn({ idPrefix = "inloggen" }: { idPrefix?: string }) {
  const { t } = useTranslation();
  const options = useLoad((signal) => authOptionsApi.get(signal), []);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const code = new URLSearchParams(window.location.search).get("error");
  const oidc = options.status === "ready" ? options.data.oidc : null;
  if (!oidc) return null;

  const start = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { next, back } = destinations();
      const { url } = await authOptionsApi.start(oidc.providerId, next, back);
      window.location.assign(url);
    } catch {
      setBusy(false);
      setFailed(true);
    }
  };

  return (
    <section className="account-oidc" aria-labelledby={`${idPrefix}-organisatie`}>
      <Heading2 id={`${idPrefix}-organisatie`}>{t("account.oidc.title")}</Heading2>
      <FormAlert message={failed ? t("account.oidc.errors.start") : code ? t(ERROR_KEYS[code] ?? "account.oidc.errors.failed") : null} />
      <Paragraph>{t("account.oidc.intro", { name: oidc.name })}</Paragraph>
      <Button type="button" appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void start()}>
        {t("account.oidc.button", { name: oidc.name })}
      </Button>
    </section>
  );
}
