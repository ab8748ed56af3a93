import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import type { WriteContext } from "@/lib/audit/audited-write.server";

/**
 * The trash against a real sandbox CRM and the dashboard's own database:
 * what it lists (from the mirror), what a restore says when there is nothing
 * to restore, what a full pass brings in, and what each costs in CRM requests.
 */
let sandbox: TestSandbox;
const dana: WriteContext = {
  user: { id: "user-dana", email: "dana@example.com", name: "Dana", role: "staff", sessionId: "s1", twoFactorEnabled: false, pendingStep: null },
  requestId: "r1",
};
const lee: WriteContext = {
  user: { id: "user-lee", email: "lee@example.com", name: "Lee", role: "staff", sessionId: "s2", twoFactorEnabled: false, pendingStep: null },
  requestId: "r2",
};
let keyCounter = 0;
const key = () => `test-key-${Date.now()}-${(keyCounter += 1)}`;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: { customers: 30, jobs: 40, seed: 7 } });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.CRM_CACHE_TTL_SECONDS = "15";
  process.env.LOG_LEVEL = "silent";
  process.env.MIRROR_SYNC = "off";
  // The database and its migrations (the mirror's included) start here, not inside the first test's time.
  const { mirrorDatabase } = await import("@/lib/mirror/mirror-db.server");
  await mirrorDatabase();
});

afterAll(async () => {
  await sandbox.close();
});

async function crm(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.apiKeys[0]}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as { data: Record<string, unknown> };
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json.data;
}

async function newCustomer(last: string): Promise<string> {
  const data = await crm("POST", "/customers", { first_name: "Trashy", last_name: last, phone: "206-555-0142" });
  return data.uuid as string;
}

async function newJob(customerUuid: string, title: string, status = "New"): Promise<string> {
  const data = await crm("POST", "/jobs", { customer_uuid: customerUuid, title, status });
  return data.uuid as string;
}

describe("deleting through the dashboard", () => {
  it("puts the customer in the trash with who did it, confirmed once with the CRM, and takes them out on restore", async () => {
    const { deleteCustomerById, restoreCustomerById } = await import("@/lib/customers/customer-service.server");
    const { listTrash } = await import("@/lib/trash/trash-service.server");
    const uuid = await newCustomer("Delacroix");

    await deleteCustomerById(uuid, key(), dana);
    const page = await listTrash("customer", { search: "delacroix", page: 1 });
    expect(page.rows).toHaveLength(1);
    const row = page.rows[0]!;
    expect(row).toMatchObject({ uuid, label: "Trashy Delacroix", deleted_by: { name: "dana@example.com", email: "dana@example.com" } });
    // The dashboard's note of its DELETE was confirmed with the CRM: one request, and none the next time.
    expect(page.crm_requests).toBe(1);
    expect((await listTrash("customer", { search: "delacroix", page: 1 })).crm_requests).toBe(0);
    const crmRecord = await crm("GET", `/customers/${uuid}?include_deleted=true`);
    // The CRM's moment of deletion, not the dashboard's guess.
    expect(Date.parse(row.deleted_at)).toBe(Date.parse(crmRecord.deleted_at as string));

    await restoreCustomerById(uuid, row.deleted_at, key(), dana);
    expect((await crm("GET", `/customers/${uuid}`)).deleted_at).toBeNull();
    expect((await listTrash("customer", { search: "delacroix", page: 1 })).rows).toEqual([]);
  });

  it("searches the trash by name, phone digits and job number", async () => {
    const { deleteCustomerById } = await import("@/lib/customers/customer-service.server");
    const { deleteJobById } = await import("@/lib/jobs/job-service.server");
    const { listTrash } = await import("@/lib/trash/trash-service.server");
    const uuid = await newCustomer("Phonebooth");
    const job = await newJob(uuid, "Searchable boiler flush");
    const jobNumber = (await crm("GET", `/jobs/${job}`)).job_number as string;
    await deleteJobById(job, key(), dana);
    await deleteCustomerById(uuid, key(), dana);

    expect((await listTrash("customer", { search: "PHONEBOOTH", page: 1 })).rows.map((row) => row.uuid)).toEqual([uuid]);
    expect((await listTrash("customer", { search: "(206) 555-0142", page: 1 })).rows.map((row) => row.uuid)).toContain(uuid);
    expect((await listTrash("job", { search: jobNumber, page: 1 })).rows.map((row) => row.uuid)).toEqual([job]);
    expect((await listTrash("job", { search: "no such words here", page: 1 })).rows).toEqual([]);
  });
});

