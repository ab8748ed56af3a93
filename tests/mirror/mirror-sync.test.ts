import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import { crm, crmAll, iso, sandboxUsage, setSandboxUsage, type Row } from "./mirror-support";

/**
 * The mirror's sync against a real sandbox CRM over HTTP and the app's own
 * PGlite: full passes under injected faults, a pass stopped and resumed,
 * changes made in the CRM directly, the monthly limit, a record the
 * dashboard cannot read, and what each costs in CRM requests.
 */
let sandbox: TestSandbox;
const QUOTA = 1_000_000;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: { customers: 160, jobs: 320, seed: 11 }, monthlyQuota: QUOTA });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.CRM_CACHE_TTL_SECONDS = "15";
  process.env.CRM_TIMEOUT_MS = "3000";
  process.env.LOG_LEVEL = "silent";
}, 120_000);

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  sandbox.setFaults(null);
});

const noWait = async () => undefined;
const admin = { actor: { id: "admin-id", email: "admin@example.com" }, requestId: "test" };

async function runner(options: { now?: () => Date } = {}) {
  const { SyncRunner } = await import("@/lib/mirror/sync-runner.server");
  return new SyncRunner({ sleep: noWait, concurrency: 2, ...options });
}

async function scope() {
  return (await import("@/lib/mirror/mirror-scope.server")).currentMirrorScope();
}

async function mirrorTable(resource: "customers" | "jobs" | "locations"): Promise<Row[]> {
  const { mirrorDatabase } = await import("@/lib/mirror/mirror-db.server");
  const { db } = await mirrorDatabase();
  const s = await scope();
  if (resource === "locations") {
    const rows = await db.selectFrom("mirror_locations").select(["uuid", "record", "updated_at", "deleted_at"]).where("scope", "=", s).execute();
    return rows.map((row) => ({ ...row }));
  }
  const { sql } = await import("kysely");
  const rows = (
    await sql<Row & { record: Record<string, unknown>; updated_at: Date; deleted_at: Date | null }>`
      select m.uuid, x.record, m.updated_at, m.deleted_at from ${sql.table(`mirror_${resource}`)} m
      left join mirror_records x on x.scope = m.scope and x.resource = ${resource} and x.uuid = m.uuid
      where m.scope = ${s}`.execute(db)
  ).rows;
  // Every row has its record, and exactly one.
  const records = await db.selectFrom("mirror_records").select("uuid").where("scope", "=", s).where("resource", "=", resource).execute();
  expect(records.length).toBe(rows.length);
  return rows.map((row) => ({ ...row, uuid: row.uuid }));
}

/** The mirror holds exactly the CRM's records, each as the CRM has it now. */
async function expectMirrorEqualsCrm() {
  for (const resource of ["customers", "jobs", "locations"] as const) {
    const expected = await crmAll(sandbox, resource);
    const mirrored = new Map((await mirrorTable(resource)).map((row) => [row.uuid, row]));
    expect(mirrored.size, `${resource}: one row per record`).toBe(expected.length);
    for (const record of expected) {
      const row = mirrored.get(record.uuid);
      expect(row, `${resource} ${record.uuid} is mirrored`).toBeDefined();
      expect(iso(row!.updated_at), `${resource} ${record.uuid} updated_at`).toBe(iso(record.updated_at));
      expect(iso(row!.deleted_at), `${resource} ${record.uuid} deleted_at`).toBe(iso(record.deleted_at));
      const stored = row!.record as Record<string, unknown>;
      // The stored record is the CRM's (parsed), field by field.
      for (const field of resource === "customers"
        ? ["first_name", "last_name", "email", "phone", "physical_address1", "physical_zip", "is_vip"]
        : resource === "jobs"
          ? ["title", "status", "priority", "scheduled_date", "assigned_to_user_id", "service_city"]
          : ["name", "city"]) {
        if (field === "scheduled_date") expect(iso(stored[field]), `${resource}.${field}`).toBe(iso(record[field]));
        else expect(stored[field] ?? null, `${resource}.${field}`).toEqual(record[field] ?? null);
      }
    }
  }
}

