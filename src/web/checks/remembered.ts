/**
 * Personal checks this browser remembers, so a lost link can be found again on the same device (issue 16). Only the
 * checks' ids are kept (localStorage, newest first, at most MAX_REMEMBERED): no answers, dates or anything else; what
 * the landing page shows about them it reads from the API. A respondent's check in a team's round is never remembered
 * (a shared device must not offer it to the next person).
 */

const STORAGE_KEY = "verbetertool:checks";
export const MAX_REMEMBERED = 5;

/** The shape of a check id (as the server makes them: base64url, see src/server/ids.ts). */
const CHECK_ID = /^[A-Za-z0-9_-]{20,64}$/;

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Storage switched off (private mode in some browsers, a blocked site): nothing is remembered.
    return null;
  }
}

/** The remembered check ids, newest first. */
export function rememberedChecks(): string[] {
  try {
    const stored: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(stored)
      ? stored.filter((id): id is string => typeof id === "string" && CHECK_ID.test(id)).slice(0, MAX_REMEMBERED)
      : [];
  } catch {
    return [];
  }
}

function store(ids: string[]): void {
  try {
    const target = storage();
    if (ids.length === 0) target?.removeItem(STORAGE_KEY);
    else target?.setItem(STORAGE_KEY, JSON.stringify(ids.slice(0, MAX_REMEMBERED)));
  } catch {
    // Full or refused storage: the check is simply not remembered.
  }
}

/** Remembers a personal check in this browser (moved to the front when it is already there). */
export function rememberCheck(id: string): void {
  if (!CHECK_ID.test(id)) return;
  const ids = rememberedChecks();
  if (ids[0] === id) return;
  store([id, ...ids.filter((other) => other !== id)]);
}

/** Forgets a check in this browser; the check itself and its link stay as they are. */
export function forgetCheck(id: string): void {
  store(rememberedChecks().filter((other) => other !== id));
}

/** What a pasted link or id leads to: the check id, or null when it cannot be one. */
export function checkIdFromLink(input: string): string | null {
  const text = input.trim();
  if (CHECK_ID.test(text)) return text;
  let url: URL;
  try {
    // A link without its scheme ("verbetertool.nl/check/…") or a bare path ("/check/…") reads as one on this site.
    // Only the path counts, so the base is any origin.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith("/") ? text : `https://${text}`, "https://check.invalid");
  } catch {
    return null;
  }
  // A personal check lives under /check/<id>; a respondent's answers under /meedoen/antwoorden/<id> (the check page
  // moves those to their own pages).
  const match = /^\/(?:check|meedoen\/antwoorden)\/([^/]+)(?:\/.*)?$/.exec(url.pathname);
  const id = match?.[1] ?? null;
  return id && CHECK_ID.test(id) ? id : null;
}
