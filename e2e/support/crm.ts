import { E2E_API_KEY, E2E_CRM_BASE_URL } from "./test-env";

/**
 * Direct calls to the sandbox CRM, for arranging data and checking what the
 * dashboard shows against the CRM's own answer.
 */
export async function crmGet<T>(path: string): Promise<T> {
  const response = await fetch(`${E2E_CRM_BASE_URL}${path}`, { headers: { Authorization: `Bearer ${E2E_API_KEY}` } });
  const body = (await response.json()) as { success: boolean; data: T; error?: string };
  if (!response.ok || !body.success) throw new Error(`GET ${path} → ${response.status}: ${body.error ?? "no error message"}`);
  return body.data;
}

export async function crmTotal(resource: "customers" | "jobs", query: string): Promise<number> {
  const data = await crmGet<{ pagination: { total: number } }>(`/${resource}?limit=1&${query}`);
  return data.pagination.total;
}
