import { randomUUID } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import type { Role } from "../../lib/auth/roles";
import { storageStatePath } from "./accounts";
import { E2E_APP_URL } from "./test-env";

/** A signed-in API client of the dashboard, as the browser of someone in that role. */
export function dashboardApi(role: Role): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: E2E_APP_URL, storageState: storageStatePath(role), extraHTTPHeaders: { Origin: E2E_APP_URL } });
}

export const newIdempotencyKey = () => randomUUID();

/** How many CRM requests the dashboard has counted this month. */
export async function upstreamCount(api: APIRequestContext): Promise<number> {
  const response = await api.get("/api/usage");
  return (await response.json()).data.used as number;
}

/**
 * Sends a change the way the browser does: one Idempotency-Key for the intent,
 * sent again on every retry of a failure that may be temporary (5xx, network).
 */
export async function sendWithRetries(
  api: APIRequestContext,
  method: "POST" | "PUT" | "DELETE",
  path: string,
  data?: unknown,
  options: { maxAttempts?: number } = {},
): Promise<{ response: APIResponse; attempts: number }> {
  const key = newIdempotencyKey();
  const maxAttempts = options.maxAttempts ?? 8;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await api.fetch(path, { method, data, headers: { "Idempotency-Key": key } });
      if (response.status() < 500 || attempt >= maxAttempts) return { response, attempts: attempt };
    } catch (error) {
      if (attempt >= maxAttempts) throw error;
    }
  }
}
