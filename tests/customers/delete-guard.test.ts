import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import { callRoute, configureInMemoryApp, signedInUser, type SignedIn } from "@/tests/support/app-accounts";
import { deleteRows, intentKeys } from "@/lib/bulk/bulk-delete";
import { ApiRequestError } from "@/lib/http/api-fetch";

/**
 * DELETE /api/customers/{uuid} guarded by the server, through the real auth
 * stack against a real sandbox CRM: a customer with open jobs (any status but
 * Complete and Invoiced) is a 409 has_open_jobs listing them until the request
 * says `open_jobs: "delete" | "keep"`; bulk delete goes through the same
 * route, one answer per customer.
 */
let sandbox: TestSandbox;
let staff: SignedIn;
let viewer: SignedIn;

beforeAll(async () => {
  sandbox = await startTestSandbox({ monthlyQuota: 100_000 });
  configureInMemoryApp({ CRM_BASE_URL: sandbox.apiUrl, CRM_API_KEY: sandbox.apiKeys[0]!, MIRROR_SYNC: "off" });
  staff = await signedInUser("staff");
  viewer = await signedInUser("viewer");
}, 120_000);

afterAll(async () => {
  await sandbox.close();
});

let phone = 100;
async function customer(lastName: string) {
  phone += 1;
  const created = await sandbox.client().post("/customers", { first_name: "Del", last_name: lastName, phone: `206-555-0${phone}` });
  if (created.status >= 300) throw new Error(`customer create: ${created.text}`);
  return (created.body as { data: { uuid: string } }).data.uuid;
}

async function job(customerUuid: string, status: string, title = `${status} visit`) {
  const created = await sandbox.client().post("/jobs", { customer_uuid: customerUuid, title, status });
  if (created.status >= 300) throw new Error(`job create: ${created.text}`);
  return (created.body as { data: { uuid: string } }).data.uuid;
}

async function remove(uuid: string, body?: unknown, as: SignedIn = staff, key: string = crypto.randomUUID()) {
  const { DELETE } = await import("@/app/api/customers/[uuid]/route");
  const headers: Record<string, string> = { "idempotency-key": key };
  if (body !== undefined) headers["content-type"] = "application/json";
  return callRoute(DELETE, `/api/customers/${uuid}`, {
    as,
    method: "DELETE",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    params: { uuid },
  });
}

const isDeleted = async (resource: "customers" | "jobs", uuid: string) =>
  ((await sandbox.client().get(`/${resource}/${uuid}?include_deleted=true`)).body as { data: { deleted_at: string | null } }).data.deleted_at !== null;

type OpenJobs = { open_jobs: Array<{ uuid: string; status: string; link: string }>; open_jobs_total: number };

