import type { TestSandbox } from "../../sandbox/src/testing/test-sandbox";

/** Test helpers for the mirror: the CRM's own view, read straight from the sandbox over HTTP. */
export type Row = Record<string, unknown> & { uuid: string };

export async function crm(sandbox: TestSandbox, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.apiKeys[0]}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as { data: Record<string, unknown> };
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json.data;
}

/** Every record of a resource, deleted ones included, as the CRM lists them. */
export async function crmAll(sandbox: TestSandbox, resource: "customers" | "jobs" | "locations"): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page += 1) {
    const data = await crm(sandbox, "GET", `/${resource}?include_deleted=true&limit=100&page=${page}`);
    rows.push(...(data[resource] as Row[]));
    const pagination = data.pagination as { total_pages: number };
    if (page >= pagination.total_pages) return rows;
  }
}

/** What the CRM counted against the quota this month (every company in this test sandbox). */
export async function sandboxUsage(sandbox: TestSandbox): Promise<number> {
  const result = await sandbox.db.query<{ total: string | null }>("select sum(request_count)::text as total from usage_counters");
  return Number(result.rows[0]?.total ?? 0);
}

export async function setSandboxUsage(sandbox: TestSandbox, count: number): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/usage`, {
    method: "PUT",
    headers: { authorization: `Bearer ${sandbox.apiKeys[0]}`, "content-type": "application/json" },
    body: JSON.stringify({ request_count: count }),
  });
  if (!response.ok) throw new Error(`PUT /__sandbox/usage: ${response.status}`);
}

export const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());
