import { type FormEvent, useRef, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { accountApi } from "../api/account.ts";
import { ButtonRouterLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { Alert, Button, Paragraph } from "../app/utrecht.tsx";
import { useTeamsT } from "../teams/i18n/index.ts";
import { FormAlert, focusFirstInvalid } from "../teams/ui/Field.tsx";
import { Frame } from "../teams/ui/Frame.tsx";
import { authErrorMessage, PASSWORD_MAX, PASSWORD_MIN } from "./authErrors.ts";
import { PasswordField } from "./PasswordField.tsx";

type Errors = Partial<Record<"password" | "repeat" | "form", string>>;

/** `/wachtwoord-herstellen?token=…`: the link from the reset mail; choose a new password, then sign in. */
export function ResetPasswordPage() {
  const t = useTeamsT();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const token = search.get("token") ?? "";
  const linkError = search.get("error");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const title = t("account.reset.title");

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (password.length < PASSWORD_MIN) found.password = t("account.errors.passwordTooShort", { min: PASSWORD_MIN });
    else if (password.length > PASSWORD_MAX) found.password = t("account.errors.passwordTooLong", { max: PASSWORD_MAX });
    if (!found.password && repeat !== password) found.repeat = t("account.errors.passwordsDiffer");
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(form.current);
    setBusy(true);
    try {
      await accountApi.resetPassword(token, password);
      navigate("/account/inloggen", { replace: true, state: { passwordReset: true } });
    } catch (error) {
      const { field, message } = authErrorMessage(t, error);
      if (message === t("account.errors.invalidToken")) setExpired(true);
      setErrors({ [field === "password" ? "password" : "form"]: message });
      setBusy(false);
    }
  }

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
          <form ref={form} noValidate onSubmit={(e) => void submit(e)} className="account-form">
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
