import { Field } from "../ui/Field.tsx";
import { Textbox } from "../utrecht.tsx";
import { looksLikeEmail } from "./authErrors.ts";
import { t as authT, useTranslation } from "./i18n.ts";

/** What is wrong with an address typed into an account form, in Dutch; undefined when nothing is. */
export function emailProblem(email: string): string | undefined {
  if (!email.trim()) return authT("account.errors.emailRequired");
  if (!looksLikeEmail(email)) return authT("account.errors.invalidEmail");
  return undefined;
}

/** The e-mail address field of the account forms (sign in, sign up, forgot password). */
export function EmailField({
  id,
  value,
  error,
  onChange,
  autoComplete = "email",
}: {
  id: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  /** "username" on the sign-in form, so password managers pair it with the password. */
  autoComplete?: "email" | "username";
}) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t("account.fields.email")} error={error}>
      {(props) => (
        <Textbox
          {...props}
          type="email"
          autoComplete={autoComplete}
          spellCheck={false}
          autoCapitalize="none"
          value={value}
          required
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
