import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";

/**
 * At the monthly limit the CRM answers 403 "Usage limit exceeded". Reads then
 * serve the last answer the dashboard saw, marked stale; writes fail at once
 * with the usage-limit error and are not retried (retrying cannot help and
 * would only be refused again).
 */
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ monthlyQuota: 3 });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.CRM_CACHE_TTL_SECONDS = "1";
  process.env.LOG_LEVEL = "silent";
});

afterAll(async () => {
  await sandbox.close();
});

it("serves stale reads and fails writes plainly once the quota is used up", async () => {
  const { listCustomers, createCustomer } = await import("@/lib/crm/customers.server");
  const { usageReport } = await import("@/lib/crm/usage-meter.server");

  const warm = await listCustomers({ filter: "commercial" });
  expect(warm.meta.cache).toBe("miss");
  // Use up the rest of the quota (3 requests in all).
  await listCustomers({ search: "one" }, { cache: false });
  await listCustomers({ search: "two" }, { cache: false });
  await expect(listCustomers({ search: "three" }, { cache: false })).rejects.toMatchObject({ kind: "usage_limit" });

  // Past the one-second freshness, the CRM refuses: the last answer is served, marked stale.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const stale = await listCustomers({ filter: "commercial" });
  expect(stale.meta.cache).toBe("stale");
  expect(stale.data).toEqual(warm.data);

  // Nothing cached to fall back on: the error itself.
  await expect(listCustomers({ search: "never-read" })).rejects.toMatchObject({ kind: "usage_limit" });

  const before = (await usageReport()).used;
  await expect(createCustomer({ first_name: "Over", last_name: "Quota", phone: "206-555-0100" }, "over-quota-key-1")).rejects.toMatchObject({
    kind: "usage_limit",
  });
  expect((await usageReport()).used).toBe(before + 1);
});

it("reports usage against the plan, with a projection and an 80% warning", async () => {
  const { projectUsage } = await import("@/lib/crm/usage-meter.server");
  // Ten days into a 30-day month, 20,000 used: on course for 60,000.
  const now = new Date(Date.UTC(2026, 10, 11));
  expect(projectUsage(20_000, 50_000, now)).toMatchObject({ projected: 60_000, warning: false, exhausted: false, percent_used: 40 });
  expect(projectUsage(40_000, 50_000, now)).toMatchObject({ warning: true, exhausted: false });
  expect(projectUsage(50_000, 50_000, now)).toMatchObject({ warning: true, exhausted: true });
});
