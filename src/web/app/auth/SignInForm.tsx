import { useState } from "react";
import { accountApi } from "../../api/account.ts";
import { FormAlert } from "../ui/Field.tsx";
import { checked, type FormErrors, useForm } from "../ui/useForm.ts";
import { Button } from "../utrecht.tsx";
import { authErrorMessage } from "./authErrors.ts";
import { EmailField, emailProblem } from "./EmailField.tsx";
import { useTranslation } from "./i18n.ts";
import { OidcSignIn } from "./OidcSignIn.tsx";
import { PasswordField } from "./PasswordField.tsx";
import { refreshSession } from "./session.ts";

type SignInField = "email" | "password";

/**
 * The one sign-in form (e-mail + password, better-auth; the session is an HttpOnly cookie): the account page and the
 * moderation page use it. After signing in the session is reloaded, then `onSignedIn` runs. Under it, when configured,
 * "Inloggen met <naam>" (OidcSignIn: sign-in with the organisation's account).
 */
export function SignInForm({ onSignedIn, idPrefix = "inloggen" }: { onSignedIn: () => void; idPrefix?: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { form, errors, busy, onSubmit } = useForm(
    () => {
      const found: FormErrors<SignInField> = {};
      const emailError = emailProblem(email);
      if (emailError) found.email = emailError;
      if (!password) found.password = t("account.errors.passwordRequired");
      return checked(found, { email: email.trim(), password });
    },
    async (input) => {
      await accountApi.signIn(input);
      await refreshSession();
      onSignedIn();
    },
    {
      errorsOf: (error) => {
        const { field, message } = authErrorMessage(t, error);
        return { [field === "name" ? "form" : field]: message };
      },
    },
  );

  return (
    <>
      <form ref={form} noValidate onSubmit={(e) => void onSubmit(e)} className="account-form">
        <FormAlert message={errors.form} />
        <EmailField id={`${idPrefix}-email`} value={email} error={errors.email} onChange={setEmail} autoComplete="username" />
        <PasswordField
          id={`${idPrefix}-wachtwoord`}
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
      <OidcSignIn idPrefix={idPrefix} />
    </>
  );
}
