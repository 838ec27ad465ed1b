import type { managementLinkResponse, managementSummaryResponse } from "../../domain/teams/responses.ts";
import type { Wire } from "../../domain/wire.ts";
import { request } from "./client.ts";

/** A management link that still works, as its coordinators see it. */
export type ManagementLink = Wire<typeof managementLinkResponse>;
/** What a manager sees through a link: released group figures of one round only. */
export type ManagementSummary = Wire<typeof managementSummaryResponse>;

const links = (roundId: string) => `/api/rounds/${encodeURIComponent(roundId)}/management-links`;

/** Read-only links to a round's management summary (coordinators), and the summary behind one (anyone with the link). */
export const managementApi = {
  list: (roundId: string, signal?: AbortSignal) => request<ManagementLink[]>(links(roundId), { signal }),
  create: (roundId: string, expiresOn: string) => request<ManagementLink>(links(roundId), { method: "POST", body: { expiresOn } }),
  revoke: (roundId: string, token: string) => request<void>(`${links(roundId)}/${encodeURIComponent(token)}`, { method: "DELETE" }),
  summary: (token: string, signal?: AbortSignal) => request<ManagementSummary>(`/api/management/${encodeURIComponent(token)}`, { signal }),
};
