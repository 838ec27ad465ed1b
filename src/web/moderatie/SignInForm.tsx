import { type FormEvent, useRef, useState } from "react";
import { authApi } from "../api/auth.ts";
import { ApiError } from "../api/client.ts";
import { useTranslation } from "../app/i18n.ts";
import { Alert, Button, FormFieldErrorMessage, FormLabel, Paragraph, Textbox } from "../app/utrecht.tsx";

type Errors = { email?: string; password?: string; form?: string };

/** E-mail + password sign-in for moderators (better-auth, same origin; the session is an HttpOnly cookie). */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (!email.trim()) found.email = t("moderation.signIn.emailRequired");
    if (!password) found.password = t("moderation.signIn.passwordRequired");
    setErrors(found);
    if (found.email || found.password) {
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    setBusy(true);
    try {
      await authApi.signIn(email.trim(), password);
      onSignedIn();
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      setErrors({
        form:
          status === 401 || status === 400
            ? t("moderation.signIn.wrong")
            : status === 429
              ? t("moderation.signIn.tooMany")
              : t("errors.network"),
      });
      setBusy(false);
    }
  }

  const field = (
    name: "email" | "password",
    label: string,
    input: (props: { id: string; invalid: boolean; "aria-describedby"?: string }) => React.ReactNode,
  ) => {
    const id = `inloggen-${name}`;
    const error = errors[name];
    return (
      <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={id}>{label}</FormLabel>
        </div>
        {error && <FormFieldErrorMessage id={`${id}-fout`}>{error}</FormFieldErrorMessage>}
        <div className="utrecht-form-field__input">
          {input({ id, invalid: Boolean(error), "aria-describedby": error ? `${id}-fout` : undefined })}
        </div>
      </div>
    );
  };

  return (
    <form ref={form} className="sign-in" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="inloggen-titel">
      <h2 id="inloggen-titel" className="sign-in__title">
        {t("moderation.signIn.title")}
      </h2>
      {errors.form && (
        <Alert type="error" role="alert">
          <Paragraph>{errors.form}</Paragraph>
        </Alert>
      )}
      {field("email", t("moderation.signIn.email"), (props) => (
        <Textbox {...props} type="email" autoComplete="username" value={email} required onChange={(e) => setEmail(e.target.value)} />
      ))}
      {field("password", t("moderation.signIn.password"), (props) => (
        <Textbox
          {...props}
          type="password"
          autoComplete="current-password"
          value={password}
          required
          onChange={(e) => setPassword(e.target.value)}
        />
      ))}
      <Button type="submit" appearance="primary-action-button" busy={busy}>
        {t("moderation.signIn.submit")}
      </Button>
    </form>
  );
}
