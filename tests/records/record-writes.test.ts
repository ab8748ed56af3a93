import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import type { ApiError } from "@/lib/api/api-error";
import type { WriteContext } from "@/lib/audit/audited-write.server";

/**
 * The steps customers and jobs share when they are created and updated
 * (lib/records/record-writes.server.ts), through each feature's service,
 * against a real sandbox CRM and the dashboard's own database: the audit's
 * before/after, the conflict check and its replay, and the rules on the merged
 * record.
 */
let sandbox: TestSandbox;
const context: WriteContext = {
  user: { id: "user-rae", email: "rae@example.com", name: "Rae", role: "staff", sessionId: "s1", twoFactorEnabled: false, pendingStep: null },
  requestId: "r1",
};
let keyCounter = 0;
const key = () => `record-writes-${Date.now()}-${(keyCounter += 1)}`;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: { customers: 5, jobs: 5, seed: 3 } });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.CRM_CACHE_TTL_SECONDS = "15";
  process.env.LOG_LEVEL = "silent";
  // The modules and the app database start once here, within the hook's time, not the first test's.
  await (await services()).queryAuditLog({ page: 1 });
}, 120_000);

afterAll(async () => {
  await sandbox.close();
});

async function services() {
  const customers = await import("@/lib/customers/customer-service.server");
  const jobs = await import("@/lib/jobs/job-service.server");
  const { customerInputSchema } = await import("@/lib/customers/customer-schema");
  const { jobInputSchema } = await import("@/lib/jobs/job-schema");
  const { queryAuditLog } = await import("@/lib/audit/audit-query.server");
  return { ...customers, ...jobs, customerInputSchema, jobInputSchema, queryAuditLog };
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("expected the write to be refused");
}

describe("customers", () => {
  it("audits a create and an update by the fields given, never the dashboard's billing choice", async () => {
    const s = await services();
    const input = s.customerInputSchema.parse({ first_name: "Ada", last_name: "Recordwell", phone: "206-555-0110", tags: ["gate code"] });
    const created = (await s.createCustomerFromInput(input, key(), context)).data;
    const updated = await s.updateCustomerFromPatch(created.uuid, { expected_updated_at: created.updated_at!, last_name: "Recordwright" }, key(), context);
    expect(updated.data.last_name).toBe("Recordwright");

    const { rows } = await s.queryAuditLog({ resource: "customer", resource_id: created.uuid, page: 1 });
    const update = rows.find((row) => row.action === "update");
    const create = rows.find((row) => row.action === "create");
    expect(update?.changes).toEqual({ last_name: { from: "Recordwell", to: "Recordwright" } });
    expect(create?.changes).toMatchObject({ first_name: { from: null, to: "Ada" }, tags: { from: null, to: ["gate code"] } });
    expect(create?.changes).not.toHaveProperty("billing_same_as_physical");
  });

  it("refuses a stale edit with the record as it is now, but takes a retry of a change that already landed", async () => {
    const s = await services();
    const input = s.customerInputSchema.parse({ first_name: "Bo", last_name: "Stalecopy", phone: "206-555-0111" });
    const created = (await s.createCustomerFromInput(input, key(), context)).data;
    const opened = created.updated_at!;
    const first = await s.updateCustomerFromPatch(created.uuid, { expected_updated_at: opened, company_name: "Stale & Sons" }, key(), context);
    expect(first.meta.replayed).toBe(false);

    // The same change sent again from the same starting point (its answer was lost): nothing to refuse.
    const retry = await s.updateCustomerFromPatch(created.uuid, { expected_updated_at: opened, company_name: "Stale & Sons" }, key(), context);
    expect(retry.meta.replayed).toBe(true);
    expect(retry.data.updated_at).toBe(first.data.updated_at);

    const conflict = await caught(s.updateCustomerFromPatch(created.uuid, { expected_updated_at: opened, company_name: "Other Name" }, key(), context));
    expect(conflict.status).toBe(409);
    expect(conflict.message).toContain("this customer");
    // Sent back as the browser reads a customer: with the dashboard's extras.
    expect(conflict.current).toMatchObject({ uuid: created.uuid, company_name: "Stale & Sons", extras: { tags: [] } });
  });

  it("checks the cross-field rules on the record with the change applied", async () => {
    const s = await services();
    const input = s.customerInputSchema.parse({ first_name: "Cy", last_name: "Ruleson", phone: "206-555-0112" });
    const created = (await s.createCustomerFromInput(input, key(), context)).data;
    const refused = await caught(s.updateCustomerFromPatch(created.uuid, { expected_updated_at: created.updated_at!, phone: null }, key(), context));
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.fields ?? {})).toEqual(expect.arrayContaining(["email", "phone"]));
  });
});

describe("jobs", () => {
  it("fills the service address from the customer, audits it without the choice, and says a stale edit is about a job", async () => {
    const s = await services();
    const customerInput = s.customerInputSchema.parse({
      first_name: "Di",
      last_name: "Jobholder",
      phone: "206-555-0113",
      physical_address1: "12 Pine St",
      physical_city: "Seattle",
      physical_state: "WA",
      physical_zip: "98101",
    });
    const customer = (await s.createCustomerFromInput(customerInput, key(), context)).data;
    const input = s.jobInputSchema.parse({ customer_uuid: customer.uuid, title: "Fix the gate", use_customer_address: true, scheduled_date: "2031-04-02" });
    const job = (await s.createJobFromInput(input, key(), context)).data;
    expect(job.service_address1).toBe("12 Pine St");

    const { rows } = await s.queryAuditLog({ resource: "job", resource_id: job.uuid, page: 1 });
    expect(rows[0]?.changes).toMatchObject({ title: { from: null, to: "Fix the gate" }, service_city: { from: null, to: "Seattle" } });
    expect(rows[0]?.changes).not.toHaveProperty("use_customer_address");

    const opened = job.updated_at ?? "";
    const moved = await s.updateJobFromPatch(job.uuid, { expected_updated_at: opened, scheduled_date: "2031-04-03" }, key(), context);
    // The CRM may hand the day back as a timestamp: the same day sent again is the same change.
    const retry = await s.updateJobFromPatch(job.uuid, { expected_updated_at: opened, scheduled_date: "2031-04-03" }, key(), context);
    expect(retry.meta.replayed).toBe(true);
    expect(retry.data.updated_at).toBe(moved.data.updated_at);

    const conflict = await caught(s.updateJobFromPatch(job.uuid, { expected_updated_at: opened, title: "Something else" }, key(), context));
    expect(conflict.status).toBe(409);
    expect(conflict.message).toContain("this job");
  });
});
