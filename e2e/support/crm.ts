import { E2E_API_KEY, E2E_CRM_BASE_URL, E2E_SANDBOX_PORT } from "./test-env";

/**
 * Direct calls to the sandbox CRM, for arranging data, injecting faults and
 * checking what the dashboard did against the CRM's own answer.
 */
const headers = { Authorization: `Bearer ${E2E_API_KEY}`, "Content-Type": "application/json" };

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${E2E_CRM_BASE_URL}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const payload = (await response.json()) as { success: boolean; data: T; error?: string };
  if (!response.ok || !payload.success) throw new Error(`${method} ${path} → ${response.status}: ${payload.error ?? "no error message"}`);
  return payload.data;
}

export const crmGet = <T>(path: string) => call<T>("GET", path);
export const crmPost = <T>(path: string, body: unknown) => call<T>("POST", path, body);
export const crmPut = <T>(path: string, body: unknown) => call<T>("PUT", path, body);
export const crmDelete = <T>(path: string) => call<T>("DELETE", path);

export async function crmTotal(resource: "customers" | "jobs", query: string): Promise<number> {
  const data = await crmGet<{ pagination: { total: number } }>(`/${resource}?limit=1&${query}`);
  return data.pagination.total;
}

export interface FaultSettings {
  error_rate?: number;
  reset_rate?: number;
  latency_ms?: number;
  after_commit_share?: number;
  seed?: number;
  methods?: string;
  path?: string;
  count?: number;
}

/** Replaces the sandbox's fault settings; `{}` clears them. */
export async function setSandboxFaults(faults: FaultSettings): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${E2E_SANDBOX_PORT}/__sandbox/faults`, { method: "PUT", headers, body: JSON.stringify(faults) });
  if (!response.ok) throw new Error(`setting faults failed: ${response.status} ${await response.text()}`);
}

export const clearSandboxFaults = () => setSandboxFaults({});

/** Sets this month's request count of the test company in the sandbox (to reach the quota at once); resetSandboxUsage undoes it. */
export async function setSandboxUsage(requestCount: number): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${E2E_SANDBOX_PORT}/__sandbox/usage`, {
    method: "PUT",
    headers,
    body: JSON.stringify({ request_count: requestCount }),
  });
  if (!response.ok) throw new Error(`setting usage failed: ${response.status} ${await response.text()}`);
}

/** This month's request count of the test company: what the CRM bills, and how a spec counts what a screen cost. */
export async function sandboxUsage(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${E2E_SANDBOX_PORT}/__sandbox/usage`, { headers });
  if (!response.ok) throw new Error(`reading usage failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: { request_count: number } }).data.request_count;
}

export async function resetSandboxUsage(): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${E2E_SANDBOX_PORT}/__sandbox/reset-usage`, { method: "POST", headers });
  if (!response.ok) throw new Error(`resetting usage failed: ${response.status} ${await response.text()}`);
}

/** Makes the sandbox turn the test company's key away as revoked (401) or without the add-on (403); null restores it. */
export async function setSandboxAccess(refuse: "invalid_key" | "addon_required" | null): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${E2E_SANDBOX_PORT}/__sandbox/access`, { method: "PUT", headers, body: JSON.stringify({ refuse }) });
  if (!response.ok) throw new Error(`setting access failed: ${response.status} ${await response.text()}`);
}
