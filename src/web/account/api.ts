import { request } from "../api/client.ts";

export type Me = { user: { email: string; name: string } | null; moderator: boolean };

/** A refusal of better-auth: its `code` (e.g. INVALID_EMAIL_OR_PASSWORD) decides the Dutch message we show. */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
    this.name = "AuthError";
  }
}

/** better-auth answers errors as `{ code, message }` (English); keep the code, never show the message. */
async function auth<T>(path: string, body: object): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/auth/${path}`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch {
    throw new AuthError(0, "NETWORK");
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const code = (data as { code?: unknown } | null)?.code;
    throw new AuthError(response.status, typeof code === "string" ? code : `HTTP_${response.status}`);
  }
  return data as T;
}

export const accountApi = {
  me: (signal?: AbortSignal) => request<Me>("/api/me", { signal }),
  signUp: (input: { name: string; email: string; password: string }) => auth<unknown>("sign-up/email", input),
  signIn: (input: { email: string; password: string }) => auth<unknown>("sign-in/email", input),
  signOut: () => auth<unknown>("sign-out", {}),
  /** The server mails a link to /wachtwoord-herstellen?token=… (or writes it to DATA_DIR/mail without SMTP). */
  requestPasswordReset: (email: string) => auth<unknown>("request-password-reset", { email }),
  resetPassword: (token: string, newPassword: string) => auth<unknown>("reset-password", { token, newPassword }),
};
