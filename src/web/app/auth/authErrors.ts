import { AuthError } from "../../api/account.ts";
import type { AuthT } from "./i18n.ts";

export type AuthField = "name" | "email" | "password" | "form";

/** better-auth's codes in Dutch, next to the field they are about. Its English messages are never shown. */
export function authErrorMessage(t: AuthT, error: unknown): { field: AuthField; message: string } {
  const code = error instanceof AuthError ? error.code : "NETWORK";
  const status = error instanceof AuthError ? error.status : 0;
  switch (code) {
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return { field: "email", message: t("account.errors.userExists") };
    case "INVALID_EMAIL_OR_PASSWORD":
    case "INVALID_PASSWORD":
    case "CREDENTIAL_ACCOUNT_NOT_FOUND":
    case "USER_NOT_FOUND":
      return { field: "form", message: t("account.errors.wrongCredentials") };
    case "INVALID_EMAIL":
      return { field: "email", message: t("account.errors.invalidEmail") };
    case "PASSWORD_TOO_SHORT":
      return { field: "password", message: t("account.errors.passwordTooShort", { min: PASSWORD_MIN }) };
    case "PASSWORD_TOO_LONG":
      return { field: "password", message: t("account.errors.passwordTooLong", { max: PASSWORD_MAX }) };
    case "INVALID_TOKEN":
    case "TOKEN_EXPIRED":
      return { field: "form", message: t("account.errors.invalidToken") };
  }
  if (status === 429) return { field: "form", message: t("account.errors.tooMany") };
  if (status === 0 || status >= 500) return { field: "form", message: t("common.network") };
  return { field: "form", message: t("account.errors.unknown") };
}

/** The server's rules (better-auth minPasswordLength 10, its default maximum 128). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** A plausible e-mail address: something@something.something, no spaces. The server checks it properly. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
