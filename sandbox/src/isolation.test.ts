import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, Json } from "./testing/api-client";
import { startTestSandbox, uniqueApiKey, type TestSandbox } from "./testing/test-sandbox";

// CRM-API decision 2: each key is one company; another company's record is a
// 404, never visible, and can never be referenced.
const keyA = uniqueApiKey("company_a");
const keyB = uniqueApiKey("company_b");
let sandbox: TestSandbox;
let a: ApiClient;
let b: ApiClient;
let customerA: Json;
let jobA: Json;

beforeAll(async () => {
  sandbox = await startTestSandbox({ apiKeys: [keyA, keyB] });
  a = sandbox.client(keyA);
  b = sandbox.client(keyB);
  customerA = (await a.post("/customers", { first_name: "Only", last_name: "InA", email: "only@a.test" })).body.data;
  jobA = (await a.post("/jobs", { customer_uuid: customerA.uuid, title: "A's job" })).body.data;
});
afterAll(() => sandbox?.close());

describe("two API keys, two companies", () => {
  it("gives each key its own company with its own set-up", async () => {
    const [first, second] = sandbox.companies;
    expect(first?.name).toBe("Demo Plumbing & HVAC");
    expect(second?.name).toBe("Sandbox Company 2");
    expect(first?.uuid).not.toBe(second?.uuid);
    const setUpA = await sandbox.setUp(keyA);
    const setUpB = await sandbox.setUp(keyB);
    expect(setUpA.locations.map((location) => location.uuid)).not.toEqual(setUpB.locations.map((location) => location.uuid));
    expect(setUpA.users.map((user) => user.id)).not.toEqual(setUpB.users.map((user) => user.id));
  });

  it("keeps lists and searches apart", async () => {
    const listB = (await b.get("/customers?include_deleted=true")).body.data;
    expect(listB.customers).toEqual([]);
    expect(listB.pagination.total).toBe(0);
    expect((await b.get(`/customers?search=${customerA.uuid}`)).body.data.customers).toEqual([]);
    expect((await b.get("/jobs?include_deleted=true")).body.data.jobs).toEqual([]);
    expect((await b.get(`/jobs?customer_uuid=${customerA.uuid}`)).body.data.jobs).toEqual([]);
    expect((await a.get("/customers")).body.data.customers.map((customer: Json) => customer.uuid)).toEqual([customerA.uuid]);
  });

  it("answers 404 to get, update and delete of the other company's records", async () => {
    for (const [path, error] of [
      [`/customers/${customerA.uuid}`, "Customer not found"],
      [`/jobs/${jobA.uuid}`, "Job not found"],
    ]) {
      expect((await b.get(path!)).body).toEqual({ success: false, error });
      expect((await b.get(`${path}?include_deleted=true`)).status).toBe(404);
      expect((await b.put(path!, { title: "hijacked", first_name: "hijacked" })).status).toBe(404);
      expect((await b.put(path!, { deleted_at: null })).status).toBe(404);
      expect((await b.delete(path!)).status).toBe(404);
    }
    const stillThere = (await a.get(`/customers/${customerA.uuid}`)).body.data;
    expect(stillThere).toEqual(customerA);
    expect((await a.get(`/jobs/${jobA.uuid}`)).body.data.title).toBe("A's job");
  });

  it("refuses references to the other company's customer, location and technician", async () => {
    const setUpA = await sandbox.setUp(keyA);
    const customerB = (await b.post("/customers", { first_name: "In", last_name: "B" })).body.data;
    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ customer_uuid: customerA.uuid }, "customer_uuid does not match a customer of this company"],
      [{ customer_uuid: customerB.uuid, location_uuid: setUpA.locations[0]!.uuid }, "location_uuid does not match a location of this company"],
      [{ customer_uuid: customerB.uuid, assigned_to_user_id: setUpA.users[0]!.id }, "assigned_to_user_id does not match a user of this company"],
    ];
    for (const [fields, error] of attempts) {
      const response = await b.post("/jobs", { title: "T", ...fields });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe(error);
    }
    const moved = await b.post("/customers", { first_name: "X", last_name: "Y", primary_service_location_uuid: setUpA.locations[0]!.uuid });
    expect(moved.body.error).toBe("primary_service_location_uuid does not match a location of this company");
    const jobB = (await b.post("/jobs", { title: "B's job", customer_uuid: customerB.uuid })).body.data;
    expect((await b.put(`/jobs/${jobB.uuid}`, { customer_uuid: customerA.uuid })).status).toBe(400);
  });

  it("hides the other company's locations", async () => {
    const setUpA = await sandbox.setUp(keyA);
    expect((await b.get(`/locations/${setUpA.locations[0]!.uuid}`)).status).toBe(404);
    const listB = (await b.get("/locations")).body.data.locations.map((location: Json) => location.uuid);
    expect(listB).not.toContain(setUpA.locations[0]!.uuid);
  });

  it("numbers jobs per company", async () => {
    const customerB = (await b.post("/customers", { first_name: "Num", last_name: "B" })).body.data;
    const first = (await b.post("/jobs", { title: "first", customer_uuid: customerB.uuid })).body.data;
    expect(first.job_number).toMatch(/^JOB-000\d$/);
    expect(jobA.job_number).toBe("JOB-0001");
  });
});
