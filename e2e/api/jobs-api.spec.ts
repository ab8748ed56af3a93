import { newIdempotencyKey, upstreamCount } from "../support/dashboard-api";
import { expect, test } from "../support/fixtures";

let customer: { uuid: string; physical_address1: string | null; physical_city: string | null };

test.beforeAll(async ({ staffApi }) => {
  const created = await staffApi.post("/api/customers", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: {
      first_name: "Oscar",
      last_name: "Jobsworth",
      phone: "425-555-0123",
      physical_address1: "12 Elm St",
      physical_city: "Bellevue",
      physical_state: "WA",
      physical_zip: "98004",
    },
  });
  customer = (await created.json()).data;
});

function job(extra: Record<string, unknown> = {}) {
  return {
    customer_uuid: customer.uuid,
    title: "Water heater replacement",
    priority: "High",
    estimated_amount: "1450.50",
    scheduled_date: "2026-12-01",
    scheduled_time_start: "09:00",
    scheduled_time_end: "11:30",
    ...extra,
  };
}

test("creates a job with the customer's address, amounts and times", async ({ staffApi }) => {
  const response = await staffApi.post("/api/jobs", { headers: { "Idempotency-Key": newIdempotencyKey() }, data: job({ use_customer_address: true }) });
  expect(response.status()).toBe(201);
  const created = (await response.json()).data;
  expect(created).toMatchObject({
    title: "Water heater replacement",
    status: "New",
    priority: "High",
    estimated_amount: 1450.5,
    service_address1: "12 Elm St",
    service_city: "Bellevue",
    scheduled_time_start: "09:00",
  });
  expect(created.job_number).toMatch(/^JOB-\d{4,}$/);
});

test("bad job input is refused on its fields with zero CRM requests", async ({ staffApi }) => {
  const before = await upstreamCount(staffApi);
  const response = await staffApi.post("/api/jobs", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: {
      customer_uuid: "",
      title: "",
      estimated_amount: "-5",
      actual_amount: "10.005",
      scheduled_date: "2026-02-30",
      scheduled_time_start: "11:00",
      scheduled_time_end: "10:00",
      status: "Teleported",
    },
  });
  expect(response.status()).toBe(400);
  const { fields } = await response.json();
  for (const field of ["customer_uuid", "title", "estimated_amount", "actual_amount", "scheduled_date", "status"]) expect(fields).toHaveProperty(field);
  expect(await upstreamCount(staffApi)).toBe(before);

  const timesOnly = await staffApi.post("/api/jobs", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: job({ scheduled_time_start: "14:00", scheduled_time_end: "13:00" }),
  });
  expect((await timesOnly.json()).fields).toMatchObject({ scheduled_time_end: "End time must be after the start time" });
  expect(await upstreamCount(staffApi)).toBe(before);
});

test("an unknown status in a hand-edited list URL is a 400 on the status filter", async ({ staffApi }) => {
  const response = await staffApi.get("/api/jobs?status=Scheduled,Teleported");
  expect(response.status()).toBe(400);
  expect((await response.json()).fields.status).toContain("Teleported");
});

test("lists jobs by several statuses with the CRM's totals", async ({ staffApi, sandbox }) => {
  const response = await staffApi.get("/api/jobs?status=Scheduled,In%20Progress&limit=25");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.data.pagination.total).toBe(await sandbox.total("jobs", "status=Scheduled,In%20Progress"));
  expect(body.data.jobs.every((item: { status: string }) => ["Scheduled", "In Progress"].includes(item.status))).toBe(true);
});

test("moving a job to In Progress sets started_at; a stale copy is a 409", async ({ staffApi }) => {
  const created = (await (await staffApi.post("/api/jobs", { headers: { "Idempotency-Key": newIdempotencyKey() }, data: job() })).json()).data;
  const moved = await staffApi.put(`/api/jobs/${created.uuid}`, {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { status: "In Progress", expected_updated_at: created.updated_at },
  });
  expect(moved.status()).toBe(200);
  expect((await moved.json()).data.started_at).not.toBeNull();
  const stale = await staffApi.put(`/api/jobs/${created.uuid}`, {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { status: "Complete", expected_updated_at: created.updated_at },
  });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).current.status).toBe("In Progress");
});

test("a retried move whose first answer was lost succeeds instead of conflicting", async ({ staffApi }) => {
  const created = (await (await staffApi.post("/api/jobs", { headers: { "Idempotency-Key": newIdempotencyKey() }, data: job() })).json()).data;
  const key = newIdempotencyKey();
  const change = { status: "Scheduled", expected_updated_at: created.updated_at };
  expect((await staffApi.put(`/api/jobs/${created.uuid}`, { headers: { "Idempotency-Key": key }, data: change })).status()).toBe(200);
  const retry = await staffApi.put(`/api/jobs/${created.uuid}`, { headers: { "Idempotency-Key": key }, data: change });
  expect(retry.status()).toBe(200);
  expect((await retry.json()).data.status).toBe("Scheduled");
});

test("delete and restore a job", async ({ staffApi, sandbox }) => {
  const created = (await (await staffApi.post("/api/jobs", { headers: { "Idempotency-Key": newIdempotencyKey() }, data: job() })).json()).data;
  expect((await staffApi.delete(`/api/jobs/${created.uuid}`, { headers: { "Idempotency-Key": newIdempotencyKey() } })).status()).toBe(200);
  expect((await staffApi.get(`/api/jobs/${created.uuid}`)).status()).toBe(404);
  const restored = await staffApi.post(`/api/jobs/${created.uuid}/restore`, { headers: { "Idempotency-Key": newIdempotencyKey() } });
  expect((await restored.json()).data.deleted_at).toBeNull();
  expect((await sandbox.get<{ deleted_at: string | null }>(`/jobs/${created.uuid}`)).deleted_at).toBeNull();
});

test("the caller lookup finds a customer by phone in any format, by email and by name, with open jobs", async ({ staffApi }) => {
  for (const typed of ["(425) 555-0123", "425.555.0123", "+1 425 555 0123"]) {
    const response = await staffApi.get(`/api/lookup?q=${encodeURIComponent(typed)}`);
    expect(response.status(), typed).toBe(200);
    const body = (await response.json()).data;
    expect(body.query.kind).toBe("phone");
    const match = body.matches.find((entry: { uuid: string }) => entry.uuid === customer.uuid);
    expect(match, typed).toBeTruthy();
    expect(match.open_jobs.total).toBeGreaterThan(0);
  }
  const byName = (await (await staffApi.get("/api/lookup?q=Jobsworth")).json()).data;
  expect(byName.query.kind).toBe("name");
  expect(byName.matches.map((entry: { uuid: string }) => entry.uuid)).toContain(customer.uuid);
});

test("locations and usage answer for any signed-in role", async ({ viewerApi }) => {
  const locations = await viewerApi.get("/api/locations");
  expect(locations.status()).toBe(200);
  expect((await locations.json()).data.locations.length).toBeGreaterThan(0);
  const usage = (await (await viewerApi.get("/api/usage")).json()).data;
  expect(usage).toMatchObject({ limit: 50_000, warning: false });
  expect(usage.used).toBeGreaterThan(0);
});
