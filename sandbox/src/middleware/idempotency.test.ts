import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, Json } from "../testing/api-client";
import { createTestClock } from "../testing/test-clock";
import { startTestSandbox, uniqueApiKey, type TestSandbox } from "../testing/test-sandbox";

// CRM-API decision 8, including the hard case: a failure after the write
// committed must leave a record, so the retry replays instead of duplicating.
const testClock = createTestClock();
let sandbox: TestSandbox;
let sequence = 0;
const newKey = () => `idem-${Date.now()}-${(sequence += 1)}`;

beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: testClock.clock });
});
afterEach(() => sandbox.setFaults(null));
afterAll(() => sandbox?.close());

async function freshCompany(): Promise<ApiClient> {
  const key = uniqueApiKey("idem");
  await sandbox.addCompany(key);
  return sandbox.client(key);
}

/** Polls until the first request holds its key, however slow the machine is. */
async function waitForInFlight(key: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { rows } = await sandbox.db.query("select 1 from idempotency_keys where key = $1 and state = 'in_flight'", [key]);
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`request with key ${key} never got in flight`);
}

const customerCount = async (client: ApiClient): Promise<number> => (await client.get("/customers?include_deleted=true")).body.data.pagination.total;

describe("replay", () => {
  it("replays the first response with Idempotent-Replayed: true and writes once", async () => {
    const client = await freshCompany();
    const key = newKey();
    const first = await client.post("/customers", { first_name: "Once", last_name: "Only" }, { idempotencyKey: key });
    expect(first.status).toBe(200);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const second = await client.post("/customers", { first_name: "Once", last_name: "Only" }, { idempotencyKey: key });
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.text).toBe(first.text);
    expect(await customerCount(client)).toBe(1);
  });

  it("replays PUT and DELETE too (a repeated DELETE is not a 404)", async () => {
    const client = await freshCompany();
    const customer = (await client.post("/customers", { first_name: "A", last_name: "B" })).body.data;
    const putKey = newKey();
    const put = await client.put(`/customers/${customer.uuid}`, { notes: "n" }, { idempotencyKey: putKey });
    const putAgain = await client.put(`/customers/${customer.uuid}`, { notes: "n" }, { idempotencyKey: putKey });
    expect(putAgain.headers.get("idempotent-replayed")).toBe("true");
    expect(putAgain.body).toEqual(put.body);
    const deleteKey = newKey();
    expect((await client.delete(`/customers/${customer.uuid}`, { idempotencyKey: deleteKey })).status).toBe(200);
    const deleteAgain = await client.delete(`/customers/${customer.uuid}`, { idempotencyKey: deleteKey });
    expect(deleteAgain.status).toBe(200);
    expect(deleteAgain.body).toEqual({ success: true, data: { message: "Customer deleted successfully" } });
    expect(deleteAgain.headers.get("idempotent-replayed")).toBe("true");
  });

  it("replays a validation error as well, status included", async () => {
    const client = await freshCompany();
    const key = newKey();
    const first = await client.post("/jobs", { title: "no customer" }, { idempotencyKey: key });
    expect(first.status).toBe(400);
    const second = await client.post("/jobs", { title: "no customer" }, { idempotencyKey: key });
    expect(second.status).toBe(400);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.body).toEqual(first.body);
  });

  it("ignores the header on GET", async () => {
    const client = await freshCompany();
    const key = newKey();
    await client.get("/customers", { idempotencyKey: key });
    const again = await client.get("/customers", { idempotencyKey: key });
    expect(again.headers.get("idempotent-replayed")).toBeNull();
  });
});

describe("conflicts", () => {
  it("answers 400 when the key is reused with a different body, path or method", async () => {
    const client = await freshCompany();
    const key = newKey();
    const customer = (await client.post("/customers", { first_name: "A", last_name: "B" }, { idempotencyKey: key })).body.data;
    const expected = { success: false, error: "Idempotency-Key reused with a different request" };
    expect((await client.post("/customers", { first_name: "A", last_name: "C" }, { idempotencyKey: key })).body).toEqual(expected);
    expect((await client.post("/jobs", { first_name: "A", last_name: "B" }, { idempotencyKey: key })).body).toEqual(expected);
    const put = await client.put(`/customers/${customer.uuid}`, { first_name: "A", last_name: "B" }, { idempotencyKey: key });
    expect(put.status).toBe(400);
    expect(put.body).toEqual(expected);
  });

  it("scopes keys per company", async () => {
    const one = await freshCompany();
    const two = await freshCompany();
    const key = newKey();
    const a = await one.post("/customers", { first_name: "A", last_name: "B" }, { idempotencyKey: key });
    const b = await two.post("/customers", { first_name: "A", last_name: "B" }, { idempotencyKey: key });
    expect(b.headers.get("idempotent-replayed")).toBeNull();
    expect(b.body.data.uuid).not.toBe(a.body.data.uuid);
  });

  it("answers 409 while the first request with the key is still running", async () => {
    const client = await freshCompany();
    sandbox.setFaults({ latency_ms: 1000, methods: "POST", path: "/customers" });
    const key = newKey();
    const body = { first_name: "Slow", last_name: "Poke" };
    const first = client.post("/customers", body, { idempotencyKey: key });
    await waitForInFlight(key);
    sandbox.setFaults(null);
    const second = await client.post("/customers", body, { idempotencyKey: key });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ success: false, error: "A request with this Idempotency-Key is still in progress" });
    expect((await first).status).toBe(200);
    const third = await client.post("/customers", body, { idempotencyKey: key });
    expect(third.headers.get("idempotent-replayed")).toBe("true");
    expect(await customerCount(client)).toBe(1);
  });

  it.each([
    ["empty", ""],
    ["256 characters", "k".repeat(256)],
  ])("rejects a key that is %s", async (_label, key) => {
    const client = await freshCompany();
    const response = await client.post("/customers", { first_name: "A", last_name: "B" }, { idempotencyKey: key });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("Idempotency-Key must be 1 to 255 characters");
    expect(await customerCount(client)).toBe(0);
  });

  it("accepts a 255-character key", async () => {
    const client = await freshCompany();
    expect((await client.post("/customers", { first_name: "A", last_name: "B" }, { idempotencyKey: "k".repeat(255) })).status).toBe(200);
  });
});

