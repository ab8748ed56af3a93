import { expect, test, type APIRequestContext } from "@playwright/test";
import { clearSandboxFaults, crmGet } from "../support/crm";
import { dashboardApi, newIdempotencyKey } from "../support/dashboard-api";
import { LONG, writeFigures } from "../support/reliability-report";
import { E2E_API_KEY, E2E_SANDBOX_PORT } from "../support/test-env";

/**
 * Creates and updates through the dashboard's API while the CRM fails 20% of
 * requests, resets 5% of connections and adds latency (half the write faults
 * strike after the write committed). The clients retry as the browser does,
 * with one Idempotency-Key per intent. Exactly N new records, every update
 * applied once, no duplicates; reads answer or fail with a clear retryable error.
 */
const RECORDS = LONG ? 500 : 30;
const CLIENTS = 5;
const FAULTS = { error_rate: 0.2, reset_rate: 0.05, latency_ms: LONG ? 100 : 30, latency_jitter_ms: 50, after_commit_share: 0.5, seed: 20261123 };
const REQUEST_TIMEOUT_MS = 30_000;

async function sandboxFaultStats() {
  const response = await fetch(`http://127.0.0.1:${E2E_SANDBOX_PORT}/__sandbox/faults`, { headers: { Authorization: `Bearer ${E2E_API_KEY}` } });
  return ((await response.json()) as { data: { stats: { matched: number; errors: number; resets: number; delayed: number } } }).data.stats;
}

async function setFaults(faults: Record<string, unknown>) {
  await fetch(`http://127.0.0.1:${E2E_SANDBOX_PORT}/__sandbox/faults`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${E2E_API_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify(faults),
  });
}

interface Tally {
  requests: number;
  retries: number;
  slowest_ms: number;
}

/** One intent, retried with its key until confirmed: what the browser's apiMutate does, without giving up. */
async function untilDone(api: APIRequestContext, tally: Tally, method: "POST" | "PUT", path: string, data: unknown) {
  const key = newIdempotencyKey();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    tally.requests += 1;
    if (attempt > 0) tally.retries += 1;
    const started = Date.now();
    let status = 0;
    let body: { data?: { uuid: string; updated_at: string }; code?: string } = {};
    try {
      const response = await api.fetch(path, { method, data, headers: { "Idempotency-Key": key }, timeout: REQUEST_TIMEOUT_MS });
      status = response.status();
      body = await response.json();
    } catch {
      status = 0; // the connection failed: retry
    }
    tally.slowest_ms = Math.max(tally.slowest_ms, Date.now() - started);
    if (status === 200 || status === 201) return body.data!;
    // Anything else must be a temporary failure the browser may retry, never a validation or conflict error.
    expect([0, 502, 503, 504], `${method} ${path} → ${status} ${JSON.stringify(body)}`).toContain(status);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${method} ${path} never succeeded`);
}

test("creates and updates under 20% CRM failures: exactly one record per create, every update applied once", async () => {
  test.setTimeout(LONG ? 1_800_000 : 240_000);
  const apis = await Promise.all(Array.from({ length: CLIENTS }, () => dashboardApi("staff")));
  const batch = `Fault${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, "")
    .slice(0, 6)}`;
  const tally: Tally = { requests: 0, retries: 0, slowest_ms: 0 };
  const readOutcomes = { answered: 0, retryable_errors: 0 };
  try {
    const before = await sandboxFaultStats();
    await setFaults(FAULTS);
    const started = Date.now();

    // Creates: RECORDS intents spread over the clients.
    const created: Array<{ uuid: string; updated_at: string; lastName: string }> = [];
    const names = Array.from({ length: RECORDS }, (_, index) => `${batch}${index.toString(26).replace(/\d/g, (digit) => "qrstuvwxyz"[Number(digit)]!)}`);
    await Promise.all(
      apis.map(async (api, client) => {
        for (let index = client; index < RECORDS; index += CLIENTS) {
          const lastName = names[index]!;
          const record = await untilDone(api, tally, "POST", "/api/customers", {
            first_name: "Fay",
            last_name: lastName,
            phone: "206-555-0150",
            confirm_duplicate: true,
          });
          created.push({ uuid: record.uuid, updated_at: record.updated_at, lastName });
          // A read in between: it answers, or fails with a clear retryable error.
          const read = await api.get(`/api/customers/${record.uuid}`, { timeout: REQUEST_TIMEOUT_MS }).catch(() => null);
          if (read?.ok()) readOutcomes.answered += 1;
          else {
            expect([null, 503], read ? await read.text() : "connection failed").toContain(read ? read.status() : null);
            readOutcomes.retryable_errors += 1;
          }
        }
      }),
    );

    // Updates: each record once, from the version it was created with.
    await Promise.all(
      apis.map(async (api, client) => {
        for (let index = client; index < created.length; index += CLIENTS) {
          const record = created[index]!;
          await untilDone(api, tally, "PUT", `/api/customers/${record.uuid}`, {
            notes: `update of ${record.lastName}`,
            expected_updated_at: record.updated_at,
          });
        }
      }),
    );
    const elapsedS = Math.round((Date.now() - started) / 1000);
    const after = await sandboxFaultStats();
    await clearSandboxFaults();

    const inCrm: Array<{ uuid: string; last_name: string; notes: string | null }> = [];
    for (let page = 1; ; page += 1) {
      const list = await crmGet<{ customers: Array<{ uuid: string; last_name: string; notes: string | null }>; pagination: { total_pages: number } }>(
        `/customers?search=${batch}&limit=100&page=${page}`,
      );
      inCrm.push(...list.customers);
      if (page >= list.pagination.total_pages) break;
    }
    const duplicates = inCrm.length - new Set(inCrm.map((customer) => customer.last_name)).size;
    const lostUpdates = inCrm.filter((customer) => customer.notes !== `update of ${customer.last_name}`).length;

    writeFigures("upstream-faults", {
      records: RECORDS,
      clients: CLIENTS,
      faults: FAULTS,
      requests_sent: tally.requests,
      client_retries: tally.retries,
      faults_injected: { errors: after.errors - before.errors, resets: after.resets - before.resets, delayed: after.delayed - before.delayed },
      reads: readOutcomes,
      slowest_request_ms: tally.slowest_ms,
      elapsed_s: elapsedS,
      records_in_crm: inCrm.length,
      duplicates,
      lost_updates: lostUpdates,
    });
    expect(after.errors - before.errors + after.resets - before.resets).toBeGreaterThan(RECORDS / 10);
    expect(inCrm.length).toBe(RECORDS);
    expect(duplicates).toBe(0);
    expect(lostUpdates).toBe(0);
    expect(tally.slowest_ms).toBeLessThan(REQUEST_TIMEOUT_MS);
  } finally {
    await clearSandboxFaults();
    await Promise.all(apis.map((api) => api.dispose()));
  }
});
