import type { ApiErrorBody, ApiErrorCode } from "@/lib/api/api-error";

/** A failed dashboard API call, as the browser sees it. */
export class ApiRequestError extends Error {
  override readonly name = "ApiRequestError";
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | "network",
    message: string,
    readonly fields: Record<string, string> = {},
    readonly requestId: string | null = null,
    /** On a 409 from an update: the record as it is now, so the page can show what changed. */
    readonly current: unknown = undefined,
  ) {
    super(message);
  }
}

/**
 * Calls the dashboard's own API and unwraps the envelope. Network failures and
 * non-JSON answers become ApiRequestErrors with a readable message too.
 */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set("Content-Type", "application/json");
  let response: Response;
  try {
    response = await fetch(path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body, credentials: "same-origin" });
  } catch {
    throw new ApiRequestError(0, "network", "The dashboard could not be reached. Check the connection and try again.");
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiRequestError(response.status, "internal", `The server answered ${response.status} without details.`);
  }
  if (response.ok && typeof body === "object" && body !== null && (body as { success?: unknown }).success === true) {
    return (body as { data: T }).data;
  }
  const error = body as Partial<ApiErrorBody>;
  throw new ApiRequestError(
    response.status,
    error.code ?? "internal",
    error.error ?? `The server answered ${response.status}.`,
    error.fields ?? {},
    error.request_id ?? null,
    error.current,
  );
}
