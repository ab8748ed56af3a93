import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, Json } from "../../testing/api-client";
import { createTestClock } from "../../testing/test-clock";
import { startTestSandbox, uniqueApiKey, type TestSandbox } from "../../testing/test-sandbox";

// CRM-API 000 (Customers) and CRM-API decisions 4-7 and 10, over real HTTP.
const CUSTOMER_FIELDS = [
  "uuid",
  "first_name",
  "last_name",
  "company_name",
  "email",
  "phone",
  "customer_type",
  "is_vip",
  "physical_address1",
  "physical_address2",
  "physical_city",
  "physical_state",
  "physical_zip",
  "billing_address1",
  "billing_address2",
  "billing_city",
  "billing_state",
  "billing_zip",
  "primary_service_location_uuid",
  "notes",
  "internal_flags",
  "on_my_way_notify_via",
  "created_at",
  "updated_at",
  "deleted_at",
];
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UNKNOWN_UUID = "123e4567-e89b-12d3-a456-426614174000";

const testClock = createTestClock();
let sandbox: TestSandbox;
let api: ApiClient;

beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: testClock.clock });
  api = sandbox.client();
});
afterAll(() => sandbox?.close());

async function create(client: ApiClient, fields: Record<string, unknown> = {}): Promise<Json> {
  const response = await client.post("/customers", { first_name: "John", last_name: "Doe", ...fields });
  expect(response.status, response.text).toBe(200);
  return response.body.data;
}

/** A company of its own, so list assertions see only what the test made. */
async function freshCompany(): Promise<ApiClient> {
  const key = uniqueApiKey("customers");
  await sandbox.addCompany(key);
  return sandbox.client(key);
}

