import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import { crm, type Row } from "./mirror-support";

/**
 * The mirror's read-through off the request's path (ADR-024): a list read
 * through the dashboard answers without waiting for the mirror, the mirror
 * holds what it carried for anyone who reads it afterwards, and a record read
 * again unchanged only moves its confirmation (no rewrite, the kept totals
 * still good), while one whose content moved is written in full.
 */
let sandbox: TestSandbox;
let session = "";
const ORIGIN = "http://localhost:3000";
const context = { params: Promise.resolve({}) };

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: { customers: 30, jobs: 40, seed: 7 }, monthlyQuota: 1_000_000 });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.APP_URL = ORIGIN;
  process.env.ADMIN_EMAIL = "read-through-admin@example.com";
  process.env.ADMIN_PASSWORD = "read-through-admin-password";
  process.env.MIRROR_SYNC = "off";
  process.env.LOG_LEVEL = "silent";
  // Every read goes to the CRM, as a cache miss does.
  process.env.CRM_CACHE_TTL_SECONDS = "0";
  const { ensureFirstAdmin } = await import("@/lib/auth/first-admin.server");
  const { signIn } = await import("@/lib/auth/sign-in.server");
  await ensureFirstAdmin();
  const result = await signIn({
    email: "read-through-admin@example.com",
    password: "read-through-admin-password",
    ip: "203.0.113.9",
    requestId: "t",
    headers: new Headers(),
  });
  if (!result.ok) throw new Error(result.message);
  session = result.setCookies[0]!.split(";")[0]!;
}, 120_000);

afterAll(async () => {
  await sandbox.close();
});

