import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompanyLocation, CompanyUser } from "../../companies";
import type { ApiClient, Json } from "../../testing/api-client";
import { createTestClock } from "../../testing/test-clock";
import { startTestSandbox, uniqueApiKey, type TestSandbox } from "../../testing/test-sandbox";

// CRM-API 002 (Jobs) and CRM-API decisions 4-7, 10 and 11, over real HTTP.
const JOB_FIELDS = [
  "uuid",
  "job_number",
  "customer_uuid",
  "location_uuid",
  "assigned_to_user_id",
  "title",
  "description",
  "status",
  "priority",
  "is_urgent",
  "is_emergency",
  "service_address1",
  "service_address2",
  "service_city",
  "service_state",
  "service_zip",
  "estimated_amount",
  "actual_amount",
  "scheduled_date",
  "scheduled_time_start",
  "scheduled_time_end",
  "started_at",
  "completed_at",
  "invoiced_at",
  "paid_at",
  "internal_notes",
  "customer_notes",
  "created_at",
  "updated_at",
  "deleted_at",
];
const STATUSES = [
  "New",
  "Contacted",
  "Scheduled",
  "In Progress",
  "Needs Approval",
  "Ready to Invoice",
  "Invoiced",
  "Complete",
  "Estimate Sent",
  "Estimate Approved",
];
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UNKNOWN_UUID = "123e4567-e89b-12d3-a456-426614174000";

const testClock = createTestClock();
let sandbox: TestSandbox;
let api: ApiClient;
let customer: Json;
let users: CompanyUser[];
let locations: CompanyLocation[];

beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: testClock.clock });
  api = sandbox.client();
  ({ users, locations } = await sandbox.setUp());
  customer = (await api.post("/customers", { first_name: "John", last_name: "Doe", phone: "206-555-1234" })).body.data;
});
afterAll(() => sandbox?.close());

async function createJob(client: ApiClient, fields: Record<string, unknown>): Promise<Json> {
  const response = await client.post("/jobs", { title: "Plumbing Repair", ...fields });
  expect(response.status, response.text).toBe(200);
  return response.body.data;
}

async function freshCompany(): Promise<{ client: ApiClient; customer: Json; key: string }> {
  const key = uniqueApiKey("jobs");
  await sandbox.addCompany(key);
  const client = sandbox.client(key);
  const owner = (await client.post("/customers", { first_name: "Ann", last_name: "Lee" })).body.data;
  return { client, customer: owner, key };
}

