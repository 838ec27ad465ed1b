import { useEffect, useSyncExternalStore } from "react";
import { accountApi, type Me } from "../../api/account.ts";

export type Session = { status: "loading" } | { status: "error" } | { status: "ready"; user: Me["user"]; moderator: boolean };

/**
 * The web's one auth client: who is signed in (and whether they moderate), shared by every page of this session; loaded
 * once from `/api/me`, refreshed after signing in, cleared after signing out. Signing in is SignInForm; the requests
 * themselves are `accountApi` (better-auth's endpoints).
 */
let session: Session = { status: "loading" };
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: Session) {
  session = next;
  for (const listener of listeners) listener();
}

export function refreshSession(): Promise<void> {
  loading = accountApi.me().then(
    (me) => set({ status: "ready", user: me.user, moderator: me.moderator }),
    () => set({ status: "error" }),
  );
  return loading;
}

/** After signing out: no need to ask the server. */
export function clearSession(): void {
  set({ status: "ready", user: null, moderator: false });
}

/** Signs out and forgets the session. */
export async function signOut(): Promise<void> {
  await accountApi.signOut();
  clearSession();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session {
  const value = useSyncExternalStore(subscribe, () => session);
  useEffect(() => {
    if (!loading) void refreshSession();
  }, []);
  return value;
}

/** A `?next=` path we may send the user to after signing in: same site only. */
export function safeNext(next: string | null, fallback = "/teams"): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}

/** The sign-in page that returns to `path` afterwards. */
export const signInPath = (path: string) => `/account/inloggen?next=${encodeURIComponent(path)}`;
export const signUpPath = (path: string) => `/account/aanmelden?next=${encodeURIComponent(path)}`;
