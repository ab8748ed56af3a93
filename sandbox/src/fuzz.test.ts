import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, ApiResponse, Json } from "./testing/api-client";
import { startTestSandbox, type TestSandbox } from "./testing/test-sandbox";

// Bad input must never be a 500 (faults off): whatever arrives, the answer is
// a 2xx or a 4xx with the documented envelope.
let sandbox: TestSandbox;
let api: ApiClient;
let customerUuid: string;
let jobUuid: string;
let locationUuid: string;
let userId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = sandbox.client();
  const setUp = await sandbox.setUp();
  locationUuid = setUp.locations[0]!.uuid;
  userId = setUp.users[0]!.id;
  customerUuid = (await api.post("/customers", { first_name: "Fuzz", last_name: "Target" })).body.data.uuid;
  jobUuid = (await api.post("/jobs", { customer_uuid: customerUuid, title: "Fuzz job" })).body.data.uuid;
});
afterAll(() => sandbox?.close());

function expectNoServerError(response: ApiResponse, what: string): void {
  expect(response.status, `${what} → ${response.status} ${response.text}`).toBeLessThan(500);
  if (response.text === "") return; // HEAD
  if (response.status >= 400) {
    expect(response.body, what).toEqual({ success: false, error: expect.any(String) });
  } else {
    expect(response.body?.success, what).toBe(true);
  }
}

const CUSTOMER_FIELDS = [
  "first_name",
  "last_name",
  "company_name",
  "email",
  "phone",
  "customer_type",
  "is_vip",
  "physical_address1",
  "physical_zip",
  "billing_city",
  "primary_service_location_uuid",
  "notes",
  "internal_flags",
  "on_my_way_notify_via",
  "deleted_at",
  "uuid",
  "created_at",
];
const JOB_FIELDS = [
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
  "deleted_at",
];

const QUERY_NAMES = [
  "page",
  "limit",
  "include_deleted",
  "filter",
  "search",
  "status",
  "priority",
  "location_uuid",
  "customer_uuid",
  "assigned_to_user_id",
  "unknown",
];

/** Built after beforeAll, since some values are the records it created. */
function arbitraries() {
  const nastyString = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom(
      "",
      " ",
      "\u0000",
      "\u001f",
      "\ud800",
      "%",
      "_",
      "\\",
      "'",
      '"',
      "null",
      "true",
      "1e400",
      "-0",
      "NaN",
      "2025-02-30",
      "24:00",
      "23:59",
      "206-555-1234",
      "9999999999.995",
      "x".repeat(5000),
    ),
  );
  const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
    nastyString,
    fc.jsonValue({ maxDepth: 3 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(1e308, -1e308, 2 ** 53, 0.005, -9999999999.99),
    fc.constant({ deep: JSON.parse("[".repeat(100) + "]".repeat(100)) as unknown }),
  );
  const uuidLike = () => fc.oneof(fc.uuid(), fc.constantFrom(customerUuid, jobUuid, locationUuid, userId));
  const fieldValue = (field: string): fc.Arbitrary<unknown> =>
    field.endsWith("uuid") || field.endsWith("_id") ? fc.oneof(uuidLike(), nastyValue) : nastyValue;

  const bodyFor = (fields: string[]) => fc.record(Object.fromEntries(fields.map((field) => [field, fieldValue(field)])), { requiredKeys: [] });

  const queryValue = fc.oneof(
    fc.string({ unit: "binary-ascii", maxLength: 30 }),
    fc.constantFrom("", "1", "0", "100", "101", "-1", "true", "false", "New,Scheduled", "In Progress", "vip", "%", "%00", "%ZZ"),
    uuidLike(),
  );
  const queryString = fc
    .array(fc.tuple(fc.constantFrom(...QUERY_NAMES), queryValue), { maxLength: 5 })
    .map((pairs) => pairs.map(([name, value]) => `${name}=${value.startsWith("%") ? value : encodeURIComponent(value)}`).join("&"));

  const resource = fc.constantFrom("customers", "jobs", "locations", "invoices");
  const pathSegment = fc.oneof(uuidLike(), fc.string({ unit: "binary-ascii", maxLength: 20 }).map(encodeURIComponent), fc.constantFrom("", "%00", "..", "%2F"));
  return { bodyFor, queryString, resource, pathSegment };
}

describe("no 5xx for any input", () => {
  it("survives random methods, paths, queries, headers and bodies", async () => {
    const { bodyFor, queryString, resource, pathSegment } = arbitraries();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"),
        resource,
        fc.option(pathSegment, { nil: undefined }),
        queryString,
        fc.oneof(
          fc.constant(undefined),
          fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
          fc.string({ unit: "binary", maxLength: 60 }),
          bodyFor([...CUSTOMER_FIELDS, ...JOB_FIELDS]).map((value) => JSON.stringify(value)),
        ),
        fc.option(
          fc.string({ unit: "binary-ascii", maxLength: 300 }).filter((key) => /^[\x20-\x7e]*$/.test(key)),
          { nil: undefined },
        ),
        fc.option(fc.constantFrom("application/json", "text/plain", "multipart/form-data", "application/x-www-form-urlencoded"), { nil: undefined }),
        async (method, name, segment, query, rawBody, idempotencyKey, contentType) => {
          const path = `/${name}${segment === undefined ? "" : `/${segment}`}${query ? `?${query}` : ""}`;
          const hasBody = rawBody !== undefined && method !== "GET" && method !== "HEAD";
          const response = await api.request(method, path, {
            ...(hasBody ? { rawBody } : {}),
            ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
            headers: contentType ? { "content-type": contentType } : {},
          });
          expectNoServerError(response, `${method} ${path} ${hasBody ? rawBody.slice(0, 200) : ""}`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("survives random customer bodies on create and update", async () => {
    const { bodyFor } = arbitraries();
    await fc.assert(
      fc.asyncProperty(bodyFor(CUSTOMER_FIELDS), fc.boolean(), async (body, update) => {
        const response = update ? await api.put(`/customers/${customerUuid}`, body) : await api.post("/customers", body);
        expectNoServerError(response, `${update ? "PUT" : "POST"} customer ${JSON.stringify(body).slice(0, 300)}`);
        // Keep the shared target customer alive for the job bodies below.
        if (update && body.deleted_at === null) await api.put(`/customers/${customerUuid}`, { deleted_at: null });
      }),
      { numRuns: 150 },
    );
  });

  it("survives random job bodies on create and update", async () => {
    const { bodyFor } = arbitraries();
    await fc.assert(
      fc.asyncProperty(bodyFor(JOB_FIELDS), fc.boolean(), fc.boolean(), async (body, update, realCustomer) => {
        const payload = realCustomer
          ? { ...body, customer_uuid: customerUuid, title: typeof body.title === "string" && body.title.trim() ? body.title : "t" }
          : body;
        const response = update ? await api.put(`/jobs/${jobUuid}`, payload) : await api.post("/jobs", payload);
        expectNoServerError(response, `${update ? "PUT" : "POST"} job ${JSON.stringify(payload).slice(0, 300)}`);
      }),
      { numRuns: 150 },
    );
  });

  it("survives random list queries", async () => {
    const { queryString } = arbitraries();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("customers", "jobs", "locations"), queryString, async (name, query) => {
        const response = await api.get(`/${name}?${query}`);
        expectNoServerError(response, `GET /${name}?${query}`);
        if (response.status === 200) {
          const data: Json = response.body.data;
          expect(data[name]).toBeInstanceOf(Array);
          expect(data.pagination.total).toBeGreaterThanOrEqual(data[name].length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