describe("the Job object", () => {
  it("has every documented field in order, plus customer, location and assigned_user", async () => {
    const job = await createJob(api, { customer_uuid: customer.uuid });
    expect(Object.keys(job)).toEqual([...JOB_FIELDS, "customer", "location", "assigned_user"]);
    expect(job).not.toHaveProperty("company_uuid");
    expect(job).not.toHaveProperty("search_text");
  });

  it("applies the documented defaults", async () => {
    const job = await createJob(api, { customer_uuid: customer.uuid });
    expect(job).toMatchObject({
      customer_uuid: customer.uuid,
      location_uuid: null,
      assigned_to_user_id: null,
      title: "Plumbing Repair",
      description: null,
      status: "New",
      priority: "Normal",
      is_urgent: false,
      is_emergency: false,
      estimated_amount: null,
      actual_amount: null,
      scheduled_date: null,
      started_at: null,
      completed_at: null,
      invoiced_at: null,
      paid_at: null,
      deleted_at: null,
      location: null,
      assigned_user: null,
    });
    expect(job.job_number).toMatch(/^JOB-\d{4,}$/);
    expect(job.created_at).toMatch(ISO_MS);
  });

  it("stores every writable field and returns amounts as numbers, dates as ISO with ms", async () => {
    const user = users[0]!;
    const location = locations[1]!;
    const job = await createJob(api, {
      customer_uuid: customer.uuid,
      location_uuid: location.uuid,
      assigned_to_user_id: user.id,
      title: "Water heater install",
      description: "50 gal, gas",
      status: "Scheduled",
      priority: "High",
      is_urgent: true,
      is_emergency: "true",
      service_address1: "1 Pine St",
      service_address2: "Unit 2",
      service_city: "Seattle",
      service_state: "WA",
      service_zip: "98101",
      estimated_amount: "1250.5",
      actual_amount: 99.999,
      scheduled_date: "2025-01-20T10:00:00Z",
      scheduled_time_start: "09:00",
      scheduled_time_end: "11:00",
      paid_at: "2025-01-21T08:15:00+02:00",
      internal_notes: "bring the big wrench",
      customer_notes: "dog in yard",
    });
    expect(job).toMatchObject({
      location_uuid: location.uuid,
      assigned_to_user_id: user.id,
      title: "Water heater install",
      description: "50 gal, gas",
      status: "Scheduled",
      priority: "High",
      is_urgent: true,
      is_emergency: true,
      service_address1: "1 Pine St",
      service_address2: "Unit 2",
      service_city: "Seattle",
      service_state: "WA",
      service_zip: "98101",
      estimated_amount: 1250.5,
      actual_amount: 100,
      scheduled_date: "2025-01-20T10:00:00.000Z",
      scheduled_time_start: "09:00",
      scheduled_time_end: "11:00",
      paid_at: "2025-01-21T06:15:00.000Z",
      internal_notes: "bring the big wrench",
      customer_notes: "dog in yard",
    });
    expect(job.assigned_user).toEqual({ id: user.id, first_name: user.first_name, last_name: user.last_name });
    expect(job.location).toEqual({ ...location, created_at: expect.stringMatching(ISO_MS), updated_at: expect.stringMatching(ISO_MS), deleted_at: null });
    expect(job.customer).toEqual(customer);
    expect((await api.get(`/jobs/${job.uuid}`)).body).toEqual({ success: true, data: job });
  });

  it("reads a date-only scheduled_date as midnight UTC", async () => {
    const job = await createJob(api, { customer_uuid: customer.uuid, scheduled_date: "2025-03-04" });
    expect(job.scheduled_date).toBe("2025-03-04T00:00:00.000Z");
  });

  it("accepts every documented status and priority exactly", async () => {
    for (const status of STATUSES) expect((await createJob(api, { customer_uuid: customer.uuid, status })).status).toBe(status);
    for (const priority of ["Low", "Normal", "High", "Emergency"])
      expect((await createJob(api, { customer_uuid: customer.uuid, priority })).priority).toBe(priority);
  });

  it("has no end-after-start rule (CRM-API decision 10)", async () => {
    const job = await createJob(api, { customer_uuid: customer.uuid, scheduled_time_start: "23:59", scheduled_time_end: "00:00" });
    expect(job).toMatchObject({ scheduled_time_start: "23:59", scheduled_time_end: "00:00" });
  });

  it("keeps negative amounts: the docs do not forbid them", async () => {
    expect((await createJob(api, { customer_uuid: customer.uuid, actual_amount: -20 })).actual_amount).toBe(-20);
  });
});

describe("create validation", () => {
  it.each([
    [{ customer_uuid: undefined }, "customer_uuid is required"],
    [{ customer_uuid: "abc" }, "customer_uuid must be a UUID"],
    [{ customer_uuid: UNKNOWN_UUID }, "customer_uuid does not match a customer of this company"],
    [{ title: undefined }, "title is required"],
    [{ title: "" }, "title must be a non-empty string"],
    [{ title: 7 }, "title must be a non-empty string"],
    [{ status: "new" }, `status must be one of ${STATUSES.map((status) => `'${status}'`).join(", ")}`],
    [{ priority: "Urgent" }, "priority must be one of 'Low', 'Normal', 'High', 'Emergency'"],
    [{ is_urgent: "maybe" }, "is_urgent must be a boolean"],
    [{ is_emergency: null }, "is_emergency must be a boolean"],
    [{ estimated_amount: "abc" }, "estimated_amount must be a number or null"],
    [{ estimated_amount: "1e3" }, "estimated_amount must be a number or null"],
    [{ actual_amount: 1e10 }, "actual_amount must be less than 10000000000 in absolute value"],
    [{ actual_amount: true }, "actual_amount must be a number or null"],
    [{ scheduled_time_start: "9:00" }, "scheduled_time_start must be a time in HH:MM format (00:00 to 23:59)"],
    [{ scheduled_time_end: "24:00" }, "scheduled_time_end must be a time in HH:MM format (00:00 to 23:59)"],
    [{ scheduled_time_end: "10:00:00" }, "scheduled_time_end must be a time in HH:MM format (00:00 to 23:59)"],
    [{ scheduled_date: "2025-02-30" }, expect.stringContaining("scheduled_date must be an ISO 8601 date")],
    [{ scheduled_date: "tomorrow" }, expect.stringContaining("scheduled_date must be an ISO 8601 date")],
    [{ scheduled_date: "0000-01-01" }, expect.stringContaining("scheduled_date must be an ISO 8601 date")],
    [{ started_at: "2025-01-01" }, expect.stringContaining("started_at must be an ISO 8601 timestamp")],
    [{ paid_at: 1700000000 }, "paid_at must be an ISO 8601 timestamp string or null"],
    [{ location_uuid: UNKNOWN_UUID }, "location_uuid does not match a location of this company"],
    [{ assigned_to_user_id: UNKNOWN_UUID }, "assigned_to_user_id does not match a user of this company"],
    [{ assigned_to_user_id: "tech-1" }, "assigned_to_user_id must be a UUID"],
    [{ job_number: "" }, "job_number must be a non-empty string or null"],
  ])("%j → %s", async (fields, error) => {
    const response = await api.post("/jobs", { customer_uuid: customer.uuid, title: "T", ...fields });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ success: false, error });
  });

  it("refuses a deleted customer", async () => {
    const gone = (await api.post("/customers", { first_name: "Gone", last_name: "Soon" })).body.data;
    await api.delete(`/customers/${gone.uuid}`);
    const response = await api.post("/jobs", { customer_uuid: gone.uuid, title: "T" });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("customer_uuid does not match a customer of this company");
  });
});

