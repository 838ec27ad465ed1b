import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { PERSPECTIVES, type Perspective } from "../../domain/teams/perspectives.ts";
import { clearCookie } from "../cookies.ts";

/*
 * What a respondent's browser remembers, in signed cookies only: nothing of it is stored with the answers.
 * - "handed in": one browser hands in once per open link. Clearing cookies gets round it, which the coordinator's
 *   help says; personal invitations are the way to be sure.
 * - "kiosk": a coordinator opened this browser as a shared device for one perspective; hand-ins there set no
 *   "handed in" cookie, so the next person can start.
 */

const KIOSK = "vt_gedeeld_apparaat";
/** Browsers cap cookie lifetimes at 400 days. */
const HANDED_IN_SECONDS = 400 * 24 * 3600;
const KIOSK_SECONDS = 12 * 3600;

const handedInName = (roundId: string, perspective: Perspective) =>
  `vt_ingeleverd_${createHash("sha256").update(`${roundId}:${perspective}`).digest("hex").slice(0, 16)}`;

const readSigned = (request: FastifyRequest, name: string) => request.server.signedCookies.read(request, name);

const options = (request: FastifyRequest, maxAge: number) => ({ maxAge, secure: request.protocol === "https" });

export function kioskOf(request: FastifyRequest): { roundId: string; perspective: Perspective } | null {
  const value = readSigned(request, KIOSK);
  const [roundId, perspective] = value?.split(":") ?? [];
  if (!roundId || !PERSPECTIVES.includes(perspective as Perspective)) return null;
  return { roundId, perspective: perspective as Perspective };
}

export function isKiosk(request: FastifyRequest, roundId: string, perspective: Perspective): boolean {
  const kiosk = kioskOf(request);
  return kiosk?.roundId === roundId && kiosk.perspective === perspective;
}

export function startKiosk(request: FastifyRequest, reply: FastifyReply, roundId: string, perspective: Perspective): void {
  reply.server.signedCookies.set(reply, KIOSK, `${roundId}:${perspective}`, options(request, KIOSK_SECONDS));
}

export function stopKiosk(reply: FastifyReply): void {
  clearCookie(reply, KIOSK);
}

/** True when this browser already handed in through the open link of this round and perspective (and is no kiosk). */
export function handedInHere(request: FastifyRequest, roundId: string, perspective: Perspective): boolean {
  return !isKiosk(request, roundId, perspective) && readSigned(request, handedInName(roundId, perspective)) === "1";
}

export function markHandedIn(request: FastifyRequest, reply: FastifyReply, roundId: string, perspective: Perspective): void {
  if (isKiosk(request, roundId, perspective)) return;
  reply.server.signedCookies.set(reply, handedInName(roundId, perspective), "1", options(request, HANDED_IN_SECONDS));
}
