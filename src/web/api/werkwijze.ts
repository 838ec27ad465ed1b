import type { werkwijzeResponse } from "../../domain/werkwijze/responses.ts";
import type { Wire } from "../../domain/wire.ts";
import { request } from "./client.ts";

export type Werkwijze = Wire<typeof werkwijzeResponse>;

export const werkwijzeApi = {
  get: (signal?: AbortSignal) => request<Werkwijze>("/api/werkwijze", { signal }),
};
