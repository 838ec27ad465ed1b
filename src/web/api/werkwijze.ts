import type { Werkwijze } from "../../domain/werkwijze/schema.ts";
import { request } from "./client.ts";

export const werkwijzeApi = {
  get: (signal?: AbortSignal) => request<Werkwijze>("/api/werkwijze", { signal }),
};