describe("job numbers (CRM-API decision 11)", () => {
  it("assigns JOB-0001, JOB-0002, … per company, and keeps a given job_number", async () => {
    const { client, customer: owner } = await freshCompany();
    expect((await createJob(client, { customer_uuid: owner.uuid })).job_number).toBe("JOB-0001");
    expect((await createJob(client, { customer_uuid: owner.uuid, job_number: "CUSTOM-7" })).job_number).toBe("CUSTOM-7");
    expect((await createJob(client, { customer_uuid: owner.uuid, job_number: null })).job_number).toBe("JOB-0002");
    const other = await freshCompany();
    expect((await createJob(other.client, { customer_uuid: other.customer.uuid })).job_number).toBe("JOB-0001");
  });

  it("never repeats a number under concurrent creates", async () => {
    const { client, customer: owner } = await freshCompany();
    const jobs = await Promise.all(Array.from({ length: 25 }, () => createJob(client, { customer_uuid: owner.uuid })));
    const numbers = jobs.map((job) => job.job_number).sort();
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, index) => `JOB-${String(index + 1).padStart(4, "0")}`));
  });

  it("does not use up a number on a failed create", async () => {
    const { client, customer: owner } = await freshCompany();
    await createJob(client, { customer_uuid: owner.uuid });
    expect((await client.post("/jobs", { customer_uuid: owner.uuid, title: "T", location_uuid: UNKNOWN_UUID })).status).toBe(400);
    expect((await createJob(client, { customer_uuid: owner.uuid })).job_number).toBe("JOB-0002");
  });
});

describe("status timestamps (CRM-API decision 11)", () => {
  it("stamps started_at, completed_at and invoiced_at when the status moves there", async () => {
    const job = await createJob(api, { customer_uuid: customer.uuid, status: "Scheduled" });
    expect(job.started_at).toBeNull();
    testClock.advance(1000);
    const started = (await api.put(`/jobs/${job.uuid}`, { status: "In Progress" })).body.data;
    expect(started.started_at).toMatch(ISO_MS);
    expect(started.started_at).toBe(started.updated_at);
    testClock.advance(1000);
    const completed = (await api.put(`/jobs/${job.uuid}`, { status: "Complete", actual_amount: 150 })).body.data;
    expect(completed).toMatchObject({ started_at: started.started_at, actual_amount: 150, invoiced_at: null });
    expect(Date.parse(completed.completed_at)).toBeGreaterThan(Date.parse(started.started_at));
    testClock.advance(1000);
    const invoiced = (await api.put(`/jobs/${job.uuid}`, { status: "Invoiced" })).body.data;
    expect(Date.parse(invoiced.invoiced_at)).toBeGreaterThan(Date.parse(completed.completed_at));
    expect(invoiced.completed_at).toBe(completed.completed_at);
  });

  it("stamps on create and never overwrites a stamp already there", async () => {
    const job = await createJob(api, { customer_uuid: customer.uuid, status: "In Progress" });
    expect(job.started_at).toBe(job.created_at);
    await api.put(`/jobs/${job.uuid}`, { status: "Needs Approval" });
    testClock.advance(1000);
    const again = (await api.put(`/jobs/${job.uuid}`, { status: "In Progress" })).body.data;
    expect(again.started_at).toBe(job.started_at);
  });

  it("lets an explicit value in the same request win, null included", async () => {
    const explicit = await createJob(api, { customer_uuid: customer.uuid, status: "Complete", completed_at: "2025-01-01T12:00:00Z" });
    expect(explicit.completed_at).toBe("2025-01-01T12:00:00.000Z");
    const cleared = await createJob(api, { customer_uuid: customer.uuid, status: "Invoiced", invoiced_at: null });
    expect(cleared.invoiced_at).toBeNull();
  });

  it("sets and clears paid_at and the other timestamps explicitly", async () => {
    const job = await createJob(api, { customer_uuid: customer.uuid });
    const paid = (await api.put(`/jobs/${job.uuid}`, { paid_at: "2025-02-18T14:30:00Z", started_at: "2025-02-18T09:00:00.5Z" })).body.data;
    expect(paid).toMatchObject({ paid_at: "2025-02-18T14:30:00.000Z", started_at: "2025-02-18T09:00:00.500Z", status: "New" });
    const unpaid = (await api.put(`/jobs/${job.uuid}`, { paid_at: null })).body.data;
    expect(unpaid.paid_at).toBeNull();
  });

  it("does not stamp when a status is set to the one it already has", async () => {
    const job = await createJob(api, { customer_uuid: customer.uuid, status: "In Progress", started_at: null });
    const same = (await api.put(`/jobs/${job.uuid}`, { status: "In Progress" })).body.data;
    expect(same.started_at).toBeNull();
  });
});