describe("deleting one customer", () => {
  it("is a 409 has_open_jobs listing the open jobs (not Complete or Invoiced), and deletes nothing", async () => {
    const uuid = await customer("Holding");
    const open = await job(uuid, "Scheduled");
    await job(uuid, "Complete");
    await job(uuid, "Invoiced");
    const { status, body } = await remove(uuid);
    expect(status).toBe(409);
    expect(body.code).toBe("has_open_jobs");
    expect(body.error).toMatch(/Del Holding has 1 open job \(.*Scheduled visit\)/);
    const listed = body as unknown as OpenJobs;
    expect(listed.open_jobs_total).toBe(1);
    expect(listed.open_jobs).toEqual([expect.objectContaining({ uuid: open, status: "Scheduled", link: `/jobs/${open}` })]);
    expect(await isDeleted("customers", uuid)).toBe(false);
  });

  it('with open_jobs: "delete", deletes the open jobs, then the customer', async () => {
    const uuid = await customer("Cascade");
    const open = await job(uuid, "New");
    const done = await job(uuid, "Complete");
    const { status, body } = await remove(uuid, { open_jobs: "delete" });
    expect(status).toBe(200);
    expect((body.data as { jobs_deleted: Array<{ uuid: string }> }).jobs_deleted.map((deleted) => deleted.uuid)).toEqual([open]);
    expect(await isDeleted("customers", uuid)).toBe(true);
    expect(await isDeleted("jobs", open)).toBe(true);
    expect(await isDeleted("jobs", done)).toBe(false);
  });

  it('with open_jobs: "keep", deletes the customer only and the audit log says the jobs were kept', async () => {
    const uuid = await customer("Keeper");
    const open = await job(uuid, "In Progress");
    const { status } = await remove(uuid, { open_jobs: "keep" });
    expect(status).toBe(200);
    expect(await isDeleted("customers", uuid)).toBe(true);
    expect(await isDeleted("jobs", open)).toBe(false);
    const { appDatabase } = await import("@/lib/db/app-database.server");
    const { db } = await appDatabase();
    const audit = await db.selectFrom("audit_log").select(["detail"]).where("resource_id", "=", uuid).where("action", "=", "delete").executeTakeFirstOrThrow();
    expect(audit.detail).toMatch(/open jobs kept/);
  });

  it("needs no answer for a customer without open jobs", async () => {
    const uuid = await customer("Clear");
    await job(uuid, "Invoiced");
    expect((await remove(uuid)).status).toBe(200);
    expect(await isDeleted("customers", uuid)).toBe(true);
  });

  it("refuses open_jobs of a wrong type or value with a 400 naming it", async () => {
    const uuid = await customer("Typo");
    for (const value of [true, "yes", 1]) {
      const { status, body } = await remove(uuid, { open_jobs: value });
      expect(status).toBe(400);
      expect(body.fields).toHaveProperty("open_jobs");
    }
    expect(await isDeleted("customers", uuid)).toBe(false);
  });

  it("is a 403 for a viewer", async () => {
    const uuid = await customer("Viewed");
    expect((await remove(uuid, { open_jobs: "delete" }, viewer)).status).toBe(403);
    expect(await isDeleted("customers", uuid)).toBe(false);
  });
});

describe("bulk delete", () => {
  /** The customer bulk kind's delete, over the route: a refusal is the ApiRequestError the browser's fetch would throw. */
  const kindAnswering = (openJobs?: "delete" | "keep") => ({
    id: (uuid: string) => uuid,
    remove: async (uuid: string, key: string) => {
      const { status, body } = await remove(uuid, openJobs ? { open_jobs: openJobs } : undefined, staff, key);
      if (status >= 300) throw new ApiRequestError(status, body.code as never, body.error ?? "", body.fields ?? {});
    },
  });

  it("reports each customer with open jobs as refused, deletes the rest, and the batch's answer deletes the refused ones", async () => {
    const plain = await customer("BulkPlain");
    const busy = await customer("BulkBusy");
    const busyJob = await job(busy, "Estimate Sent");
    const keyFor = intentKeys();

    const first = await deleteRows(kindAnswering(), [plain, busy], keyFor);
    expect(first.deleted).toEqual([plain]);
    expect(first.failed).toEqual([{ row: busy, reason: expect.stringMatching(/Del BulkBusy has 1 open job/) }]);
    expect(await isDeleted("customers", busy)).toBe(false);

    const second = await deleteRows(kindAnswering("delete"), [busy], keyFor);
    expect(second.deleted).toEqual([busy]);
    expect(await isDeleted("customers", busy)).toBe(true);
    expect(await isDeleted("jobs", busyJob)).toBe(true);
  });

  it('keeps the jobs when the batch says "keep"', async () => {
    const busy = await customer("BulkKeep");
    const busyJob = await job(busy, "Contacted");
    const report = await deleteRows(kindAnswering("keep"), [busy], intentKeys());
    expect(report.deleted).toEqual([busy]);
    expect(await isDeleted("jobs", busyJob)).toBe(false);
  });
});