describe("the full pass", () => {
  it("ends with the mirror equal to the CRM row by row, with 20% of CRM requests failing", async () => {
    sandbox.setFaults({ error_rate: 0.2, seed: 5 });
    const sync = await runner();
    const result = await sync.runOnce();
    const injected = sandbox.faults().stats.errors;
    sandbox.setFaults(null);
    expect(result).toMatchObject({ state: "ran", did: ["full_pass"], pass: { state: "complete" } });
    expect(injected).toBeGreaterThan(0);
    await expectMirrorEqualsCrm();

    const { loadSyncRow } = await import("@/lib/mirror/sync-state.server");
    const row = await loadSyncRow(await scope());
    expect(row.pass).toBeNull();
    expect(row.lastPassCompletedAt).not.toBeNull();
  }, 120_000);

  it("resumes after being stopped midway, from the page it reached, with no duplicate and no missing row", async () => {
    const { loadSyncRow } = await import("@/lib/mirror/sync-state.server");
    // Slow pages, so the stop lands in the middle.
    sandbox.setFaults({ latency_ms: 120 });
    const first = await runner();
    const running = first.runOnce({ force: true });
    for (let i = 0; i < 200; i += 1) {
      const pass = (await loadSyncRow(await scope())).pass;
      const done = pass?.resources.reduce((sum, entry) => sum + entry.donePages.length, 0) ?? 0;
      if (done >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await first.stop(); // the process "dies": the pass stays where it was
    await expect(running).resolves.toMatchObject({ pass: { state: "aborted" } });
    sandbox.setFaults(null);
    const saved = (await loadSyncRow(await scope())).pass;
    expect(saved).not.toBeNull();
    const pagesSaved = saved!.resources.reduce((sum, entry) => sum + entry.donePages.length, 0);
    expect(pagesSaved).toBeGreaterThanOrEqual(3);
    expect(saved!.resources.find((entry) => entry.resource === "jobs")!.donePages.length).toBeLessThan(4);

    // Meanwhile, in the CRM: a record created at the head of the list (a page already read),
    // which pushes every older one a place down.
    const created = await crm(sandbox, "POST", "/customers", { first_name: "Resumed", last_name: "Newcomer", phone: "206-555-0101" });

    const before = await sandboxUsage(sandbox);
    const second = await runner(); // a new process
    const result = await second.runOnce();
    expect(result).toMatchObject({ state: "ran", did: ["full_pass"], pass: { state: "complete" } });
    const spent = (await sandboxUsage(sandbox)) - before;
    // Only the pages not done (plus the heads look afterwards): 2 customer + 4 job + 1 location pages in all.
    expect(spent).toBeLessThan(7 + 2);
    await expectMirrorEqualsCrm();
    const mirrored = await mirrorTable("customers");
    expect(mirrored.some((row) => row.uuid === created.uuid)).toBe(true);
  }, 120_000);
});

describe("changes made in the CRM directly", () => {
  it("a customer deleted in the CRM shows as deleted after a sync; one created there is found by address", async () => {
    const { queryCustomers, queryDeleted, lookupAddress } = await import("@/lib/mirror/mirror-queries.server");
    const customers = await crmAll(sandbox, "customers");
    const victim = customers.find((customer) => customer.deleted_at === null)!;
    await crm(sandbox, "DELETE", `/customers/${victim.uuid}`);
    await (await runner()).runOnce({ force: true });
    const trash = await queryDeleted("customers", { limit: 200 });
    expect(trash.rows.map((row) => row.uuid)).toContain(victim.uuid);
    const active = await queryCustomers({ limit: 200 });
    expect(active.rows.map((row) => row.uuid)).not.toContain(victim.uuid);

    // Created elsewhere after the pass: the next look at the heads finds it, for two requests.
    const created = await crm(sandbox, "POST", "/customers", {
      first_name: "Addie",
      last_name: "Lookup",
      phone: "206-555-0188",
      physical_address1: "9917 Quillayute Lane",
      physical_city: "Forks",
      physical_state: "WA",
      physical_zip: "98331",
    });
    const later = Date.now() + 6 * 3_600_000;
    const sync = await runner({ now: () => new Date(later) });
    const before = await sandboxUsage(sandbox);
    const result = await sync.runOnce();
    expect(result).toMatchObject({ state: "ran", did: expect.arrayContaining(["heads"]) });
    // The head pages of customers and jobs (this runner's clock also makes the open jobs due).
    const headsCost = (await sandboxUsage(sandbox)) - before;
    expect(headsCost).toBeGreaterThanOrEqual(2);
    expect(headsCost).toBeLessThanOrEqual(2 + 4);

    for (const q of ["9917 quill", "Quillayute", "forks", "98331", "9917 Quillayute Ln, Forks WA"]) {
      const found = await lookupAddress({ q: q.replace("Ln", "Lane") });
      expect(
        found.rows.map((row) => row.customer_uuid),
        q,
      ).toContain(created.uuid);
      expect(found.rows.find((row) => row.customer_uuid === created.uuid)).toMatchObject({
        matched: "physical",
        customer_name: "Addie Lookup",
        address: "9917 Quillayute Lane, Forks, WA 98331",
      });
    }
    expect((await lookupAddress({ q: "917 quillayute" })).rows.map((row) => row.customer_uuid)).not.toContain(created.uuid);
  });

  it("finds customers by the service address of their jobs", async () => {
    const { lookupAddress } = await import("@/lib/mirror/mirror-queries.server");
    const { createJob } = await import("@/lib/crm/jobs.server");
    const customer = await crm(sandbox, "POST", "/customers", { first_name: "Servia", last_name: "Sitework", phone: "206-555-0177" });
    const job = await createJob(
      { customer_uuid: customer.uuid, title: "Gutter clean", service_address1: "77 Zephyrhills Court", service_city: "Tacoma", service_zip: "98402" },
      `mirror-test-${Date.now()}`,
    );
    const found = await lookupAddress({ q: "77 zephyr" });
    expect(found.rows).toEqual([
      expect.objectContaining({ matched: "service", customer_uuid: customer.uuid, job_uuid: job.data.uuid, customer_name: "Servia Sitework" }),
    ]);
    expect(found.total).toBe(1);
  });
});

describe("read-through and write-through", () => {
  it("every write through the dashboard updates the mirror from the CRM's answer, at no extra request", async () => {
    const { createCustomer, updateCustomer, deleteCustomer, restoreCustomer } = await import("@/lib/crm/customers.server");
    const { updateJob, deleteJob, restoreJob, createJob } = await import("@/lib/crm/jobs.server");
    const { queryCustomers, queryDeleted, queryJobs } = await import("@/lib/mirror/mirror-queries.server");
    const key = () => `mirror-write-${Date.now()}-${Math.random()}`;
    const before = await sandboxUsage(sandbox);

    const created = await createCustomer({ first_name: "Wendy", last_name: "Writethrough", phone: "206-555-0190", physical_city: "Olympia" }, key());
    expect((await queryCustomers({ filters: { search: "writethrough" } })).rows).toEqual([
      expect.objectContaining({ uuid: created.data.uuid, city: "Olympia" }),
    ]);
    await updateCustomer(created.data.uuid, { physical_city: "Yakima" }, key());
    expect((await queryCustomers({ filters: { search: "writethrough" } })).rows[0]).toMatchObject({ city: "Yakima" });
    await deleteCustomer(created.data.uuid, key());
    expect((await queryCustomers({ filters: { search: "writethrough" } })).rows).toEqual([]);
    expect((await queryDeleted("customers", { search: "writethrough" })).rows.map((row) => row.uuid)).toEqual([created.data.uuid]);
    await restoreCustomer(created.data.uuid, key());
    expect((await queryCustomers({ filters: { search: "writethrough" } })).rows.map((row) => row.uuid)).toEqual([created.data.uuid]);

    const job = await createJob({ customer_uuid: created.data.uuid, title: "Writethrough boiler", priority: "Low" }, key());
    expect((await queryJobs({ filters: { search: "writethrough boiler" } })).rows).toEqual([
      expect.objectContaining({ uuid: job.data.uuid, priority: "Low", customer_name: "Wendy Writethrough" }),
    ]);
    await updateJob(job.data.uuid, { priority: "High", status: "Scheduled", scheduled_date: "2026-12-09" }, key());
    expect((await queryJobs({ filters: { search: "writethrough boiler" } })).rows[0]).toMatchObject({
      priority: "High",
      status: "Scheduled",
      scheduled_date: "2026-12-09",
    });
    await deleteJob(job.data.uuid, key());
    expect((await queryDeleted("jobs", { search: "writethrough boiler" })).rows.map((row) => row.uuid)).toEqual([job.data.uuid]);
    await restoreJob(job.data.uuid, key());
    expect((await queryJobs({ filters: { search: "writethrough boiler" } })).total).toBe(1);

    // Eight writes, eight requests: the mirror asked the CRM for nothing more.
    expect((await sandboxUsage(sandbox)) - before).toBe(8);
  });

  it("every answer the dashboard reads refreshes the rows it carries, at no extra request", async () => {
    const { listCustomers, getCustomer } = await import("@/lib/crm/customers.server");
    const { getJob } = await import("@/lib/crm/jobs.server");
    const { queryCustomers, queryJobs } = await import("@/lib/mirror/mirror-queries.server");
    const customer = (await crm(sandbox, "POST", "/customers", { first_name: "Rita", last_name: "Readthrough", phone: "206-555-0191" })) as Row;
    const job = (await crm(sandbox, "POST", "/jobs", { customer_uuid: customer.uuid, title: "Readthrough faucet" })) as Row;
    expect((await queryCustomers({ filters: { search: "readthrough" } })).total).toBe(0);

    const before = await sandboxUsage(sandbox);
    await listCustomers({ search: "readthrough" }, { cache: false });
    expect((await queryCustomers({ filters: { search: "readthrough" } })).rows.map((row) => row.uuid)).toEqual([customer.uuid]);

    await crm(sandbox, "PUT", `/customers/${customer.uuid}`, { physical_city: "Spokane" });
    await getCustomer(customer.uuid, { cache: false });
    expect((await queryCustomers({ filters: { search: "readthrough" } })).rows[0]).toMatchObject({ city: "Spokane" });

    await crm(sandbox, "PUT", `/jobs/${job.uuid}`, { status: "Contacted" });
    await getJob(job.uuid as string, { cache: false });
    expect((await queryJobs({ filters: { search: "readthrough faucet" } })).rows[0]).toMatchObject({ status: "Contacted" });
    // 3 reads (the 2 direct PUTs above count too): the mirror made none of its own.
    expect((await sandboxUsage(sandbox)) - before).toBe(3 + 2);
  });

  it("an answer read before a newer one never moves a row back", async () => {
    const { upsertCustomers } = await import("@/lib/mirror/mirror-store.server");
    const { queryCustomers } = await import("@/lib/mirror/mirror-queries.server");
    const { getCustomer, updateCustomer } = await import("@/lib/crm/customers.server");
    const customer = (await crm(sandbox, "POST", "/customers", {
      first_name: "Olga",
      last_name: "Outoforder",
      phone: "206-555-0192",
      physical_city: "Renton",
    })) as Row;
    const old = await getCustomer(customer.uuid, { cache: false });
    await updateCustomer(customer.uuid, { physical_city: "Kent" }, `ooo-${Date.now()}`);
    await upsertCustomers(await scope(), [old.data], new Date());
    expect((await queryCustomers({ filters: { search: "outoforder" } })).rows[0]).toMatchObject({ city: "Kent" });
  });
});

describe("problems", () => {
  it("skips a record the dashboard cannot read, lists it, and finishes the pass", async () => {
    const { listProblems, loadSyncRow } = await import("@/lib/mirror/sync-state.server");
    const customer = await crm(sandbox, "POST", "/customers", { first_name: "Ivy", last_name: "Invalid", phone: "206-555-0193" });
    await sandbox.db.query("update customers set customer_type = 'Martian' where uuid = $1", [customer.uuid]);
    const result = await (await runner()).runOnce({ force: true });
    expect(result).toMatchObject({ pass: { state: "complete" } });
    const problems = await listProblems(await scope());
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "invalid_record", resource: "customers", uuid: customer.uuid, message: expect.stringContaining("customer_type") }),
      ]),
    );
    expect((await mirrorTable("customers")).some((row) => row.uuid === customer.uuid)).toBe(false);
    expect((await loadSyncRow(await scope())).lastPassCompletedAt).not.toBeNull();
    // Everything else is mirrored; repaired, it comes in with the next pass.
    await sandbox.db.query("update customers set customer_type = 'Residential' where uuid = $1", [customer.uuid]);
    await (await runner()).runOnce({ force: true });
    await expectMirrorEqualsCrm();
  });

  it("stops at the CRM's monthly limit mid-pass, records why, and goes on when resumed", async () => {
    const { listProblems, loadSyncRow } = await import("@/lib/mirror/sync-state.server");
    const { getSyncStatus, updateSyncSettings } = await import("@/lib/mirror/sync-service.server");
    await setSandboxUsage(sandbox, QUOTA - 3);
    const sync = await runner();
    const result = await sync.runOnce({ force: true });
    expect(result).toMatchObject({ pass: { state: "halted", reason: "usage_limit" } });
    const row = await loadSyncRow(await scope());
    expect(row.haltedReason).toBe("usage_limit");
    expect(row.pass).not.toBeNull();
    expect((await listProblems(await scope()))[0]).toMatchObject({ kind: "usage_limit", message: expect.stringContaining("monthly request limit") });
    // Halted: the scheduled runs do nothing (and spend nothing).
    expect(await sync.runOnce()).toEqual({ state: "halted", reason: "usage_limit" });
    const status = await getSyncStatus();
    expect(status.halted).toMatchObject({ reason: "usage_limit" });
    expect(status.pass?.pagesDone).toBeGreaterThan(0);

    await setSandboxUsage(sandbox, 0);
    const { syncRunner } = await import("@/lib/mirror/sync-runner.server");
    await updateSyncSettings({ paused: false }, admin); // "Resume": lifts the stop and runs what is due
    await syncRunner().settled();
    const after = await loadSyncRow(await scope());
    expect(after.haltedReason).toBeNull();
    expect(after.pass).toBeNull();
    expect(after.lastPassCompletedAt!.getTime()).toBeGreaterThan(row.lastPassCompletedAt!.getTime());
    await expectMirrorEqualsCrm();
  });

  it("does nothing while paused, not even Sync now", async () => {
    const { updateSyncSettings, requestSyncNow } = await import("@/lib/mirror/sync-service.server");
    await updateSyncSettings({ paused: true }, admin);
    const before = await sandboxUsage(sandbox);
    expect(await (await runner()).runOnce({ force: true })).toEqual({ state: "paused" });
    await expect(requestSyncNow()).rejects.toMatchObject({ status: 409 });
    expect(await sandboxUsage(sandbox)).toBe(before);
    await updateSyncSettings({ paused: false }, admin);
  });
});