describe("the Customer object", () => {
  it("has every documented field, in documented order, and nothing internal", async () => {
    const customer = await create(api);
    expect(Object.keys(customer)).toEqual(CUSTOMER_FIELDS);
    expect(customer).not.toHaveProperty("company_uuid");
    expect(customer).not.toHaveProperty("search_text");
    expect(customer).not.toHaveProperty("phone_digits");
  });

  it("applies the documented defaults on create", async () => {
    const customer = await create(api);
    expect(customer).toMatchObject({
      first_name: "John",
      last_name: "Doe",
      company_name: null,
      email: null,
      phone: null,
      customer_type: "Residential",
      is_vip: false,
      primary_service_location_uuid: null,
      notes: null,
      internal_flags: null,
      on_my_way_notify_via: null,
      deleted_at: null,
    });
    expect(customer.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(customer.created_at).toMatch(ISO_MS);
    expect(customer.updated_at).toBe(customer.created_at);
  });

  it("stores and returns every writable field", async () => {
    const { locations } = await sandbox.setUp();
    const fields = {
      first_name: "Jane",
      last_name: "Roe",
      company_name: "Roe Holdings",
      email: "jane@example.com",
      phone: "206-555-1234",
      customer_type: "Commercial",
      is_vip: true,
      physical_address1: "123 Main St",
      physical_address2: "Apt 4",
      physical_city: "Seattle",
      physical_state: "WA",
      physical_zip: "98101",
      billing_address1: "PO Box 9",
      billing_address2: "Attn: AP",
      billing_city: "Tacoma",
      billing_state: "WA",
      billing_zip: "98402",
      primary_service_location_uuid: locations[0]?.uuid,
      notes: "Gate code 1234",
      internal_flags: { source: "referral", tags: ["a", "b"], nested: { n: 1 } },
      on_my_way_notify_via: "both",
    };
    const customer = await create(api, fields);
    expect(customer).toMatchObject(fields);
    const fetched = await api.get(`/customers/${customer.uuid}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({ success: true, data: customer });
  });

  it("accepts is_vip and internal_flags in the string forms the docs type them as", async () => {
    const customer = await create(api, { is_vip: "true", internal_flags: '{"priority":"gold"}' });
    expect(customer.is_vip).toBe(true);
    expect(customer.internal_flags).toEqual({ priority: "gold" });
    expect((await create(api, { is_vip: "false" })).is_vip).toBe(false);
  });

  it("accepts each notification channel and null", async () => {
    for (const channel of ["email", "sms", "both", null]) {
      expect((await create(api, { on_my_way_notify_via: channel })).on_my_way_notify_via).toBe(channel);
    }
  });

  it("does not apply the dashboard's stricter rules (CRM-API decision 10)", async () => {
    // Digits in names, a free-form email, and neither email nor phone are all fine for the CRM.
    const customer = await create(api, { first_name: "R2D2", last_name: "X", email: "not an email" });
    expect(customer).toMatchObject({ first_name: "R2D2", last_name: "X", email: "not an email", phone: null });
  });

  it("ignores unknown and read-only fields instead of writing them", async () => {
    const customer = await create(api, {
      uuid: UNKNOWN_UUID,
      created_at: "2001-01-01T00:00:00.000Z",
      updated_at: "2001-01-01T00:00:00.000Z",
      company_uuid: UNKNOWN_UUID,
      favourite_colour: "green",
    });
    expect(customer.uuid).not.toBe(UNKNOWN_UUID);
    expect(customer.created_at.startsWith("2001")).toBe(false);
    expect(customer).not.toHaveProperty("favourite_colour");
    expect(Object.keys(customer)).toEqual(CUSTOMER_FIELDS);
  });
});

describe("create validation (400 naming the field)", () => {
  it.each([
    [{ first_name: undefined }, "first_name is required"],
    [{ last_name: undefined }, "last_name is required"],
    [{ first_name: "" }, "first_name must be a non-empty string"],
    [{ first_name: "   " }, "first_name must be a non-empty string"],
    [{ last_name: 42 }, "last_name must be a non-empty string"],
    [{ first_name: null }, "first_name must be a non-empty string"],
    [{ customer_type: "residential" }, "customer_type must be one of 'Residential', 'Commercial'"],
    [{ customer_type: null }, "customer_type must be one of 'Residential', 'Commercial'"],
    [{ phone: "2065551234" }, "phone must be in xxx-xxx-xxxx format"],
    [{ phone: "(206) 555-1234" }, "phone must be in xxx-xxx-xxxx format"],
    [{ phone: 2065551234 }, "phone must be a string or null"],
    [{ is_vip: "yes" }, "is_vip must be a boolean"],
    [{ is_vip: 1 }, "is_vip must be a boolean"],
    [{ email: 5 }, "email must be a string or null"],
    [{ internal_flags: [1, 2] }, "internal_flags must be a JSON object or null"],
    [{ internal_flags: "not json" }, "internal_flags must be a JSON object or null"],
    [{ internal_flags: 3 }, "internal_flags must be a JSON object or null"],
    [{ on_my_way_notify_via: "fax" }, "on_my_way_notify_via must be one of 'email', 'sms', 'both' or null"],
    [{ primary_service_location_uuid: "nope" }, "primary_service_location_uuid must be a UUID"],
    [{ primary_service_location_uuid: UNKNOWN_UUID }, "primary_service_location_uuid does not match a location of this company"],
    [{ notes: "a\u0000b" }, "notes contains characters that cannot be stored (NUL or an unpaired surrogate)"],
    [{ internal_flags: { key: "\ud800" } }, expect.stringContaining("internal_flags must be a JSON object without NUL")],
  ])("%j → %s", async (fields, error) => {
    const response = await api.post("/customers", { first_name: "John", last_name: "Doe", ...fields });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ success: false, error });
  });

  it("reports every problem at once", async () => {
    const response = await api.post("/customers", { phone: "x" });
    expect(response.status).toBe(400);
    expect(response.body.error).toContain("first_name is required");
    expect(response.body.error).toContain("last_name is required");
    expect(response.body.error).toContain("phone must be in xxx-xxx-xxxx format");
  });
});

describe("update (partial)", () => {
  it("changes only the fields given, keeps created_at and moves updated_at", async () => {
    const customer = await create(api, { email: "old@example.com", phone: "206-555-0000", notes: "keep" });
    testClock.advance(1000);
    const response = await api.put(`/customers/${customer.uuid}`, { email: "newemail@example.com", is_vip: true });
    expect(response.status).toBe(200);
    const updated = response.body.data;
    expect(updated).toEqual({ ...customer, email: "newemail@example.com", is_vip: true, updated_at: updated.updated_at });
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(customer.updated_at));
    expect(updated.updated_at).toMatch(ISO_MS);
    expect((await api.get(`/customers/${customer.uuid}`)).body.data).toEqual(updated);
  });

  it("accepts the whole customer as GET returned it", async () => {
    const { locations } = await sandbox.setUp();
    const customer = await create(api, { phone: "206-555-0101", internal_flags: { a: 1 }, primary_service_location_uuid: locations[0]!.uuid });
    testClock.advance(1000);
    const response = await api.put(`/customers/${customer.uuid}`, customer);
    expect(response.status, response.text).toBe(200);
    expect(response.body.data).toEqual({ ...customer, updated_at: response.body.data.updated_at });
    expect(response.body.data.updated_at).not.toBe(customer.updated_at);
  });

  it("clears nullable fields with null", async () => {
    const customer = await create(api, { phone: "206-555-0000", internal_flags: { a: 1 }, on_my_way_notify_via: "sms" });
    const updated = (await api.put(`/customers/${customer.uuid}`, { phone: null, internal_flags: null, on_my_way_notify_via: null })).body.data;
    expect(updated).toMatchObject({ phone: null, internal_flags: null, on_my_way_notify_via: null });
  });

  it("applies the create rules to the fields given", async () => {
    const customer = await create(api);
    for (const [fields, error] of [
      [{ first_name: null }, "first_name must be a non-empty string"],
      [{ phone: "555-1234" }, "phone must be in xxx-xxx-xxxx format"],
      [{ customer_type: "Industrial" }, "customer_type must be one of 'Residential', 'Commercial'"],
      [{ primary_service_location_uuid: UNKNOWN_UUID }, "primary_service_location_uuid does not match a location of this company"],
    ] as const) {
      const response = await api.put(`/customers/${customer.uuid}`, fields);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ success: false, error });
    }
  });

  it("ignores uuid, created_at and updated_at in the body", async () => {
    const customer = await create(api);
    const updated = (
      await api.put(`/customers/${customer.uuid}`, {
        uuid: UNKNOWN_UUID,
        created_at: "2001-01-01T00:00:00Z",
        updated_at: "2001-01-01T00:00:00Z",
        last_name: "Moe",
      })
    ).body.data;
    expect(updated.uuid).toBe(customer.uuid);
    expect(updated.created_at).toBe(customer.created_at);
    expect(updated.updated_at.startsWith("2001")).toBe(false);
    expect(updated.last_name).toBe("Moe");
  });

  it("answers 400 for a malformed UUID and 404 for an unknown one", async () => {
    expect((await api.put("/customers/not-a-uuid", { first_name: "X" })).body).toEqual({ success: false, error: "Invalid customer UUID" });
    const missing = await api.put(`/customers/${UNKNOWN_UUID}`, { first_name: "X" });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ success: false, error: "Customer not found" });
  });
});

describe("get", () => {
  it("answers 400 for a malformed UUID and 404 for an unknown one", async () => {
    const malformed = await api.get("/customers/123");
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ success: false, error: "Invalid customer UUID" });
    const missing = await api.get(`/customers/${UNKNOWN_UUID}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ success: false, error: "Customer not found" });
  });

  it("accepts an upper-case UUID", async () => {
    const customer = await create(api);
    const response = await api.get(`/customers/${customer.uuid.toUpperCase()}`);
    expect(response.status).toBe(200);
    expect(response.body.data.uuid).toBe(customer.uuid);
  });

  it("rejects an include_deleted that is not true or false", async () => {
    const customer = await create(api);
    const response = await api.get(`/customers/${customer.uuid}?include_deleted=yes`);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("include_deleted must be true or false");
  });
});

