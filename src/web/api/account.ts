import type {
  accountDeletedResponse,
  accountOverviewResponse,
  memberRoleChangedResponse,
  meResponse,
} from "../../domain/account/responses.ts";
import type { AccountTeam } from "../../domain/teams/account-teams.ts";
import type { Wire } from "../../domain/wire.ts";
import { request } from "./client.ts";

export type { AccountTeam };

export type Me = Wire<typeof meResponse>;

export type AccountOverview = Wire<typeof accountOverviewResponse>;

/** Where the verification link lands (VERIFIED_PAGE on the server). */
export const VERIFIED_PATH = "/account/bevestigd";

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
  /** Mails the signed-in, unverified account a new verification link. */
  sendVerification: (email: string) => auth<unknown>("send-verification-email", { email, callbackURL: VERIFIED_PATH }),
  overview: (signal?: AbortSignal) => request<AccountOverview>("/api/account", { signal }),
  /** The JSON download of everything linked to the account (a plain link: the browser saves it). */
  exportUrl: "/api/account/export",
  remove: (input: { password: string; deleteTeams: string[] }) =>
    request<Wire<typeof accountDeletedResponse>>("/api/account", { method: "DELETE", body: input }),
  /** Hand-over: make another member coordinator of a team. */
  makeCoordinator: (teamId: string, userId: string) =>
    request<Wire<typeof memberRoleChangedResponse>>(`/api/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}`, {
      method: "PATCH",
      body: { role: "coordinator" },
    }),
};
