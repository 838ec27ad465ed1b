import { request } from "./client.ts";

/** The retention periods of this installation (its configuration), for the privacy page. */
export type RetentionPeriods = { soloCheckRetentionMonths: number; roundRetentionMonths: number };

export const privacyApi = {
  get: (signal?: AbortSignal) => request<RetentionPeriods>("/api/privacy", { signal }),
};
