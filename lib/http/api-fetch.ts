import type { ApiErrorBody, ApiErrorCode } from "@/lib/api/api-error";
import { sessionEnded } from "@/lib/http/session-end";

/** How a request id is quoted on screen: its first 8 characters, enough to find the server's log line (`grep`). */
export function shortRequestId(requestId: string): string {
  return requestId.slice(0, 8);
}

/**
 * A failed dashboard API call, as the browser sees it. Its message ends with
 * the request id ("… (request 3f2a9c1e)") so that whatever screen shows it, a
 * person can quote it and an administrator can find the server's log line;
 * `detail` is the message alone.
 */
export class ApiRequestError extends Error {
  override readonly name = "ApiRequestError";
  readonly detail: string;
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | "network",
    message: string,
    readonly fields: Record<string, string> = {},
    readonly requestId: string | null = null,
    /** On a 409 from an update: the record as it is now, so the page can show what changed. */
    readonly current: unknown = undefined,
    /** Whole seconds the server asked to wait before trying again (Retry-After), if it said. */
    readonly retryAfterSeconds: number | null = null,
    /** The whole error envelope, for answers that list more than a message (possible duplicates, open jobs). */
    readonly body: Partial<ApiErrorBody> = {},
  ) {
    super(requestId ? `${message} (request ${shortRequestId(requestId)})` : message);
    this.detail = message;
  }
}

/** Where a successful answer's data came from (the BFF's `meta`); absent on answers that never touch the CRM. */
export interface ApiResponseMeta {
  cache?: "hit" | "miss" | "stale" | "none";
  stale?: boolean;
  /** When the CRM refused or was out of reach and this is the last answer seen: when that answer was read. */
  stale_since?: string | null;
  fetched_at?: string;
}

/** Auth routes answer 401 for a wrong password: that is not a session that ended. */
const isAuthPath = (path: string) => path.startsWith("/api/auth/");

/**
 * Calls the dashboard's own API and unwraps the envelope, with its `meta`.
 * Network failures and non-JSON answers become ApiRequestErrors with a
 * readable message too. A 401 on any other route means the session ended:
 * the person is taken to sign in (see session-end.ts) and brought back.
 */
export async function apiFetchWithMeta<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<{ data: T; meta: ApiResponseMeta }> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set("Content-Type", "application/json");
  let response: Response;
  try {
    response = await fetch(path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body, credentials: "same-origin" });
  } catch {
    throw new ApiRequestError(0, "network", "The dashboard could not be reached. Check the connection and try again.");
  }
  const headerRequestId = response.headers.get("x-request-id");
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiRequestError(response.status, "internal", `The server answered ${response.status} without details.`, {}, headerRequestId);
  }
  if (response.ok && typeof body === "object" && body !== null && (body as { success?: unknown }).success === true) {
    const { data, meta } = body as { data: T; meta?: ApiResponseMeta };
    return { data, meta: meta ?? {} };
  }
  const error = body as Partial<ApiErrorBody>;
  const retryAfter = Number(response.headers.get("retry-after"));
  const failure = new ApiRequestError(
    response.status,
    error.code ?? "internal",
    error.error ?? `The server answered ${response.status}.`,
    error.fields ?? {},
    error.request_id ?? headerRequestId,
    error.current,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    error,
  );
  if (failure.status === 401 && failure.code === "unauthenticated" && !isAuthPath(path)) sessionEnded();
  throw failure;
}

/** apiFetchWithMeta for callers that need only the data. */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  return (await apiFetchWithMeta<T>(path, init)).data;
}