describe("update, delete and restore", () => {
  it("updates partially, moves updated_at and can move the job to another customer", async () => {
    const job = await createJob(api, { customer_uuid: customer.uuid, description: "keep me" });
    const other = (await api.post("/customers", { first_name: "Other", last_name: "Person" })).body.data;
    testClock.advance(1000);
    const updated = (await api.put(`/jobs/${job.uuid}`, { customer_uuid: other.uuid, priority: "Emergency", assigned_to_user_id: users[2]!.id })).body.data;
    expect(updated).toMatchObject({
      customer_uuid: other.uuid,
      priority: "Emergency",
      description: "keep me",
      created_at: job.created_at,
      job_number: job.job_number,
    });
    expect(updated.customer).toEqual(other);
    expect(updated.assigned_user.id).toBe(users[2]!.id);
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(job.updated_at));
    const unassigned = (await api.put(`/jobs/${job.uuid}`, { assigned_to_user_id: null, location_uuid: null })).body.data;
    expect(unassigned).toMatchObject({ assigned_to_user_id: null, assigned_user: null, location: null });
  });

  it("validates updated fields like create does", async () => {
    const job = await createJob(api, { customer_uuid: customer.uuid });
    for (const [fields, error] of [
      [{ title: null }, "title must be a non-empty string"],
      [{ customer_uuid: null }, "customer_uuid must be a UUID string"],
      [{ status: "Done" }, expect.stringContaining("status must be one of")],
      [{ scheduled_time_start: "7pm" }, expect.stringContaining("scheduled_time_start must be a time in HH:MM")],
      [{ customer_uuid: UNKNOWN_UUID }, "customer_uuid does not match a customer of this company"],
    ] as const) {
      const response = await api.put(`/jobs/${job.uuid}`, fields);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ success: false, error });
    }
  });

  it("answers 400 for malformed UUIDs and 404 for unknown ones", async () => {
    for (const [method, path] of [
      ["GET", "/jobs/x"],
      ["PUT", "/jobs/x"],
      ["DELETE", "/jobs/x"],
    ] as const) {
      const response = await api.request(method, path, method === "GET" ? {} : { body: {} });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ success: false, error: "Invalid job UUID" });
    }
    for (const method of ["GET", "PUT", "DELETE"]) {
      const response = await api.request(method, `/jobs/${UNKNOWN_UUID}`, method === "GET" ? {} : { body: { title: "x" } });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ success: false, error: "Job not found" });
    }
  });

  it("soft deletes, hides, 404s writes, and restores", async () => {
    const job = await createJob(api, { customer_uuid: customer.uuid });
    expect((await api.delete(`/jobs/${job.uuid}`)).body).toEqual({ success: true, data: { message: "Job deleted successfully" } });
    expect((await api.get(`/jobs/${job.uuid}`)).status).toBe(404);
    const withDeleted = (await api.get(`/jobs/${job.uuid}?include_deleted=true`)).body.data;
    expect(withDeleted.deleted_at).toMatch(ISO_MS);
    expect((await api.put(`/jobs/${job.uuid}`, { title: "x" })).status).toBe(404);
    expect((await api.delete(`/jobs/${job.uuid}`)).status).toBe(404);
    expect((await api.put(`/jobs/${job.uuid}`, { deleted_at: "2025-01-01T00:00:00Z" })).status).toBe(400);
    const restored = await api.put(`/jobs/${job.uuid}`, { deleted_at: null });
    expect(restored.status).toBe(200);
    expect(restored.body.data).toMatchObject({ uuid: job.uuid, deleted_at: null, job_number: job.job_number });
    expect((await api.get(`/jobs/${job.uuid}`)).status).toBe(200);
  });

  it("still shows a job whose customer was deleted, with that customer embedded", async () => {
    const owner = (await api.post("/customers", { first_name: "Temp", last_name: "Owner" })).body.data;
    const job = await createJob(api, { customer_uuid: owner.uuid });
    await api.delete(`/customers/${owner.uuid}`);
    const fetched = (await api.get(`/jobs/${job.uuid}`)).body.data;
    expect(fetched.customer.uuid).toBe(owner.uuid);
    expect(fetched.customer.deleted_at).toMatch(ISO_MS);
    // The reference it already has is not re-checked: the whole job can be sent back.
    const resent = await api.put(`/jobs/${job.uuid}`, { ...fetched, title: "Still editable" });
    expect(resent.status, resent.text).toBe(200);
    expect(resent.body.data.title).toBe("Still editable");
  });

  it("accepts the whole job as GET returned it, embedded objects and read-only fields included", async () => {
    const job = await createJob(api, {
      customer_uuid: customer.uuid,
      location_uuid: locations[0]!.uuid,
      assigned_to_user_id: users[0]!.id,
      estimated_amount: 12.5,
      scheduled_date: "2025-05-01",
    });
    testClock.advance(1000);
    const response = await api.put(`/jobs/${job.uuid}`, job);
    expect(response.status, response.text).toBe(200);
    expect(response.body.data).toEqual({ ...job, updated_at: response.body.data.updated_at });
    expect(response.body.data.updated_at).not.toBe(job.updated_at);
  });
});

