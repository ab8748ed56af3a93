import { expect, test } from "@playwright/test";
import { crmGet } from "../support/crm";
import { dashboardApi } from "../support/dashboard-api";
import { LONG, listenerRssMb, percentile, writeFigures } from "../support/reliability-report";
import { E2E_APP_PORT } from "../support/test-env";

/**
 * Many signed-in clients at once on the screens used most (list, lookup, get),
 * for a fixed time: zero errors, and the server's memory back to flat at the
 * end. Latency is reported, not asserted (timing belongs to the benchmarks).
 */
const CLIENTS = LONG ? 100 : 10;
const DURATION_MS = LONG ? 60_000 : 8_000;

test("concurrent signed-in clients on list, lookup and get: zero errors, memory flat", async () => {
  test.setTimeout(DURATION_MS + 120_000);
  const sample = await crmGet<{ customers: Array<{ uuid: string; last_name: string; phone: string | null }> }>("/customers?limit=50");
  const customers = sample.customers.filter((customer) => customer.phone);
  expect(customers.length).toBeGreaterThan(5);
  const apis = await Promise.all(Array.from({ length: Math.min(CLIENTS, 20) }, () => dashboardApi("staff")));
  const rssBefore = listenerRssMb(E2E_APP_PORT);
  const latencies: number[] = [];
  const failures: string[] = [];
  let requests = 0;
  const deadline = Date.now() + DURATION_MS;

  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const api = apis[client % apis.length]!;
      for (let step = 0; Date.now() < deadline; step += 1) {
        const customer = customers[(client + step) % customers.length]!;
        const path = [
          `/api/customers?limit=25&page=${1 + (step % 3)}`,
          `/api/lookup?q=${encodeURIComponent(customer.phone!)}`,
          `/api/customers/${customer.uuid}`,
          `/api/lookup?q=${encodeURIComponent(customer.last_name)}`,
        ][step % 4]!;
        const started = performance.now();
        const response = await api.get(path).catch((error: Error) => ({ status: () => 0, text: async () => error.message }));
        latencies.push(performance.now() - started);
        requests += 1;
        if (response.status() !== 200) failures.push(`${path} → ${response.status()} ${(await response.text()).slice(0, 200)}`);
      }
    }),
  );
  await Promise.all(apis.map((api) => api.dispose()));
  // Let the server collect what the burst left behind before reading its memory again.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const rssAfter = listenerRssMb(E2E_APP_PORT);
  const sorted = [...latencies].sort((a, b) => a - b);
  writeFigures("load", {
    clients: CLIENTS,
    duration_s: DURATION_MS / 1000,
    requests,
    errors: failures.length,
    p50_ms: Math.round(percentile(sorted, 0.5)),
    p99_ms: Math.round(percentile(sorted, 0.99)),
    server_rss_mb: { before: rssBefore, after: rssAfter },
  });
  expect(failures.slice(0, 5)).toEqual([]);
  expect(requests).toBeGreaterThan(CLIENTS);
  if (rssBefore !== null && rssAfter !== null) expect(rssAfter).toBeLessThan(rssBefore + 150);
});
