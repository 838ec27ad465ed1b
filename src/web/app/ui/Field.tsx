import type { ReactNode } from "react";
import { Alert, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph } from "../utrecht.tsx";

export type ControlProps = { id: string; invalid: boolean; "aria-describedby"?: string };

type Props = {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  className?: string;
  children: (props: ControlProps) => ReactNode;
};

/** A labelled form field (NL Design System form-field markup): label, description, error, then the control. */
export function Field({ id, label, description, error, className, children }: Props) {
  const descriptionId = description ? `${id}-uitleg` : undefined;
  const errorId = error ? `${id}-fout` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`utrecht-form-field form-field${error ? " utrecht-form-field--invalid" : ""}${className ? ` ${className}` : ""}`}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={descriptionId} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      )}
      {error && (
        <FormFieldErrorMessage id={errorId} className="utrecht-form-field__error-message">
          {error}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">{children({ id, invalid: Boolean(error), "aria-describedby": describedBy })}</div>
    </div>
  );
}

/** A form-level error, announced at once (role=alert); nothing when there is no message. */
export function FormAlert({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <Alert type="error" role="alert" className="form-alert">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