/** A gate that holds the mirror's queue until opened. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

async function listCustomers(): Promise<{ response: Response; body: { data: { customers: Row[] } } }> {
  const { GET } = await import("@/app/api/customers/route");
  const response = await GET(new Request(`${ORIGIN}/api/customers?limit=25`, { headers: { cookie: session } }), context);
  return { response, body: (await response.json()) as { data: { customers: Row[] } } };
}

describe("the read-through", () => {
  it("answers a list without waiting for the mirror, which then holds what the list carried for every reader", async () => {
    const { queueMirrorWrite } = await import("@/lib/mirror/read-through-queue.server");
    const { mirroredCustomer } = await import("@/lib/mirror/mirror-record.server");
    const held = gate();
    // Something earlier in the queue holds it: the list's own batch waits behind it.
    queueMirrorWrite(() => held.opened);
    let read: Awaited<ReturnType<typeof mirroredCustomer>> | "pending" = "pending";
    let reading: Promise<unknown> = Promise.resolve();
    try {
      const { response, body } = await listCustomers();
      expect(response.status).toBe(200);
      const first = body.data.customers[0]!;

      // The mirror is not read past the held queue...
      reading = mirroredCustomer(first.uuid).then((found) => (read = found));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(read).toBe("pending");
    } finally {
      // ...and once the queue moves, the record the list carried is there.
      held.open();
    }
    await reading;
    const first = (await listCustomers()).body.data.customers[0]!;
    expect(read).not.toBeNull();
    expect((read as unknown as { record: Row }).record.uuid).toBe(first.uuid);
  });

  it("names its phases in Server-Timing: the session, the CRM's wait, the answer validated", async () => {
    const { response } = await listCustomers();
    const timing = response.headers.get("server-timing") ?? "";
    expect(timing).toMatch(/cache;desc="miss"/);
    expect(timing).toMatch(/crm;dur=\d+\.\d;desc="1 call"/);
    expect(timing).toMatch(/session;dur=\d+\.\d/);
    expect(timing).toMatch(/validate;dur=\d+\.\d/);
  });

  it("keeps writing batches after one fails, and a batch that reads the mirror does not wait for itself", async () => {
    const { queueMirrorWrite, mirrorWritesSettled } = await import("@/lib/mirror/read-through-queue.server");
    const { mirrorDatabase } = await import("@/lib/mirror/mirror-db.server");
    const ran: string[] = [];
    queueMirrorWrite(async () => {
      throw new Error("a batch that fails");
    });
    queueMirrorWrite(async () => {
      const { db } = await mirrorDatabase();
      await sql`select 1`.execute(db);
      ran.push("read inside a batch");
    });
    await mirrorWritesSettled();
    expect(ran).toEqual(["read inside a batch"]);
  });
});

describe("a record read again", () => {
  async function scope(): Promise<string> {
    const { currentMirrorScope } = await import("@/lib/mirror/mirror-scope.server");
    return currentMirrorScope();
  }

  it("unchanged, only moves its confirmation: the row is not rewritten and the kept totals stay good", async () => {
    const store = await import("@/lib/mirror/mirror-store.server");
    const { cachedTotal } = await import("@/lib/mirror/mirror-totals.server");
    const { mirrorDatabase } = await import("@/lib/mirror/mirror-db.server");
    const customers = (await crm(sandbox, "GET", "/customers?limit=5")).customers as never[];
    const where = await scope();
    await store.upsertCustomers(where, customers, new Date("2030-01-01T10:00:00Z"));

    let counted = 0;
    const total = () => cachedTotal(where, "read-through-test", async () => (counted += 1));
    await total();
    const { db } = await mirrorDatabase();
    const uuids = customers.map((customer: Row) => customer.uuid.toLowerCase());

    expect(await store.upsertCustomers(where, customers, new Date("2030-01-01T10:05:00Z"))).toBe(0);
    await total();
    expect(counted).toBe(1);
    const after = await sql<{ confirmed_at: Date | string; record_hash: string | null }>`
      select confirmed_at, record_hash from mirror_customers where scope = ${where} and uuid = any(${uuids}::text[])`.execute(db);
    expect(after.rows).toHaveLength(customers.length);
    for (const row of after.rows) {
      expect(new Date(row.confirmed_at).toISOString()).toBe("2030-01-01T10:05:00.000Z");
      expect(row.record_hash).toEqual(expect.any(String));
    }
    // An older confirmation never moves it back.
    await store.upsertCustomers(where, customers, new Date("2030-01-01T10:01:00Z"));
    const kept = await sql<{ confirmed_at: Date | string }>`select confirmed_at from mirror_customers where scope = ${where} and uuid = ${uuids[0]}`.execute(
      db,
    );
    expect(new Date(kept.rows[0]!.confirmed_at).toISOString()).toBe("2030-01-01T10:05:00.000Z");
  });

  it("with a newer version, or the same version whose embedded customer changed, is written in full", async () => {
    const store = await import("@/lib/mirror/mirror-store.server");
    const { mirrorDatabase } = await import("@/lib/mirror/mirror-db.server");
    const where = await scope();
    const [job] = (await crm(sandbox, "GET", "/jobs?limit=1")).jobs as Array<Row & { customer: Row | null; updated_at: string }>;
    if (!job?.customer) throw new Error("the seeded job has no customer");
    await store.upsertJobs(where, [job] as never[], new Date("2030-01-01T11:00:00Z"));

    // The CRM renamed the customer; the job's own updated_at did not move, its embedded customer did.
    const renamed = { ...job, customer: { ...job.customer, first_name: "Renamed", last_name: "Elsewhere" } };
    expect(await store.upsertJobs(where, [renamed] as never[], new Date("2030-01-01T11:01:00Z"))).toBe(1);
    const { db } = await mirrorDatabase();
    const row = await sql<{ customer_name: string }>`select customer_name from mirror_jobs where scope = ${where} and uuid = ${job.uuid.toLowerCase()}`.execute(
      db,
    );
    expect(row.rows[0]?.customer_name).toContain("renamed");

    const newer = { ...renamed, title: "Changed title", updated_at: new Date(Date.parse(job.updated_at) + 60_000).toISOString() };
    expect(await store.upsertJobs(where, [newer] as never[], new Date("2030-01-01T11:02:00Z"))).toBe(1);
    const titled = await sql<{ title: string }>`select title from mirror_jobs where scope = ${where} and uuid = ${job.uuid.toLowerCase()}`.execute(db);
    expect(titled.rows[0]?.title).toBe("Changed title");
    // And the older copy read again afterwards changes nothing.
    expect(await store.upsertJobs(where, [job] as never[], new Date("2030-01-01T11:03:00Z"))).toBe(0);
  });
});
