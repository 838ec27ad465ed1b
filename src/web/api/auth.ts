import { request } from "./client.ts";

export type Me = { user: { email: string; name: string } | null; moderator: boolean };

/** Moderator accounts: better-auth's e-mail + password endpoints, same origin, session in an HttpOnly cookie. */
export const authApi = {
  me: (signal?: AbortSignal) => request<Me>("/api/me", { signal }),
  signIn: (email: string, password: string) => request<unknown>("/api/auth/sign-in/email", { method: "POST", body: { email, password } }),
  signOut: () => request<unknown>("/api/auth/sign-out", { method: "POST", body: {} }),
};