describe("soft delete and restore (CRM-API decisions 6 and 7)", () => {
  it("deletes softly: the documented message, then 404 unless include_deleted=true", async () => {
    const customer = await create(api);
    testClock.advance(1000);
    const deleted = await api.delete(`/customers/${customer.uuid}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ success: true, data: { message: "Customer deleted successfully" } });

    expect((await api.get(`/customers/${customer.uuid}`)).status).toBe(404);
    const withDeleted = await api.get(`/customers/${customer.uuid}?include_deleted=true`);
    expect(withDeleted.status).toBe(200);
    expect(withDeleted.body.data.deleted_at).toMatch(ISO_MS);
    expect(Date.parse(withDeleted.body.data.deleted_at)).toBeGreaterThan(Date.parse(customer.created_at));
    expect(withDeleted.body.data.updated_at).toBe(withDeleted.body.data.deleted_at);
    expect((await api.get(`/customers/${customer.uuid}?include_deleted=false`)).status).toBe(404);
  });

  it("answers 404 to PUT and DELETE on a deleted customer", async () => {
    const customer = await create(api);
    await api.delete(`/customers/${customer.uuid}`);
    expect((await api.put(`/customers/${customer.uuid}`, { first_name: "Again" })).status).toBe(404);
    expect((await api.delete(`/customers/${customer.uuid}`)).body).toEqual({ success: false, error: "Customer not found" });
    // {deleted_at: null} with other fields is an update, not a restore: still 404.
    expect((await api.put(`/customers/${customer.uuid}`, { deleted_at: null, first_name: "Again" })).status).toBe(404);
  });

  it("restores with exactly {deleted_at: null}, bumping updated_at", async () => {
    const customer = await create(api, { notes: "before delete" });
    await api.delete(`/customers/${customer.uuid}`);
    testClock.advance(1000);
    const restored = await api.put(`/customers/${customer.uuid}`, { deleted_at: null });
    expect(restored.status).toBe(200);
    expect(restored.body.data).toMatchObject({ uuid: customer.uuid, notes: "before delete", deleted_at: null, created_at: customer.created_at });
    expect(Date.parse(restored.body.data.updated_at)).toBeGreaterThan(Date.parse(customer.updated_at));
    expect((await api.get(`/customers/${customer.uuid}`)).status).toBe(200);
  });

  it("treats a restore of an active customer as a harmless update", async () => {
    const customer = await create(api, { notes: "active" });
    const response = await api.put(`/customers/${customer.uuid}`, { deleted_at: null });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ uuid: customer.uuid, notes: "active", deleted_at: null });
  });

  it("refuses to set deleted_at through PUT", async () => {
    const customer = await create(api);
    const response = await api.put(`/customers/${customer.uuid}`, { deleted_at: "2025-01-01T00:00:00Z" });
    expect(response.status).toBe(400);
    expect(response.body.error).toContain("use DELETE");
    expect((await api.get(`/customers/${customer.uuid}`)).body.data.deleted_at).toBeNull();
  });

  it("answers 400 to DELETE with a malformed UUID and 404 to an unknown one", async () => {
    expect((await api.delete("/customers/zzz")).status).toBe(400);
    expect((await api.delete(`/customers/${UNKNOWN_UUID}`)).status).toBe(404);
  });

  it("hides deleted customers from lists unless include_deleted=true", async () => {
    const client = await freshCompany();
    const kept = await create(client, { first_name: "Kept" });
    const gone = await create(client, { first_name: "Gone" });
    await client.delete(`/customers/${gone.uuid}`);
    const active = (await client.get("/customers")).body.data;
    expect(active.customers.map((customer: Json) => customer.uuid)).toEqual([kept.uuid]);
    expect(active.pagination.total).toBe(1);
    const all = (await client.get("/customers?include_deleted=true")).body.data;
    expect(all.customers.map((customer: Json) => customer.uuid).sort()).toEqual([kept.uuid, gone.uuid].sort());
    expect(all.pagination.total).toBe(2);
    expect((await client.get("/customers?include_deleted=1")).status).toBe(400);
  });
});

describe("list: pagination and order (CRM-API decision 4)", () => {
  let client: ApiClient;
  const made: Json[] = [];

  beforeAll(async () => {
    client = await freshCompany();
    for (let index = 0; index < 7; index += 1) {
      testClock.advance(1000);
      made.push(await create(client, { first_name: `Person${index}` }));
    }
  });

  it("returns customers newest first with documented pagination and defaults", async () => {
    const response = await client.get("/customers");
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.data)).toEqual(["customers", "pagination"]);
    expect(response.body.data.customers.map((customer: Json) => customer.first_name)).toEqual(made.map((customer) => customer.first_name).reverse());
    expect(response.body.data.pagination).toEqual({ page: 1, limit: 50, total: 7, total_pages: 1 });
    expect(Object.keys(response.body.data.customers[0])).toEqual(CUSTOMER_FIELDS);
  });

  it("walks pages without gaps or repeats", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 4; page += 1) {
      const data = (await client.get(`/customers?page=${page}&limit=2`)).body.data;
      expect(data.pagination).toEqual({ page, limit: 2, total: 7, total_pages: 4 });
      seen.push(...data.customers.map((customer: Json) => customer.uuid));
    }
    expect(seen).toEqual(made.map((customer) => customer.uuid).reverse());
  });

  it("answers a page past the end with an empty list and correct totals", async () => {
    const data = (await client.get("/customers?page=9&limit=2")).body.data;
    expect(data).toEqual({ customers: [], pagination: { page: 9, limit: 2, total: 7, total_pages: 4 } });
    const huge = (await client.get("/customers?page=9007199254740991")).body.data;
    expect(huge.customers).toEqual([]);
    expect(huge.pagination.total).toBe(7);
  });

  it("accepts limit 1 and 100", async () => {
    expect((await client.get("/customers?limit=1")).body.data.customers).toHaveLength(1);
    expect((await client.get("/customers?limit=100")).body.data.pagination.limit).toBe(100);
  });

  it.each([
    ["limit=101", "limit must be a whole number from 1 to 100"],
    ["limit=0", "limit must be a whole number from 1 to 100"],
    ["limit=abc", "limit must be a whole number from 1 to 100"],
    ["limit=", "limit must be a whole number from 1 to 100"],
    ["limit=2.5", "limit must be a whole number from 1 to 100"],
    ["page=0", "page must be a whole number ≥ 1"],
    ["page=-1", "page must be a whole number ≥ 1"],
    ["page=1.5", "page must be a whole number ≥ 1"],
    ["page=abc", "page must be a whole number ≥ 1"],
    ["page=99999999999999999999", "page must be a whole number ≥ 1"],
    ["filter=VIP", "filter must be one of 'all', 'residential', 'commercial', 'vip'"],
    ["include_deleted=TRUE", "include_deleted must be true or false"],
  ])("rejects %s with a 400 naming the parameter", async (query, error) => {
    const response = await client.get(`/customers?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ success: false, error });
  });

  it("breaks created_at ties by uuid, descending", async () => {
    const tied = await freshCompany();
    testClock.freeze(new Date("2025-02-18T14:30:00.000Z"));
    try {
      const uuids: string[] = [];
      for (let index = 0; index < 5; index += 1) uuids.push((await create(tied)).uuid);
      const listed = (await tied.get("/customers")).body.data.customers;
      expect(listed.every((customer: Json) => customer.created_at === "2025-02-18T14:30:00.000Z")).toBe(true);
      expect(listed.map((customer: Json) => customer.uuid)).toEqual([...uuids].sort().reverse());
    } finally {
      testClock.resume();
    }
  });
});