describe("restore says plainly when there is nothing to restore", () => {
  it("already restored by someone else: 409 not_deleted naming them, and nothing changes", async () => {
    const { deleteCustomerById, restoreCustomerById } = await import("@/lib/customers/customer-service.server");
    const uuid = await newCustomer("Twicerestored");
    await deleteCustomerById(uuid, key(), dana);
    await restoreCustomerById(uuid, undefined, key(), lee);
    const before = await crm("GET", `/customers/${uuid}`);

    await expect(restoreCustomerById(uuid, undefined, key(), dana)).rejects.toMatchObject({
      status: 409,
      code: "not_deleted",
      message: expect.stringContaining("lee@example.com"),
    });
    expect((await crm("GET", `/customers/${uuid}`)).updated_at).toBe(before.updated_at);
  });

  it("a retry of the same restore (its answer was lost) is a success, not 'already restored'", async () => {
    const { deleteJobById, restoreJobById } = await import("@/lib/jobs/job-service.server");
    const customer = await newCustomer("Retrier");
    const job = await newJob(customer, "Retry me");
    await deleteJobById(job, key(), dana);
    const restoreKey = key();
    await restoreJobById(job, undefined, restoreKey, dana);
    const again = await restoreJobById(job, undefined, restoreKey, dana);
    expect(again.data.deleted_at).toBeNull();
    expect(again.meta.replayed).toBe(true);
  });

  it("restored and deleted again since the person looked: 409 deleted_again, still deleted", async () => {
    const { deleteCustomerById, restoreCustomerById } = await import("@/lib/customers/customer-service.server");
    const { listTrash } = await import("@/lib/trash/trash-service.server");
    const uuid = await newCustomer("Yoyo");
    await deleteCustomerById(uuid, key(), dana);
    const seen = (await listTrash("customer", { search: "yoyo", page: 1 })).rows[0]!.deleted_at;
    // Meanwhile, in the CRM directly: restored, then deleted again.
    await crm("PUT", `/customers/${uuid}`, { deleted_at: null });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await crm("DELETE", `/customers/${uuid}`);

    await expect(restoreCustomerById(uuid, seen, key(), dana)).rejects.toMatchObject({ status: 409, code: "deleted_again" });
    expect((await crm("GET", `/customers/${uuid}?include_deleted=true`)).deleted_at).not.toBeNull();
  });

  it("a uuid the CRM does not know (another company's, or forged) is a not-found, not a crash", async () => {
    const { restoreCustomerById } = await import("@/lib/customers/customer-service.server");
    await expect(restoreCustomerById("7d3f3c1e-0000-4000-8000-000000000000", undefined, key(), dana)).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("the trash never shows a record that is back in use", () => {
  it("drops a row deleted here and restored directly in the CRM before the trash confirmed it, and says so", async () => {
    const { deleteCustomerById } = await import("@/lib/customers/customer-service.server");
    const { listTrash } = await import("@/lib/trash/trash-service.server");
    const uuid = await newCustomer("Sneakyback");
    await deleteCustomerById(uuid, key(), dana);
    await crm("PUT", `/customers/${uuid}`, { deleted_at: null });
    const page = await listTrash("customer", { search: "sneakyback", page: 1 });
    expect(page.rows).toEqual([]);
    expect(page.removed).toBe(1);
    expect(page.pagination.total).toBe(0);
  });

  it("drops a row restored directly in the CRM after the next full pass", async () => {
    const { deleteCustomerById } = await import("@/lib/customers/customer-service.server");
    const { listTrash } = await import("@/lib/trash/trash-service.server");
    const { requestSyncNow } = await import("@/lib/mirror/sync-service.server");
    const { syncRunner } = await import("@/lib/mirror/sync-runner.server");
    const uuid = await newCustomer("Laterback");
    await deleteCustomerById(uuid, key(), dana);
    expect((await listTrash("customer", { search: "laterback", page: 1 })).rows.map((row) => row.uuid)).toEqual([uuid]);
    await crm("PUT", `/customers/${uuid}`, { deleted_at: null });
    // Confirmed already, so the mirror learns of the restore from the next pass.
    expect((await listTrash("customer", { search: "laterback", page: 1 })).rows.map((row) => row.uuid)).toEqual([uuid]);
    await requestSyncNow();
    await syncRunner().settled();
    expect((await listTrash("customer", { search: "laterback", page: 1 })).rows).toEqual([]);
  });
});

describe("deleting a customer with their open jobs", () => {
  it("deletes the open jobs first, marks them as deleted with the customer, and leaves finished ones", async () => {
    const { deleteCustomerById } = await import("@/lib/customers/customer-service.server");
    const { listTrash } = await import("@/lib/trash/trash-service.server");
    const customer = await newCustomer("Cascade");
    const open = [await newJob(customer, "Open one", "Scheduled"), await newJob(customer, "Open two", "New")];
    const done = await newJob(customer, "Finished", "Complete");

    const { jobsDeleted } = await deleteCustomerById(customer, key(), dana, { openJobs: "delete" });
    expect(jobsDeleted.map((job) => job.uuid).sort()).toEqual([...open].sort());
    expect((await crm("GET", `/jobs/${done}`)).deleted_at).toBeNull();
    const row = (await listTrash("customer", { search: "cascade", page: 1 })).rows[0]!;
    expect(row.jobs_deleted_with.map((job) => job.uuid).sort()).toEqual([...open].sort());
    const jobRows = (await listTrash("job", { search: "open ", page: 1 })).rows.filter((job) => open.includes(job.uuid));
    expect(jobRows).toHaveLength(2);
  });
});

describe("records deleted elsewhere", () => {
  it("appear after a full pass (Sync now), newest deletion first, with nobody named, at no CRM request per view", async () => {
    const { listTrash } = await import("@/lib/trash/trash-service.server");
    const { requestSyncNow } = await import("@/lib/mirror/sync-service.server");
    const { syncRunner } = await import("@/lib/mirror/sync-runner.server");
    const first = await newCustomer("Elsewhere");
    const second = await newCustomer("Elsewhere");
    await crm("DELETE", `/customers/${first}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await crm("DELETE", `/customers/${second}`);
    expect((await listTrash("customer", { search: "elsewhere", page: 1 })).rows).toEqual([]);

    await requestSyncNow();
    await syncRunner().settled();
    const page = await listTrash("customer", { search: "elsewhere", page: 1 });
    expect(page.rows.map((row) => row.uuid)).toEqual([second, first]);
    expect(page.rows[0]).toMatchObject({
      deleted_by: null,
      deleted_at: new Date((await crm("GET", `/customers/${second}?include_deleted=true`)).deleted_at as string).toISOString(),
    });
    expect(page.crm_requests).toBe(0);
    expect(page.asOf.lastFullPassAt).not.toBeNull();
  });

  it("pages with the limit asked, and counts every deleted record", async () => {
    const { listTrash } = await import("@/lib/trash/trash-service.server");
    const all = await listTrash("customer", { search: "", page: 1, limit: 100 });
    const firstTwo = await listTrash("customer", { search: "", page: 1, limit: 2 });
    const nextTwo = await listTrash("customer", { search: "", page: 2, limit: 2 });
    expect(firstTwo.pagination).toEqual({ page: 1, limit: 2, total: all.pagination.total });
    expect([...firstTwo.rows, ...nextTwo.rows].map((row) => row.uuid)).toEqual(all.rows.slice(0, 4).map((row) => row.uuid));
    const times = all.rows.map((row) => Date.parse(row.deleted_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});
