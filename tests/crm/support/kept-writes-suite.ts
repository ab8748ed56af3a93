import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/sandbox/src/testing/test-sandbox";
import { callRoute, configureInMemoryApp, signedInUser, type SignedIn } from "@/tests/support/app-accounts";
import type * as CustomersRoute from "@/app/api/customers/route";
import type * as CustomerRoute from "@/app/api/customers/[uuid]/route";
import type * as JobsRoute from "@/app/api/jobs/route";
import type * as JobRoute from "@/app/api/jobs/[uuid]/route";

/**
 * Creates and edits through the dashboard's routes against a real sandbox,
 * in the full mode and in the strict-docs mode (SANDBOX_STRICT_DOCS=1), where
 * create ignores the address fields, list items carry no timestamps and
 * scheduled_date must be a full timestamp. In both, what was typed ends up
 * in the CRM, and a retry of the whole save changes nothing twice.
 */
export function keptWritesSuite({ strictDocs }: { strictDocs: boolean }) {
  let sandbox: TestSandbox;
  let staff: SignedIn;
  let routes: {
    customers: typeof CustomersRoute;
    customer: typeof CustomerRoute;
    jobs: typeof JobsRoute;
    job: typeof JobRoute;
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox({ monthlyQuota: 1_000_000, strictDocs });
    configureInMemoryApp({ CRM_BASE_URL: sandbox.apiUrl, CRM_API_KEY: sandbox.apiKeys[0] ?? "", CRM_CACHE_TTL_SECONDS: "0", MIRROR_SYNC: "off" });
    staff = await signedInUser("staff");
    routes = {
      customers: await import("@/app/api/customers/route"),
      customer: await import("@/app/api/customers/[uuid]/route"),
      jobs: await import("@/app/api/jobs/route"),
      job: await import("@/app/api/jobs/[uuid]/route"),
    };
  });

  afterAll(async () => {
    await sandbox.close();
  });

  const lastName = () => `Keptson${randomUUID().replace(/\d|-/g, "").slice(0, 8)}`;
  const customerInput = (last: string) => ({
    first_name: "Addie",
    last_name: last,
    phone: "(206) 555-0177",
    physical_address1: "12 Pine St",
    physical_city: "Seattle",
    physical_state: "WA",
    physical_zip: "98101",
    billing_same_as_physical: true,
    notes: "Gate code 1234",
    // The same phone on every customer here: these tests are about fields kept, not duplicates (ADR-021).
    confirm_duplicate: true,
  });
  const post = (handler: (typeof routes)["customers"]["POST"], url: string, json: unknown, key: string) =>
    callRoute(handler, url, { method: "POST", as: staff, body: JSON.stringify(json), headers: { "content-type": "application/json", "idempotency-key": key } });
  const put = (handler: (typeof routes)["customer"]["PUT"], url: string, uuid: string, json: unknown, key: string) =>
    callRoute(handler, url, {
      method: "PUT",
      as: staff,
      params: { uuid },
      body: JSON.stringify(json),
      headers: { "content-type": "application/json", "idempotency-key": key },
    });

  describe(`against the ${strictDocs ? "strict-docs" : "full"} sandbox`, () => {
    it(`${strictDocs ? "drops" : "keeps"} the address of a customer created straight in the CRM (what the dashboard has to cope with)`, async () => {
      const created = await sandbox.client().post("/customers", { first_name: "Straight", last_name: lastName(), physical_city: "Tacoma" });
      expect(created.status).toBe(200);
      expect(created.body.data).toMatchObject({ physical_city: strictDocs ? null : "Tacoma" });
    });

    it("a customer created with an address keeps it, and a retry of the whole save makes one customer, changed once", async () => {
      const last = lastName();
      const key = randomUUID();
      const first = await post(routes.customers.POST, "/api/customers", customerInput(last), key);
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      const saved = first.body.data as Record<string, unknown>;
      expect(saved).toMatchObject({ physical_address1: "12 Pine St", physical_city: "Seattle", billing_address1: "12 Pine St", notes: "Gate code 1234" });
      expect(saved.not_saved).toBeUndefined();

      const inCrm = await sandbox.client().get(`/customers/${String(saved.uuid)}`);
      expect(inCrm.body.data).toMatchObject({ physical_address1: "12 Pine St", physical_zip: "98101", billing_city: "Seattle" });

      const retry = await post(routes.customers.POST, "/api/customers", customerInput(last), key);
      expect(retry.status).toBe(201);
      expect(retry.body.data).toMatchObject({ uuid: saved.uuid, physical_address1: "12 Pine St", updated_at: saved.updated_at });
      const found = await sandbox.client().get(`/customers?search=${last}`);
      expect(found.body.data.pagination.total).toBe(1);
    });

    it("a list whose items lack timestamps is read (they read as unknown)", async () => {
      const last = lastName();
      expect((await post(routes.customers.POST, "/api/customers", customerInput(last), randomUUID())).status).toBe(201);
      const list = await callRoute(routes.customers.GET, `/api/customers?search=${last}`, { as: staff });
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      const rows = (list.body.data as { customers: Array<Record<string, unknown>> }).customers;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ last_name: last, phone: "206-555-0177" });
      if (strictDocs) expect(rows[0]).toMatchObject({ created_at: null, updated_at: null, physical_city: null });
      else expect(rows[0]?.created_at).toEqual(expect.any(String));
    });

    it("a job created with a service address, an actual amount and a date keeps them; an edit keeps its fields too", async () => {
      const customer = await post(routes.customers.POST, "/api/customers", customerInput(lastName()), randomUUID());
      const customerUuid = String((customer.body.data as { uuid: string }).uuid);
      const title = `Boiler service ${randomUUID().slice(0, 8)}`;
      const created = await post(
        routes.jobs.POST,
        "/api/jobs",
        {
          customer_uuid: customerUuid,
          title,
          service_address1: "77 Harbor Ave",
          service_city: "Everett",
          service_state: "WA",
          service_zip: "98201",
          actual_amount: "150.00",
          scheduled_date: "2031-05-01",
          scheduled_time_start: "09:00",
        },
        randomUUID(),
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const job = created.body.data as Record<string, unknown>;
      expect(job.not_saved).toBeUndefined();
      const inCrm = (await sandbox.client().get(`/jobs/${String(job.uuid)}`)).body.data;
      expect(inCrm).toMatchObject({
        service_address1: "77 Harbor Ave",
        service_city: "Everett",
        actual_amount: 150,
        scheduled_date: "2031-05-01T12:00:00.000Z",
        scheduled_time_start: "09:00",
      });

      const edited = await put(
        routes.job.PUT,
        `/api/jobs/${String(job.uuid)}`,
        String(job.uuid),
        { service_city: "Lynnwood", scheduled_date: "2031-05-02", expected_updated_at: job.updated_at },
        randomUUID(),
      );
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      expect((await sandbox.client().get(`/jobs/${String(job.uuid)}`)).body.data).toMatchObject({
        service_city: "Lynnwood",
        scheduled_date: "2031-05-02T12:00:00.000Z",
      });

      const list = await callRoute(routes.jobs.GET, `/api/jobs?search=${encodeURIComponent(title)}`, { as: staff });
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      expect((list.body.data as { jobs: unknown[] }).jobs).toHaveLength(1);
    });

    it(`${strictDocs ? "refuses" : "accepts"} a scheduled_date given as a date alone, sent straight to the CRM`, async () => {
      const customer = await sandbox.client().post("/customers", { first_name: "Dated", last_name: lastName() });
      const job = await sandbox.client().post("/jobs", { customer_uuid: customer.body.data.uuid, title: "Dated", scheduled_date: "2031-05-01" });
      expect(job.status).toBe(strictDocs ? 400 : 200);
    });
  });
}
