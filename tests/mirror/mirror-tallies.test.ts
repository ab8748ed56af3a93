import fc from "fast-check";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The mirror's tallies (kept by triggers as rows are written) against a real
 * count(*) of the rows, after any sequence of the writes sync and the
 * dashboard make: batches of upserts (new rows, newer versions that change
 * type, VIP, status or deletion, older versions that must change nothing),
 * deletes marked by the dashboard, and records removed as gone.
 */
beforeAll(() => {
  process.env.APP_DATA_DIR = "memory";
  process.env.LOG_LEVEL = "silent";
  process.env.MIRROR_SYNC = "off";
});

const UUIDS = Array.from({ length: 12 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
const STATUSES = ["New", "Scheduled", "In Progress", "Complete"] as const;

const version = fc.record({
  uuid: fc.constantFrom(...UUIDS),
  minute: fc.integer({ min: 0, max: 50 }),
  commercial: fc.boolean(),
  vip: fc.boolean(),
  status: fc.constantFrom(...STATUSES),
  deleted: fc.boolean(),
});
type Version = typeof version extends fc.Arbitrary<infer T> ? T : never;

const operation = fc.oneof(
  fc.record({ kind: fc.constant("upsert" as const), batch: fc.array(version, { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant("mark_deleted" as const), uuid: fc.constantFrom(...UUIDS), minute: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant("remove" as const), keep: fc.subarray(UUIDS) }),
);

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();

function customer(v: Version) {
  return {
    uuid: v.uuid,
    first_name: "Ada",
    last_name: `Lane ${v.uuid.slice(-2)}`,
    company_name: null,
    email: null,
    phone: null,
    customer_type: v.commercial ? "Commercial" : "Residential",
    is_vip: v.vip,
    physical_address1: null,
    physical_address2: null,
    physical_city: null,
    physical_state: null,
    physical_zip: null,
    billing_address1: null,
    billing_address2: null,
    billing_city: null,
    billing_state: null,
    billing_zip: null,
    primary_service_location_uuid: null,
    notes: null,
    on_my_way_notify_via: null,
    internal_flags: null,
    created_at: at(0),
    updated_at: at(v.minute),
    deleted_at: v.deleted ? at(v.minute) : null,
  };
}

function job(v: Version) {
  return {
    uuid: v.uuid,
    job_number: null,
    customer_uuid: null,
    location_uuid: null,
    assigned_to_user_id: null,
    title: "Drain repair",
    description: null,
    status: v.status,
    priority: "Normal",
    is_urgent: false,
    is_emergency: false,
    service_address1: null,
    service_address2: null,
    service_city: null,
    service_state: null,
    service_zip: null,
    estimated_amount: null,
    actual_amount: null,
    scheduled_date: null,
    scheduled_time_start: null,
    scheduled_time_end: null,
    started_at: null,
    completed_at: null,
    invoiced_at: null,
    paid_at: null,
    internal_notes: null,
    customer_notes: null,
    customer: null,
    assigned_user: null,
    created_at: at(0),
    updated_at: at(v.minute),
    deleted_at: v.deleted ? at(v.minute) : null,
  };
}

describe("the mirror's tallies", () => {
  it("always equal a count of the rows, active and deleted apart, after any sequence of writes", async () => {
    const store = await import("@/lib/mirror/mirror-store.server");
    const { readTallies, customerTotal, jobTotal } = await import("@/lib/mirror/mirror-tallies.server");
    const { mirrorDatabase } = await import("@/lib/mirror/mirror-db.server");
    const { db } = await mirrorDatabase();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
        const scope = `tally-${(run += 1)}`;
        for (const op of operations) {
          if (op.kind === "upsert") {
            await store.upsertCustomers(scope, op.batch.map(customer) as never, new Date());
            await store.upsertJobs(scope, op.batch.map(job) as never, new Date());
          } else if (op.kind === "mark_deleted") {
            await store.markDeleted(scope, "customers", op.uuid, new Date(at(op.minute)));
            await store.markDeleted(scope, "jobs", op.uuid, new Date(at(op.minute)));
          } else {
            // A pass confirmed only these: the rest are gone from the CRM.
            await store.removeUnconfirmed(scope, "customers", new Date(Date.now() + 60_000), op.keep);
            await store.removeUnconfirmed(scope, "jobs", new Date(Date.now() + 60_000), op.keep);
          }
        }
        const customers = await sql<{ type: string; vip: boolean; deleted: boolean; n: string }>`
          select customer_type as type, is_vip as vip, deleted_at is not null as deleted, count(*)::text as n
          from mirror_customers where scope = ${scope} group by 1, 2, 3`.execute(db);
        const jobs = await sql<{ status: string; deleted: boolean; n: string }>`
          select status, deleted_at is not null as deleted, count(*)::text as n from mirror_jobs where scope = ${scope} group by 1, 2`.execute(db);
        const tallies = await readTallies(scope);
        for (const deleted of [false, true]) {
          for (const type of ["Residential", "Commercial"]) {
            for (const vip of [false, true]) {
              const counted = customers.rows.find((row) => row.type === type && row.vip === vip && row.deleted === deleted);
              expect(customerTotal(tallies, { deleted, type, vip })).toBe(Number(counted?.n ?? 0));
            }
          }
          for (const status of STATUSES) {
            const counted = jobs.rows.find((row) => row.status === status && row.deleted === deleted);
            expect(jobTotal(tallies, { deleted, statuses: [status] })).toBe(Number(counted?.n ?? 0));
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("fold into one row per bucket when they pile up, and still count what was written meanwhile", async () => {
    const store = await import("@/lib/mirror/mirror-store.server");
    const { readTallies, customerTotal } = await import("@/lib/mirror/mirror-tallies.server");
    const { mirrorDatabase } = await import("@/lib/mirror/mirror-db.server");
    const { db } = await mirrorDatabase();
    const scope = "tally-fold";
    // 250 single-row writes: 250 rows of changes, past the fold threshold.
    for (let index = 0; index < 250; index += 1) {
      const uuid = `00000000-0000-4000-9000-${String(index).padStart(12, "0")}`;
      await store.upsertCustomers(
        scope,
        [customer({ uuid, minute: 1, commercial: index % 5 === 0, vip: false, status: "New", deleted: false })] as never,
        new Date(),
      );
    }
    const rowsOf = async () => Number((await sql<{ n: string }>`select count(*)::text as n from mirror_tallies where scope = ${scope}`.execute(db)).rows[0]!.n);
    expect(await rowsOf()).toBe(250);
    const before = await readTallies(scope);
    expect(customerTotal(before, { deleted: false })).toBe(250);
    expect(await rowsOf()).toBe(2);
    expect(customerTotal(await readTallies(scope), { deleted: false, type: "Commercial" })).toBe(50);
  }, 60_000);
});
