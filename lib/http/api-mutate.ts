import { ApiRequestError, apiFetch } from "@/lib/http/api-fetch";

/** A fresh key for one intent of a person (one press of Save, one drag of a card). */
export function newIntentKey(): string {
  return crypto.randomUUID();
}

// 502 is retried when a proxy gave it; the dashboard's own 502 (crm_misconfigured) is not: only an administrator can fix that.
const RETRYABLE = (error: unknown) =>
  error instanceof ApiRequestError &&
  error.code !== "crm_misconfigured" &&
  (error.code === "network" || error.status === 502 || error.status === 503 || error.status === 504);

/**
 * A change sent to the dashboard's API with its intent's Idempotency-Key,
 * retried with the same key when the answer may simply have been lost (no
 * connection, 502/503/504): the server and the CRM make sure it happens once.
 * Pass the same key again to retry the same intent later (a "Try again" button).
 */
export async function apiMutate<T>(
  path: string,
  options: { method: "POST" | "PUT" | "DELETE"; json?: unknown; idempotencyKey: string; retries?: number },
): Promise<T> {
  const retries = options.retries ?? 2;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await apiFetch<T>(path, { method: options.method, json: options.json, headers: { "Idempotency-Key": options.idempotencyKey } });
    } catch (error) {
      if (attempt >= retries || !RETRYABLE(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * 2 ** attempt + Math.random() * 200));
    }
  }
}
