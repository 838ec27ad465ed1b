import type { retentionPeriodsResponse } from "../../domain/privacy/responses.ts";
import type { Wire } from "../../domain/wire.ts";
import { request } from "./client.ts";

/** The retention periods of this installation (its configuration), for the privacy page. */
export type RetentionPeriods = Wire<typeof retentionPeriodsResponse>;

export const privacyApi = {
  get: (signal?: AbortSignal) => request<RetentionPeriods>("/api/privacy", { signal }),
};
