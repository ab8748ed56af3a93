import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";

/**
 * The server-only CRM client against a real sandbox over HTTP: the shared
 * cache, retries that are safe, idempotent writes under injected faults, the
 * usage meter, and stale answers when the quota is used up.
 */
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ monthlyQuota: 1_000_000 });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.CRM_CACHE_TTL_SECONDS = "60";
  process.env.CRM_TIMEOUT_MS = "1500";
  process.env.LOG_LEVEL = "silent";
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(async () => {
  sandbox.setFaults(null);
  const { clearCrmCache } = await import("@/lib/crm/crm-request.server");
  clearCrmCache();
});

const client = () => import("@/lib/crm/customers.server");
const meter = () => import("@/lib/crm/usage-meter.server");
let counter = 0;
const uniqueName = () => `Testcase${String.fromCharCode(65 + (counter++ % 26))}${Date.now().toString(36).replace(/\d/g, "")}`;

async function used() {
  return (await (await meter()).usageReport()).used;
}

describe("the shared read cache", () => {
  it("answers a repeated read with zero CRM requests, and counts the first", async () => {
    const { listCustomers } = await client();
    const before = await used();
    const first = await listCustomers({ filter: "vip", limit: 5 });
    expect(first.meta).toMatchObject({ cache: "miss", upstreamCalls: 1 });
    const second = await listCustomers({ filter: "vip", limit: 5 });
    expect(second.meta).toMatchObject({ cache: "hit", upstreamCalls: 0 });
    expect(second.data).toEqual(first.data);
    expect(await used()).toBe(before + 1);
  });

  it("makes one CRM request for identical reads that arrive together", async () => {
    const { listCustomers } = await client();
    const before = await used();
    const results = await Promise.all(Array.from({ length: 5 }, () => listCustomers({ search: "together", limit: 3 })));
    expect(results.every((result) => result.data.pagination.total === 0)).toBe(true);
    expect(await used()).toBe(before + 1);
  });

  it("is dropped by a write, so the writer sees their change at once", async () => {
    const { listCustomers, createCustomer } = await client();
    const name = uniqueName();
    expect((await listCustomers({ search: name })).data.pagination.total).toBe(0);
    await createCustomer({ first_name: name, last_name: "Cache", phone: "206-555-0100" }, `key-${name}`);
    const after = await listCustomers({ search: name });
    expect(after.meta.cache).toBe("miss");
    expect(after.data.pagination.total).toBe(1);
  });

  it("never stores a failure", async () => {
    const { listCustomers } = await client();
    sandbox.setFaults({ error_rate: 1, methods: "GET", count: 3 });
    await expect(listCustomers({ search: "never-stored" })).rejects.toMatchObject({ kind: "unavailable" });
    const retried = await listCustomers({ search: "never-stored" });
    expect(retried.meta.cache).toBe("miss");
  });
});

describe("retries", () => {
  it("retries a read twice on 5xx and succeeds on the third attempt", async () => {
    const { listCustomers } = await client();
    sandbox.setFaults({ error_rate: 1, methods: "GET", count: 2 });
    const result = await listCustomers({ search: "third-time" }, { cache: false });
    expect(result.meta.upstreamCalls).toBe(3);
  });

  it("retries a read after a connection reset", async () => {
    const { listCustomers } = await client();
    sandbox.setFaults({ reset_rate: 1, methods: "GET", count: 1 });
    const result = await listCustomers({ search: "after-reset" }, { cache: false });
    expect(result.meta.upstreamCalls).toBe(2);
  });

  it("gives up after a request timeout and two retries, with an unavailable error", async () => {
    const { listCustomers } = await client();
    sandbox.setFaults({ latency_ms: 2_500, methods: "GET", count: 3 });
    const started = Date.now();
    await expect(listCustomers({ search: "slow" }, { cache: false })).rejects.toMatchObject({ kind: "unavailable" });
    expect(Date.now() - started).toBeLessThan(1_500 * 3 + 3_000);
  });

  it("under 20% injected failures, half after the commit, every create with its key makes exactly one record", async () => {
    const { createCustomer, listCustomers } = await client();
    sandbox.setFaults({ error_rate: 0.2, reset_rate: 0.05, after_commit_share: 0.5, methods: "POST", seed: 11 });
    const batch = uniqueName();
    const creates = 40;
    for (let index = 0; index < creates; index += 1) {
      const key = `${batch}-${index}`;
      // As the browser does: the same key again until the change is confirmed.
      for (let attempt = 0; ; attempt += 1) {
        try {
          await createCustomer({ first_name: `${batch}`, last_name: `Number${String.fromCharCode(65 + index)}x`, phone: "206-555-0199" }, key);
          break;
        } catch (error) {
          if (attempt > 10) throw error;
        }
      }
    }
    const stats = sandbox.faults().stats;
    sandbox.setFaults(null);
    const list = await listCustomers({ search: batch, limit: 100 }, { cache: false });
    expect(list.data.pagination.total).toBe(creates);
    expect(new Set(list.data.customers.map((customer) => customer.last_name)).size).toBe(creates);
    // The faults really struck: the test would prove nothing otherwise.
    expect(stats.errors + stats.resets).toBeGreaterThan(3);
  });

  it("never resends a write without an Idempotency-Key", async () => {
    const { crmWrite } = await import("@/lib/crm/crm-request.server");
    const { customerSchema } = await import("@/lib/crm/schemas.server");
    sandbox.setFaults({ error_rate: 1, methods: "POST", count: 1, after_commit_share: 0 });
    const before = await used();
    await expect(
      crmWrite("POST", "/customers", customerSchema, { body: { first_name: "No", last_name: "Key" }, invalidates: ["customers"] }),
    ).rejects.toMatchObject({ kind: "unavailable" });
    expect(await used()).toBe(before + 1);
  });
});
