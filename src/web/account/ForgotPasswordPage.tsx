import { type FormEvent, useRef, useState } from "react";
import { AuthError, accountApi } from "../api/account.ts";
import { AppLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { Alert, Button, Paragraph, Textbox } from "../app/utrecht.tsx";
import { useTeamsT } from "../teams/i18n/index.ts";
import { Field, FormAlert, focusFirstInvalid } from "../teams/ui/Field.tsx";
import { Frame } from "../teams/ui/Frame.tsx";
import { looksLikeEmail } from "./authErrors.ts";

/**
 * `/account/wachtwoord-vergeten`: asks for a reset link. The answer is the same whether an account exists or not,
 * so the page does not reveal who has an account.
 */
export function ForgotPasswordPage() {
  const t = useTeamsT();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const title = t("account.forgot.title");

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFormError(undefined);
    if (!looksLikeEmail(email)) {
      setError(email.trim() ? t("account.errors.invalidEmail") : t("account.errors.emailRequired"));
      return focusFirstInvalid(form.current);
    }
    setError(undefined);
    setBusy(true);
    try {
      await accountApi.requestPasswordReset(email.trim());
      setSent(true);
    } catch (e) {
      // Only a connection problem or rate limiting is worth mentioning; any other answer looks like success.
      if (e instanceof AuthError && e.status === 429) setFormError(t("account.errors.tooMany"));
      else if (e instanceof AuthError && e.status !== 0 && e.status < 500) setSent(true);
      else setFormError(t("common.network"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Frame className="account-page">
      <PageHeading title={title}>{title}</PageHeading>
      {sent ? (
        <Alert type="ok" role="status">
          <Paragraph>{t("account.forgot.sent")}</Paragraph>
          <Paragraph>{t("account.forgot.sentHint")}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph appearance="lead">{t("account.forgot.intro")}</Paragraph>
          <form ref={form} noValidate onSubmit={(e) => void submit(e)} className="account-form">
            <FormAlert message={formError} />
            <Field id="vergeten-email" label={t("account.fields.email")} error={error}>
              {(props) => (
                <Textbox
                  {...props}
                  type="email"
                  autoComplete="email"
                  spellCheck={false}
                  autoCapitalize="none"
                  value={email}
                  required
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            <div className="account-form__submit">
              <Button type="submit" appearance="primary-action-button" busy={busy}>
                {t("account.forgot.submit")}
              </Button>
            </div>
          </form>
        </>
      )}
      <Paragraph>
        <AppLink to="/account/inloggen">{t("account.forgot.back")}</AppLink>
      </Paragraph>
    </Frame>
  );
}
