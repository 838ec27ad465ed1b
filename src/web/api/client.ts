import type { errorResponse, Wire } from "../../domain/wire.ts";

/** A failed API call. `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Worth trying again later: no connection, a timeout, rate limiting or a server fault. */
  get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** `cache` defaults to "no-store"; "no-cache" lets the browser keep a response and revalidate it (ETag). */
type RequestOptions = { method?: string; body?: unknown; keepalive?: boolean; signal?: AbortSignal; cache?: RequestCache };

/** Fetches JSON from the API; every failure becomes an ApiError with the server's Dutch message when it gave one. */
export async function request<T>(
  path: string,
  { method = "GET", body, keepalive, signal, cache = "no-store" }: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      keepalive,
      signal,
      headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network");
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    // The API's refusal body (errorResponse); checked field by field, since a proxy may answer with something else.
    const problem = (data ?? {}) as { [Key in keyof Wire<typeof errorResponse>]?: unknown };
    throw new ApiError(
      response.status,
      typeof problem.error === "string" ? problem.error : `HTTP ${response.status}`,
      typeof problem.field === "string" ? problem.field : null,
    );
  }
  return data as T;
}
