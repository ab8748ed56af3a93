import { newIdempotencyKey, sendWithRetries, upstreamCount } from "../support/dashboard-api";
import { expect, test } from "../support/fixtures";

/**
 * The dashboard's customer API against the sandbox, as the browser uses it:
 * validation before any CRM request, idempotent creates, no lost updates,
 * internal_flags merged, the shared cache, soft delete and restore.
 */
test.afterAll(async ({ sandbox }) => {
  await sandbox.clearFaults();
});

const unique = () =>
  `Zed${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, "")
    .slice(0, 8)}`;

/** Every customer here has one phone on purpose: they confirm the possible duplicate (ADR-021), which these tests are not about. */
function validCustomer(lastName: string) {
  return {
    first_name: "Marta",
    last_name: lastName,
    phone: "(206) 555-0142",
    email: `${lastName.toLowerCase()}@example.com`,
    customer_type: "Residential",
    confirm_duplicate: true,
  };
}

test("lists customers with the CRM's totals and filters, through the shared cache", async ({ staffApi, sandbox }) => {
  const vipTotal = await sandbox.total("customers", "filter=vip");
  const first = await staffApi.get("/api/customers?filter=vip&limit=25");
  expect(first.status()).toBe(200);
  const body = await first.json();
  expect(body.data.pagination).toMatchObject({ total: vipTotal, limit: 25, page: 1 });
  expect(body.data.customers.every((customer: { is_vip: boolean }) => customer.is_vip)).toBe(true);

  const before = await upstreamCount(staffApi);
  const again = await staffApi.get("/api/customers?filter=vip&limit=25");
  expect(again.headers()["server-timing"]).toContain('cache;desc="hit"');
  expect((await again.json()).meta).toMatchObject({ cache: "hit", stale: false });
  expect(await upstreamCount(staffApi)).toBe(before);
});

test("invalid list parameters are a 400 naming each, with zero CRM requests", async ({ staffApi }) => {
  const before = await upstreamCount(staffApi);
  const response = await staffApi.get("/api/customers?filter=gold&limit=7&page=0&color=red");
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(Object.keys(body.fields).sort()).toEqual(["color", "filter", "limit", "page"]);
  expect(await upstreamCount(staffApi)).toBe(before);
});

test("creates a customer: phone normalized, extras kept in internal_flags, audited", async ({ staffApi, sandbox }) => {
  const lastName = unique();
  const response = await staffApi.post("/api/customers", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { ...validCustomer(lastName), tags: ["warranty", "Warranty", "gate code"], lead_source: "Referral", marketing_sms_opt_in: true },
  });
  expect(response.status()).toBe(201);
  const created = (await response.json()).data;
  expect(created).toMatchObject({
    last_name: lastName,
    phone: "206-555-0142",
    extras: { tags: ["warranty", "gate code"], lead_source: "Referral", marketing_sms_opt_in: true },
  });

  const inCrm = await sandbox.get<{ internal_flags: Record<string, unknown> }>(`/customers/${created.uuid}`);
  expect(inCrm.internal_flags).toMatchObject({ tradesdesk: { tags: ["warranty", "gate code"], lead_source: "Referral" } });

  const history = await (await staffApi.get(`/api/audit?resource=customer&resource_id=${created.uuid}`)).json();
  expect(history.data.rows[0]).toMatchObject({ action: "create", outcome: "accepted", actorEmail: "staff@e2e.example" });
});

test("invalid customers get every failing field named, and never reach the CRM", async ({ staffApi }) => {
  const before = await upstreamCount(staffApi);
  const response = await staffApi.post("/api/customers", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { first_name: "J", last_name: "Sm1th", on_my_way_notify_via: "sms", marketing_email_opt_in: true, phone: "+44 20 7946 0958", shoe_size: 9 },
  });
  expect(response.status()).toBe(400);
  const { fields } = await response.json();
  expect(fields).toMatchObject({
    first_name: expect.stringMatching(/at least 2/),
    last_name: expect.stringMatching(/numbers/),
    phone: expect.stringMatching(/US/),
    shoe_size: "This field is not accepted.",
  });
  const missingBoth = await staffApi.post("/api/customers", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { first_name: "Jo", last_name: "Smith" },
  });
  expect((await missingBoth.json()).fields).toMatchObject({ email: expect.stringMatching(/email or a phone/) });
  expect(await upstreamCount(staffApi)).toBe(before);
});

