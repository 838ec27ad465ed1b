import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { accountApi } from "../api/account.ts";
import { authErrorMessage, PASSWORD_MAX, PASSWORD_MIN } from "../app/auth/authErrors.ts";
import { PasswordField } from "../app/auth/PasswordField.tsx";
import { ButtonRouterLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { FormAlert } from "../app/ui/Field.tsx";
import { Frame } from "../app/ui/Frame.tsx";
import { checked, type FormErrors, useForm } from "../app/ui/useForm.ts";
import { Alert, Button, Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

type ResetField = "password" | "repeat";

/** `/wachtwoord-herstellen?token=…`: the link from the reset mail; choose a new password, then sign in. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const token = search.get("token") ?? "";
  const linkError = search.get("error");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [expired, setExpired] = useState(false);
  const title = t("account.reset.title");
  const { form, errors, busy, onSubmit } = useForm(
    () => {
      const found: FormErrors<ResetField> = {};
      if (password.length < PASSWORD_MIN) found.password = t("account.errors.passwordTooShort", { min: PASSWORD_MIN });
      else if (password.length > PASSWORD_MAX) found.password = t("account.errors.passwordTooLong", { max: PASSWORD_MAX });
      if (!found.password && repeat !== password) found.repeat = t("account.errors.passwordsDiffer");
      return checked(found, password);
    },
    async (chosen) => {
      await accountApi.resetPassword(token, chosen);
      navigate("/account/inloggen", { replace: true, state: { passwordReset: true } });
    },
    {
      errorsOf: (error) => {
        const { field, message } = authErrorMessage(t, error);
        if (message === t("account.errors.invalidToken")) setExpired(true);
        return { [field === "password" ? "password" : "form"]: message };
      },
    },
  );

  const invalidLink = !token || linkError !== null || expired;
  return (
    <Frame className="account-page">
      <PageHeading title={title}>{title}</PageHeading>
      {invalidLink ? (
        <>
          <Alert type="warning" role={expired ? "alert" : undefined}>
            <Paragraph>{t("account.errors.invalidToken")}</Paragraph>
          </Alert>
          <ButtonRouterLink to="/account/wachtwoord-vergeten" appearance="primary">
            {t("account.reset.newLink")}
          </ButtonRouterLink>
        </>
      ) : (
        <>
          <Paragraph appearance="lead">{t("account.reset.intro", { min: PASSWORD_MIN })}</Paragraph>
          <form ref={form} noValidate onSubmit={(e) => void onSubmit(e)} className="account-form">
            <FormAlert message={errors.form} />
            <PasswordField
              id="herstellen-wachtwoord"
              label={t("account.fields.newPassword")}
              description={t("account.fields.passwordHint", { min: PASSWORD_MIN })}
              error={errors.password}
              value={password}
              autoComplete="new-password"
              onChange={setPassword}
            />
            <PasswordField
              id="herstellen-herhaal"
              label={t("account.fields.repeatPassword")}
              error={errors.repeat}
              value={repeat}
              autoComplete="new-password"
              onChange={setRepeat}
            />
            <div className="account-form__submit">
              <Button type="submit" appearance="primary-action-button" busy={busy}>
                {t("account.reset.submit")}
              </Button>
            </div>
          </form>
        </>
      )}
    </Frame>
  );
}