describe("list", () => {
  let client: ApiClient;
  let owner: Json;
  let second: Json;
  const jobs: Record<string, Json> = {};

  beforeAll(async () => {
    const company = await freshCompany();
    ({ client, customer: owner } = company);
    second = (await client.post("/customers", { first_name: "Bo", last_name: "Diddley" })).body.data;
    const setUp = await sandbox.setUp(company.key);
    const tech = setUp.users[0]!.id;
    const place = setUp.locations[0]!.uuid;
    const specs: Array<[string, Record<string, unknown>]> = [
      ["leak", { title: "Fix leaky faucet", status: "New", priority: "Low", customer_uuid: owner.uuid }],
      [
        "heater",
        {
          title: "Water heater",
          description: "Replace 40 gallon TANK",
          status: "Scheduled",
          priority: "High",
          customer_uuid: owner.uuid,
          assigned_to_user_id: tech,
        },
      ],
      ["panel", { title: "Panel upgrade", status: "In Progress", priority: "Emergency", customer_uuid: second.uuid, location_uuid: place }],
      ["ac", { title: "AC tune-up", status: "Complete", priority: "Normal", customer_uuid: second.uuid, assigned_to_user_id: tech, location_uuid: place }],
      ["drain", { title: "Drain 100%_clear", status: "Scheduled", priority: "Normal", customer_uuid: owner.uuid, job_number: "SPECIAL-42" }],
    ];
    for (const [name, fields] of specs) {
      testClock.advance(1000);
      jobs[name] = await createJob(client, fields);
    }
  });

  const titles = async (query: string): Promise<string[]> => {
    const response = await client.get(`/jobs?${query}`);
    expect(response.status, response.text).toBe(200);
    return response.body.data.jobs.map((job: Json) => job.title);
  };

  it("lists newest first with pagination, embedding a short customer and the assignee", async () => {
    const data = (await client.get("/jobs")).body.data;
    expect(Object.keys(data)).toEqual(["jobs", "pagination"]);
    expect(data.pagination).toEqual({ page: 1, limit: 50, total: 5, total_pages: 1 });
    expect(data.jobs.map((job: Json) => job.title)).toEqual(["Drain 100%_clear", "AC tune-up", "Panel upgrade", "Water heater", "Fix leaky faucet"]);
    const ac = data.jobs[1];
    expect(Object.keys(ac)).toEqual([...JOB_FIELDS, "customer", "assigned_user"]);
    expect(ac.customer).toEqual({ uuid: second.uuid, first_name: "Bo", last_name: "Diddley" });
    expect(ac.assigned_user).toEqual({
      id: jobs.ac.assigned_user.id,
      first_name: jobs.ac.assigned_user.first_name,
      last_name: jobs.ac.assigned_user.last_name,
    });
    expect(data.jobs[0].assigned_user).toBeNull();
    const { customer: _customer, location: _location, ...rest } = jobs.ac;
    expect(ac).toEqual({ ...rest, customer: ac.customer });
  });

  it("pages with limit and answers a page past the end with totals", async () => {
    expect(await titles("limit=2&page=2")).toEqual(["Panel upgrade", "Water heater"]);
    const past = (await client.get("/jobs?limit=2&page=4")).body.data;
    expect(past).toEqual({ jobs: [], pagination: { page: 4, limit: 2, total: 5, total_pages: 3 } });
    expect((await client.get("/jobs?limit=101")).status).toBe(400);
    expect((await client.get("/jobs?page=0")).status).toBe(400);
  });

  it("filters by one status, several, and names a bad one", async () => {
    expect(await titles("status=Scheduled")).toEqual(["Drain 100%_clear", "Water heater"]);
    expect(await titles("status=Scheduled,In%20Progress")).toEqual(["Drain 100%_clear", "Panel upgrade", "Water heater"]);
    expect(await titles("status=New,%20Complete")).toEqual(["AC tune-up", "Fix leaky faucet"]);
    const bad = await client.get("/jobs?status=Scheduled,done");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain("'done'");
    expect((await client.get("/jobs?status=scheduled")).status).toBe(400);
    expect((await client.get("/jobs?status=")).status).toBe(400);
  });

  it("filters by priority, customer, location and assignee", async () => {
    expect(await titles("priority=Emergency")).toEqual(["Panel upgrade"]);
    expect((await client.get("/jobs?priority=emergency")).status).toBe(400);
    expect(await titles(`customer_uuid=${second.uuid}`)).toEqual(["AC tune-up", "Panel upgrade"]);
    expect(await titles(`location_uuid=${jobs.panel.location_uuid}`)).toEqual(["AC tune-up", "Panel upgrade"]);
    expect(await titles(`assigned_to_user_id=${jobs.heater.assigned_to_user_id}`)).toEqual(["AC tune-up", "Water heater"]);
    expect(await titles(`assigned_to_user_id=${jobs.heater.assigned_to_user_id}&status=Complete`)).toEqual(["AC tune-up"]);
  });

  it("answers 400 for malformed UUID filters and an empty list for unknown ones", async () => {
    for (const name of ["customer_uuid", "location_uuid", "assigned_to_user_id"]) {
      const response = await client.get(`/jobs?${name}=nope`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ success: false, error: `${name} must be a UUID` });
      const unknown = (await client.get(`/jobs?${name}=${UNKNOWN_UUID}`)).body.data;
      expect(unknown).toEqual({ jobs: [], pagination: { page: 1, limit: 50, total: 0, total_pages: 0 } });
    }
  });

  it("searches title, description and job number, case-insensitively and literally", async () => {
    expect(await titles("search=HEATER")).toEqual(["Water heater"]);
    expect(await titles("search=gallon%20tank")).toEqual(["Water heater"]);
    expect(await titles(`search=${jobs.leak.job_number.toLowerCase()}`)).toEqual(["Fix leaky faucet"]);
    expect(await titles("search=special-42")).toEqual(["Drain 100%_clear"]);
    expect(await titles("search=100%25_")).toEqual(["Drain 100%_clear"]);
    expect(await titles("search=_")).toEqual(["Drain 100%_clear"]);
    expect(await titles("search=zzz")).toEqual([]);
  });

  it("hides deleted jobs unless include_deleted=true", async () => {
    await client.delete(`/jobs/${jobs.leak.uuid}`);
    expect(await titles("priority=Low")).toEqual([]);
    expect(await titles("priority=Low&include_deleted=true")).toEqual(["Fix leaky faucet"]);
    expect((await client.get("/jobs")).body.data.pagination.total).toBe(4);
    expect((await client.get("/jobs?include_deleted=true")).body.data.pagination.total).toBe(5);
    expect((await client.get("/jobs?include_deleted=maybe")).status).toBe(400);
    await client.put(`/jobs/${jobs.leak.uuid}`, { deleted_at: null });
  });
});