test("a change without an Idempotency-Key is refused before reaching the CRM", async ({ staffApi }) => {
  const before = await upstreamCount(staffApi);
  const response = await staffApi.post("/api/customers", { data: validCustomer(unique()) });
  expect(response.status()).toBe(400);
  expect((await response.json()).fields).toHaveProperty("Idempotency-Key");
  expect(await upstreamCount(staffApi)).toBe(before);
});

test("the same Idempotency-Key twice (a double click, a lost answer) makes one customer", async ({ staffApi, sandbox }) => {
  const lastName = unique();
  const key = newIdempotencyKey();
  const first = await staffApi.post("/api/customers", { headers: { "Idempotency-Key": key }, data: validCustomer(lastName) });
  const second = await staffApi.post("/api/customers", { headers: { "Idempotency-Key": key }, data: validCustomer(lastName) });
  expect(first.status()).toBe(201);
  expect(second.status()).toBe(201);
  expect((await second.json()).data.uuid).toBe((await first.json()).data.uuid);
  expect(await sandbox.total("customers", `search=${lastName}`)).toBe(1);
});

test("with 20% of CRM writes failing, half after the commit, each create makes exactly one record", async ({ staffApi, sandbox }) => {
  test.setTimeout(120_000);
  const batch = unique();
  await sandbox.setFaults({ error_rate: 0.2, reset_rate: 0.05, after_commit_share: 0.5, methods: "POST", path: "/customers", seed: 5 });
  const creates = 25;
  for (let index = 0; index < creates; index += 1) {
    const { response } = await sendWithRetries(staffApi, "POST", "/api/customers", validCustomer(`${batch}${String.fromCharCode(97 + index)}`));
    expect(response.status()).toBe(201);
  }
  await sandbox.clearFaults();
  const list = await sandbox.get<{ customers: Array<{ last_name: string }>; pagination: { total: number } }>(`/customers?search=${batch}&limit=100`);
  expect(list.pagination.total).toBe(creates);
  expect(new Set(list.customers.map((customer) => customer.last_name)).size).toBe(creates);
});

test("an edit from a stale copy is a 409 with the current record; nothing is overwritten", async ({ staffApi, sandbox }) => {
  const created = (await (await staffApi.post("/api/customers", { headers: { "Idempotency-Key": newIdempotencyKey() }, data: validCustomer(unique()) })).json())
    .data;
  // Someone else edits first.
  const theirs = await staffApi.put(`/api/customers/${created.uuid}`, {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { notes: "Gate code 4412", expected_updated_at: created.updated_at },
  });
  expect(theirs.status()).toBe(200);
  // Our edit still carries the old updated_at.
  const mine = await staffApi.put(`/api/customers/${created.uuid}`, {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { notes: "Dog in yard", expected_updated_at: created.updated_at },
  });
  expect(mine.status()).toBe(409);
  const conflict = await mine.json();
  expect(conflict).toMatchObject({ code: "conflict", current: { uuid: created.uuid, notes: "Gate code 4412" } });
  expect((await sandbox.get<{ notes: string }>(`/customers/${created.uuid}`)).notes).toBe("Gate code 4412");

  // Re-applied on the current copy, it goes through.
  const retry = await staffApi.put(`/api/customers/${created.uuid}`, {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { notes: "Dog in yard", expected_updated_at: conflict.current.updated_at },
  });
  expect(retry.status()).toBe(200);
});