describe("the runner", () => {
  it("runs one at a time per key: a second runner finds the lock held and does nothing", async () => {
    // Resuming in the test before starts the server's own runner on what is due: let it finish first,
    // or it holds the lock and both runners here are (rightly) turned away.
    const { syncRunner } = await import("@/lib/mirror/sync-runner.server");
    await syncRunner().settled();
    const before = await sandboxUsage(sandbox);
    const [a, b] = await Promise.all([(await runner()).runOnce({ force: true }), (await runner()).runOnce({ force: true })]);
    const states = [a.state, b.state].sort();
    expect(states).toEqual(["busy", "ran"]);
    // One pass's worth of requests, not two.
    const { loadSyncRow } = await import("@/lib/mirror/sync-state.server");
    expect((await loadSyncRow(await scope())).pass).toBeNull();
    expect((await sandboxUsage(sandbox)) - before).toBeLessThan(2 * 8);
  });

  it("is driven by the timers it is given: first run after the start delay, then the next thing due", async () => {
    const { SyncRunner, MIN_TICK_MS, MAX_TICK_MS } = await import("@/lib/mirror/sync-runner.server");
    const timers: Array<{ run: () => void; ms: number }> = [];
    const sync = new SyncRunner({ sleep: noWait, setTimer: (run, ms) => timers.push({ run, ms }), clearTimer: () => undefined, firstRunDelayMs: 1234 });
    sync.start();
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(1234);
    timers[0]!.run();
    // The tick runs what is due (the last look for changes was at the last pass) and arms the next.
    for (let i = 0; i < 200 && timers.length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(timers).toHaveLength(2);
    expect(timers[1]!.ms).toBeGreaterThanOrEqual(MIN_TICK_MS);
    expect(timers[1]!.ms).toBeLessThanOrEqual(MAX_TICK_MS);
    await sync.stop();
  });
});
