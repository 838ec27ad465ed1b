import { useState } from "react";
import { AuthError, accountApi } from "../api/account.ts";
import { EmailField, emailProblem } from "../app/auth/EmailField.tsx";
import { AppLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { FormAlert } from "../app/ui/Field.tsx";
import { Frame } from "../app/ui/Frame.tsx";
import { invalid, useForm } from "../app/ui/useForm.ts";
import { Alert, Button, Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

/**
 * `/account/wachtwoord-vergeten`: asks for a reset link. The answer is the same whether an account exists or not,
 * so the page does not reveal who has an account.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const title = t("account.forgot.title");
  const { form, errors, busy, onSubmit } = useForm(
    () => {
      const problem = emailProblem(email);
      return problem ? invalid({ email: problem }) : { value: email.trim() };
    },
    async (address) => {
      try {
        await accountApi.requestPasswordReset(address);
        setSent(true);
      } catch (e) {
        // Only a connection problem or rate limiting is worth mentioning; any other answer looks like success.
        if (e instanceof AuthError && e.status !== 0 && e.status < 500 && e.status !== 429) setSent(true);
        else throw e;
      }
    },
    {
      errorsOf: (e) => ({ form: e instanceof AuthError && e.status === 429 ? t("account.errors.tooMany") : t("common.network") }),
    },
  );

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
          <form ref={form} noValidate onSubmit={(e) => void onSubmit(e)} className="account-form">
            <FormAlert message={errors.form} />
            <EmailField id="vergeten-email" value={email} error={errors.email} onChange={setEmail} />
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