test("an edit keeps internal_flags keys written by other integrations", async ({ staffApi, sandbox }) => {
  const created = await sandbox.post<{ uuid: string; updated_at: string }>("/customers", {
    first_name: "Inga",
    last_name: unique(),
    phone: "206-555-0177",
    internal_flags: { legacy_id: "C-10293", quickbooks: { id: 991 }, tradesdesk: { tags: ["old"], written_by_newer_version: true } },
  });
  const response = await staffApi.put(`/api/customers/${created.uuid}`, {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { tags: ["warranty"], lead_source: "Yelp", expected_updated_at: created.updated_at },
  });
  expect(response.status()).toBe(200);
  const inCrm = await sandbox.get<{ internal_flags: Record<string, unknown> }>(`/customers/${created.uuid}`);
  expect(inCrm.internal_flags).toEqual({
    legacy_id: "C-10293",
    quickbooks: { id: 991 },
    tradesdesk: { tags: ["warranty"], lead_source: "Yelp", written_by_newer_version: true },
  });
});

test("an edit that breaks a rule of the whole record is refused on the right field", async ({ staffApi }) => {
  const created = (
    await (
      await staffApi.post("/api/customers", {
        headers: { "Idempotency-Key": newIdempotencyKey() },
        data: { first_name: "Pat", last_name: unique(), email: "pat@example.com" },
      })
    ).json()
  ).data;
  const before = await upstreamCount(staffApi);
  const response = await staffApi.put(`/api/customers/${created.uuid}`, {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { on_my_way_notify_via: "sms", expected_updated_at: created.updated_at },
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).fields).toMatchObject({ on_my_way_notify_via: expect.stringMatching(/phone/) });
  // One read of the current record to check the rule; no write.
  expect(await upstreamCount(staffApi)).toBe(before + 1);
});

test("delete hides a customer, include_deleted shows it, restore brings it back; each audited", async ({ staffApi }) => {
  const created = (await (await staffApi.post("/api/customers", { headers: { "Idempotency-Key": newIdempotencyKey() }, data: validCustomer(unique()) })).json())
    .data;
  expect((await staffApi.delete(`/api/customers/${created.uuid}`, { headers: { "Idempotency-Key": newIdempotencyKey() } })).status()).toBe(200);
  const gone = await staffApi.get(`/api/customers/${created.uuid}`);
  expect(gone.status()).toBe(404);
  expect(await gone.json()).toMatchObject({ code: "not_found", error: expect.not.stringContaining("Customer not found") });
  const shown = await staffApi.get(`/api/customers/${created.uuid}?include_deleted=true`);
  expect((await shown.json()).data.deleted_at).not.toBeNull();
  const restored = await staffApi.post(`/api/customers/${created.uuid}/restore`, { headers: { "Idempotency-Key": newIdempotencyKey() } });
  expect(restored.status()).toBe(200);
  expect((await restored.json()).data.deleted_at).toBeNull();
  const history = (await (await staffApi.get(`/api/audit?resource=customer&resource_id=${created.uuid}`)).json()).data.rows.map(
    (row: { action: string }) => row.action,
  );
  expect(history).toEqual(["restore", "delete", "create"]);
});

test("malformed ids are a 400 before any CRM request, so no path can reach another endpoint", async ({ staffApi }) => {
  const before = await upstreamCount(staffApi);
  for (const id of ["not-a-uuid", "..%2Fjobs", "123e4567-e89b-12d3-a456-42661417400Z", "%20"]) {
    const response = await staffApi.get(`/api/customers/${id}`);
    expect(response.status(), id).toBe(400);
  }
  // A dot-segment is resolved before routing (as in every browser): it never reaches this route's id.
  expect((await staffApi.get("/api/customers/%2e%2e/no-such-thing")).status()).toBe(404);
  expect(await upstreamCount(staffApi)).toBe(before);
});

test("a record of another company (a forged uuid) is a 404, never a 500", async ({ staffApi }) => {
  const response = await staffApi.get("/api/customers/3f1b5a0e-8a4e-4c7b-9a51-0d6f2b8e7c11");
  expect(response.status()).toBe(404);
});
