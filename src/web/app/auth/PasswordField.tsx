import { useState } from "react";
import { Field } from "../ui/Field.tsx";
import { Textbox } from "../utrecht.tsx";
import { useTranslation } from "./i18n.ts";

type Props = {
  id: string;
  label: string;
  description?: string;
  error?: string;
  value: string;
  autoComplete: "current-password" | "new-password";
  onChange(value: string): void;
};

/** A password field with a "show password" checkbox (fewer typing mistakes on a phone). */
export function PasswordField({ id, label, description, error, value, autoComplete, onChange }: Props) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <Field id={id} label={label} description={description} error={error}>
      {(props) => (
        <>
          <Textbox
            {...props}
            type={shown ? "text" : "password"}
            autoComplete={autoComplete}
            spellCheck={false}
            autoCapitalize="none"
            value={value}
            required
            onChange={(e) => onChange(e.target.value)}
          />
          <div className="show-password">
            <input id={`${id}-tonen`} type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
            <label htmlFor={`${id}-tonen`}>{t("account.showPassword")}</label>
          </div>
        </>
      )}
    </Field>
  );
}
