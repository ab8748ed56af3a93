import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../testing/api-client";
import { createTestClock } from "../testing/test-clock";
import { startTestSandbox, uniqueApiKey, type TestSandbox } from "../testing/test-sandbox";

// CRM-API decision 9, with a quota of 5 so the limit is reached quickly.
const QUOTA = 5;
const testClock = createTestClock();
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ monthlyQuota: QUOTA, clock: testClock.clock });
});
afterAll(() => sandbox?.close());

async function freshCompany(): Promise<{ client: ApiClient; admin: ApiClient }> {
  const key = uniqueApiKey("quota");
  await sandbox.addCompany(key);
  return { client: sandbox.client(key), admin: sandbox.rootClient(key) };
}

/** Requests counted for all companies together. */
const totalUsage = async () => {
  const { rows } = await sandbox.db.query<{ total: number }>("select coalesce(sum(request_count), 0)::int as total from usage_counters");
  return rows[0]?.total ?? 0;
};

describe("monthly quota", () => {
  it("counts every authenticated request, failures and replays included, then answers 403", async () => {
    const { client } = await freshCompany();
    expect((await client.get("/customers")).status).toBe(200); // 1
    expect((await client.get("/customers?limit=0")).status).toBe(400); // 2
    expect((await client.get("/customers/123e4567-e89b-12d3-a456-426614174000")).status).toBe(404); // 3
    expect((await client.post("/customers", { first_name: "A", last_name: "B" }, { idempotencyKey: "quota-key" })).status).toBe(200); // 4
    const replay = await client.post("/customers", { first_name: "A", last_name: "B" }, { idempotencyKey: "quota-key" }); // 5
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const over = await client.get("/customers"); // 6
    expect(over.status).toBe(403);
    expect(over.body).toEqual({ success: false, error: "Usage limit exceeded" });
    expect((await client.post("/customers", { first_name: "C", last_name: "D" })).status).toBe(403);
  });

  it("does not count requests without a valid key", async () => {
    const before = await totalUsage();
    expect((await sandbox.client(null).get("/customers")).status).toBe(401);
    expect((await sandbox.client("ctc_unknown_key_123").get("/customers")).status).toBe(401);
    expect(await totalUsage()).toBe(before);
  });

  it("keeps companies apart", async () => {
    const one = await freshCompany();
    const two = await freshCompany();
    for (let index = 0; index < QUOTA; index += 1) await one.client.get("/locations");
    expect((await one.client.get("/locations")).status).toBe(403);
    expect((await two.client.get("/locations")).status).toBe(200);
  });

  it("starts afresh in a new UTC month", async () => {
    const { client } = await freshCompany();
    for (let index = 0; index < QUOTA; index += 1) await client.get("/locations");
    expect((await client.get("/locations")).status).toBe(403);
    testClock.advance(32 * 24 * 60 * 60 * 1000);
    expect((await client.get("/locations")).status).toBe(200);
  });

  it("can be reset through /__sandbox/reset-usage, which itself needs a key but does not count", async () => {
    const { client, admin } = await freshCompany();
    for (let index = 0; index < QUOTA; index += 1) await client.get("/locations");
    expect((await client.get("/locations")).status).toBe(403);
    expect((await sandbox.rootClient(null).post("/__sandbox/reset-usage")).status).toBe(401);
    const reset = await admin.post("/__sandbox/reset-usage");
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ success: true, data: { message: "Usage reset" } });
    for (let index = 0; index < 3; index += 1) expect((await admin.get("/__sandbox/faults")).status).toBe(200);
    for (let index = 0; index < QUOTA; index += 1) expect((await client.get("/locations")).status).toBe(200);
    expect((await client.get("/locations")).status).toBe(403);
  });

  it("can be set through PUT /__sandbox/usage, so a test can reach the limit without sending it", async () => {
    const { client, admin } = await freshCompany();
    expect((await admin.put("/__sandbox/usage", { request_count: QUOTA })).status).toBe(200);
    expect((await client.get("/locations")).status).toBe(403);
    expect((await admin.put("/__sandbox/usage", { request_count: QUOTA - 1 })).status).toBe(200);
    expect((await client.get("/locations")).status).toBe(200);
    expect((await client.get("/locations")).status).toBe(403);
    for (const bad of [{ request_count: -1 }, { request_count: 1.5 }, { request_count: "5" }, {}])
      expect((await admin.put("/__sandbox/usage", bad)).status).toBe(400);
  });

  it("counts concurrent requests exactly", async () => {
    const { client } = await freshCompany();
    const statuses = await Promise.all(Array.from({ length: 12 }, () => client.get("/locations").then((response) => response.status)));
    expect(statuses.filter((status) => status === 200)).toHaveLength(QUOTA);
    expect(statuses.filter((status) => status === 403)).toHaveLength(12 - QUOTA);
  });
});