describe("the 24-hour window", () => {
  it("replays within 24 hours and treats the key as new after", async () => {
    const client = await freshCompany();
    const key = newKey();
    const body = { first_name: "Day", last_name: "One" };
    const first = await client.post("/customers", body, { idempotencyKey: key });
    testClock.advance(23 * 60 * 60 * 1000);
    const within = await client.post("/customers", body, { idempotencyKey: key });
    expect(within.headers.get("idempotent-replayed")).toBe("true");
    testClock.advance(60 * 60 * 1000 + 1);
    const after = await client.post("/customers", body, { idempotencyKey: key });
    expect(after.status).toBe(200);
    expect(after.headers.get("idempotent-replayed")).toBeNull();
    expect(after.body.data.uuid).not.toBe(first.body.data.uuid);
    // The renewed key now replays the new response.
    const renewed = await client.post("/customers", body, { idempotencyKey: key });
    expect(renewed.body.data.uuid).toBe(after.body.data.uuid);
    // An expired key may also be reused for a different request.
    testClock.advance(24 * 60 * 60 * 1000);
    expect((await client.post("/customers", { first_name: "Other", last_name: "Body" }, { idempotencyKey: key })).status).toBe(200);
  });
});

describe("failures", () => {
  it("releases the key after a 5xx before the write, so the retry runs", async () => {
    const client = await freshCompany();
    sandbox.setFaults({ error_rate: 1, after_commit_share: 0, count: 1 });
    const key = newKey();
    const body = { first_name: "Retry", last_name: "Me" };
    const failed = await client.post("/customers", body, { idempotencyKey: key });
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ success: false, error: "Internal server error (injected)" });
    expect(await customerCount(client)).toBe(0);
    const retried = await client.post("/customers", body, { idempotencyKey: key });
    expect(retried.status).toBe(200);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    expect(await customerCount(client)).toBe(1);
  });

  it("keeps the record after a 500 that strikes once the write committed: the retry replays", async () => {
    const client = await freshCompany();
    sandbox.setFaults({ error_rate: 1, after_commit_share: 1, count: 1 });
    const key = newKey();
    const body = { first_name: "Committed", last_name: "Already" };
    const failed = await client.post("/customers", body, { idempotencyKey: key });
    expect(failed.status).toBe(500);
    expect(await customerCount(client)).toBe(1);
    const retried = await client.post("/customers", body, { idempotencyKey: key });
    expect(retried.status).toBe(200);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    const listed = (await client.get("/customers")).body.data.customers;
    expect(listed.map((customer: Json) => customer.uuid)).toEqual([retried.body.data.uuid]);
  });

  it("keeps the record after a connection reset once the write committed", async () => {
    const client = await freshCompany();
    const owner = (await client.post("/customers", { first_name: "Job", last_name: "Owner" })).body.data;
    sandbox.setFaults({ reset_rate: 1, after_commit_share: 1, count: 1, path: "/jobs" });
    const key = newKey();
    const body = { customer_uuid: owner.uuid, title: "Exactly once" };
    await expect(client.post("/jobs", body, { idempotencyKey: key })).rejects.toThrow();
    const retried = await client.post("/jobs", body, { idempotencyKey: key });
    expect(retried.status).toBe(200);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    const jobs = (await client.get("/jobs")).body.data;
    expect(jobs.pagination.total).toBe(1);
    expect(jobs.jobs[0].uuid).toBe(retried.body.data.uuid);
    expect(retried.body.data.job_number).toBe("JOB-0001");
  });

  it("without a key, the same after-commit failure leads a retry to write twice", async () => {
    const client = await freshCompany();
    sandbox.setFaults({ error_rate: 1, after_commit_share: 1, count: 1 });
    const body = { first_name: "No", last_name: "Key" };
    expect((await client.post("/customers", body)).status).toBe(500);
    expect((await client.post("/customers", body)).status).toBe(200);
    expect(await customerCount(client)).toBe(2);
  });
});
