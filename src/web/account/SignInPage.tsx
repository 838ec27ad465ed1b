import { type FormEvent, useRef, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { accountApi } from "../api/account.ts";
import { AppLink, ButtonRouterLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { Alert, Button, Paragraph, Textbox } from "../app/utrecht.tsx";
import { useTeamsT } from "../teams/i18n/index.ts";
import { Field, FormAlert, focusFirstInvalid } from "../teams/ui/Field.tsx";
import { Frame } from "../teams/ui/Frame.tsx";
import { authErrorMessage, looksLikeEmail } from "./authErrors.ts";
import { PasswordField } from "./PasswordField.tsx";
import { refreshSession, safeNext, signUpPath, useSession } from "./session.ts";

type Errors = Partial<Record<"email" | "password" | "form", string>>;

/** `/account/inloggen`: e-mail + password; afterwards to `?next=` or /teams. */
export function SignInPage() {
  const t = useTeamsT();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { state } = useLocation() as { state: { signedOut?: boolean; passwordReset?: boolean } | null };
  const session = useSession();
  const next = safeNext(search.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const title = t("account.signIn.title");

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (!email.trim()) found.email = t("account.errors.emailRequired");
    else if (!looksLikeEmail(email)) found.email = t("account.errors.invalidEmail");
    if (!password) found.password = t("account.errors.passwordRequired");
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(form.current);
    setBusy(true);
    try {
      await accountApi.signIn({ email: email.trim(), password });
      await refreshSession();
      navigate(next, { replace: true });
    } catch (error) {
      const { field, message } = authErrorMessage(t, error);
      setErrors({ [field === "name" ? "form" : field]: message });
      setBusy(false);
      if (field !== "form") focusFirstInvalid(form.current);
    }
  }

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
          <form ref={form} noValidate onSubmit={(e) => void submit(e)} className="account-form">
            <FormAlert message={errors.form} />
            <Field id="inloggen-email" label={t("account.fields.email")} error={errors.email}>
              {(props) => (
                <Textbox
                  {...props}
                  type="email"
                  autoComplete="username"
                  spellCheck={false}
                  autoCapitalize="none"
                  value={email}
                  required
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            <PasswordField
              id="inloggen-wachtwoord"
              label={t("account.fields.password")}
              error={errors.password}
              value={password}
              autoComplete="current-password"
              onChange={setPassword}
            />
            <div className="account-form__submit">
              <Button type="submit" appearance="primary-action-button" busy={busy}>
                {t("account.signIn.submit")}
              </Button>
            </div>
          </form>
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
