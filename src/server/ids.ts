import { randomBytes } from "node:crypto";

/**
 * Secret ids: 144 random bits, URL-safe. A check id, a team or round id, an invite token or a submission token is
 * the only key to what it names, so it must not be guessable.
 */
export function newSecretId(): string {
  return randomBytes(18).toString("base64url");
}

/** What a secret id can look like; anything else is answered 404 without a query. */
export const SECRET_ID_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;

/** Whether `value` can be a secret id (see SECRET_ID_PATTERN). */
export const isSecretId = (value: string): boolean => SECRET_ID_PATTERN.test(value);