describe("list: filter and search (CRM-API decision 5)", () => {
  let client: ApiClient;
  let john: Json;
  let acme: Json;
  let vip: Json;

  beforeAll(async () => {
    client = await freshCompany();
    john = await create(client, { first_name: "John", last_name: "Doe", email: "john@example.com", phone: "206-555-1234" });
    acme = await create(client, {
      first_name: "Wile",
      last_name: "Coyote",
      company_name: "ACME 100% Rockets_Inc",
      customer_type: "Commercial",
      email: "wile@acme.test",
      phone: "415-555-9876",
    });
    vip = await create(client, { first_name: "Mary", last_name: "Johnson", is_vip: true, phone: "312-555-0000" });
  });

  const names = async (query: string): Promise<string[]> => {
    const response = await client.get(`/customers?${query}`);
    expect(response.status, response.text).toBe(200);
    return response.body.data.customers.map((customer: Json) => customer.first_name).sort();
  };

  it("filters by type and VIP", async () => {
    expect(await names("filter=all")).toEqual(["John", "Mary", "Wile"]);
    expect(await names("filter=residential")).toEqual(["John", "Mary"]);
    expect(await names("filter=commercial")).toEqual(["Wile"]);
    expect(await names("filter=vip")).toEqual(["Mary"]);
    expect((await client.get("/customers?filter=vip")).body.data.pagination.total).toBe(1);
  });

  it.each([
    ["first name", "john", ["John", "Mary"]], // Mary Johnson's last name contains "john" too
    ["last name", "coyote", ["Wile"]],
    ["full name", "john doe", ["John"]],
    ["full name, mixed case", "MARY JOHN", ["Mary"]],
    ["company name", "acme 100", ["Wile"]],
    ["email", "john@example", ["John"]],
    ["phone as stored", "206-555-1234", ["John"]],
    ["phone digits", "2065551234", ["John"]],
    ["phone formatted differently", "(206) 555-1234", ["John"]],
    ["phone with country code", "+1 206 555 1234", ["John"]],
    ["partial phone digits", "5559876", ["Wile"]],
    ["no match", "zebra", []],
    ["a literal %", "100%", ["Wile"]],
    ["a literal _", "rockets_inc", ["Wile"]],
    ["% alone matches nothing special", "%", ["Wile"]],
  ])("finds by %s (%s)", async (_label, term, expected) => {
    expect(await names(`search=${encodeURIComponent(term)}`)).toEqual(expected);
  });

  it("finds by uuid, whole or in part", async () => {
    expect(await names(`search=${acme.uuid}`)).toEqual(["Wile"]);
    expect(await names(`search=${vip.uuid.slice(0, 13).toUpperCase()}`)).toEqual(["Mary"]);
  });

  it("compares digits only for phone-like terms with at least 3 digits", async () => {
    // "0 0" has two digits: compared as text only, and no field contains "0 0"
    // (as digits, "00" would match Mary's 312-555-0000).
    expect(await names(`search=${encodeURIComponent("0 0")}`)).toEqual([]);
    expect(await names(`search=${encodeURIComponent("(555) 98")}`)).toEqual(["Wile"]);
    // Letters make it a text search: the digits are not compared on their own.
    expect(await names(`search=${encodeURIComponent("doe 2065551234")}`)).toEqual([]);
  });

  it("combines search with filter and counts matches only", async () => {
    expect(await names("search=john&filter=vip")).toEqual(["Mary"]);
    expect((await client.get("/customers?search=john")).body.data.pagination).toEqual({ page: 1, limit: 50, total: 2, total_pages: 1 });
    expect((await client.get("/customers?search=zebra")).body.data.pagination).toEqual({ page: 1, limit: 50, total: 0, total_pages: 0 });
  });

  it("treats an empty or blank search as no search, and strips control characters", async () => {
    expect(await names("search=")).toEqual(["John", "Mary", "Wile"]);
    expect(await names("search=%20%20")).toEqual(["John", "Mary", "Wile"]);
    expect(await names("search=jo%1Fhn%00")).toEqual(["John", "Mary"]);
  });

  it("does not let a search match across two fields", async () => {
    // "doe" + "john@" are adjacent only if fields were simply concatenated.
    expect(await names(`search=${encodeURIComponent("doejohn")}`)).toEqual([]);
  });

  it("rejects a search longer than 200 characters", async () => {
    const response = await client.get(`/customers?search=${"a".repeat(201)}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("search must be at most 200 characters");
  });

  it("searches deleted customers only with include_deleted=true", async () => {
    await client.delete(`/customers/${john.uuid}`);
    expect(await names("search=doe")).toEqual([]);
    expect(await names("search=doe&include_deleted=true")).toEqual(["John"]);
    await client.put(`/customers/${john.uuid}`, { deleted_at: null });
  });
});
