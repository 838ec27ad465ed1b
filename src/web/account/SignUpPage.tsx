import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { accountApi } from "../api/account.ts";
import { authErrorMessage, PASSWORD_MAX, PASSWORD_MIN } from "../app/auth/authErrors.ts";
import { EmailField, emailProblem } from "../app/auth/EmailField.tsx";
import { PasswordField } from "../app/auth/PasswordField.tsx";
import { refreshSession, safeNext, signInPath, useSession } from "../app/auth/session.ts";
import { AppLink, ButtonRouterLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { Field, FormAlert } from "../app/ui/Field.tsx";
import { Frame } from "../app/ui/Frame.tsx";
import { checked, type FormErrors, useForm } from "../app/ui/useForm.ts";
import { Button, Paragraph, Textbox } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

type SignUpField = "name" | "email" | "password";

/** `/account/aanmelden`: naam, e-mailadres, wachtwoord (≥ 10 tekens); signed in straight away. */
export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const session = useSession();
  const next = safeNext(search.get("next"));
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const title = t("account.signUp.title");
  const { form, errors, busy, onSubmit } = useForm(
    () => {
      const found: FormErrors<SignUpField> = {};
      if (!name.trim()) found.name = t("account.errors.nameRequired");
      else if (name.trim().length > 100) found.name = t("account.errors.nameTooLong", { max: 100 });
      const emailError = emailProblem(email);
      if (emailError) found.email = emailError;
      if (password.length < PASSWORD_MIN) found.password = t("account.errors.passwordTooShort", { min: PASSWORD_MIN });
      else if (password.length > PASSWORD_MAX) found.password = t("account.errors.passwordTooLong", { max: PASSWORD_MAX });
      return checked(found, { name: name.trim(), email: email.trim(), password });
    },
    async (input) => {
      await accountApi.signUp(input);
      await refreshSession();
      navigate(next, { replace: true });
    },
    {
      errorsOf: (error) => {
        const { field, message } = authErrorMessage(t, error);
        return { [field]: message };
      },
    },
  );

  return (
    <Frame className="account-page">
      <PageHeading title={title}>{title}</PageHeading>
      {session.status === "ready" && session.user ? (
        <>
          <Paragraph>{t("account.signIn.already", { name: session.user.name })}</Paragraph>
          <ButtonRouterLink to={next} appearance="primary">
            {t("account.signIn.continue")}
          </ButtonRouterLink>
        </>
      ) : (
        <>
          <Paragraph appearance="lead">{t("account.signUp.intro")}</Paragraph>
          <Paragraph>{t("account.signUp.privacy")}</Paragraph>
          <form ref={form} noValidate onSubmit={(e) => void onSubmit(e)} className="account-form">
            <FormAlert message={errors.form} />
            <Field id="aanmelden-naam" label={t("account.fields.name")} description={t("account.fields.nameHint")} error={errors.name}>
              {(props) => (
                <Textbox {...props} autoComplete="name" value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />
              )}
            </Field>
            <EmailField id="aanmelden-email" value={email} error={errors.email} onChange={setEmail} />
            <PasswordField
              id="aanmelden-wachtwoord"
              label={t("account.fields.password")}
              description={t("account.fields.passwordHint", { min: PASSWORD_MIN })}
              error={errors.password}
              value={password}
              autoComplete="new-password"
              onChange={setPassword}
            />
            <div className="account-form__submit">
              <Button type="submit" appearance="primary-action-button" busy={busy}>
                {t("account.signUp.submit")}
              </Button>
            </div>
          </form>
          <Paragraph>
            {t("account.signUp.haveAccount")} <AppLink to={signInPath(next)}>{t("account.signUp.toSignIn")}</AppLink>
          </Paragraph>
        </>
      )}
    </Frame>
  );
}
