import type { nextRoundResponse } from "../../domain/teams/followup.ts";
import type { Wire } from "../../domain/wire.ts";
import { request } from "./client.ts";

/** The next round a team plans and whether its reminder went out (`GET/PUT /api/teams/:id/next-round`). */
export type NextRound = Wire<typeof nextRoundResponse>;

const path = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}/next-round`;

export const followupApi = {
  nextRound: (teamId: string, signal?: AbortSignal) => request<NextRound>(path(teamId), { signal }),
  /** Coordinators: plan the next round on a day (yyyy-mm-dd), or none with null. */
  planNextRound: (teamId: string, plannedOn: string | null) => request<NextRound>(path(teamId), { method: "PUT", body: { plannedOn } }),
};
