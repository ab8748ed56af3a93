import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import { crm, crmAll, setSandboxUsage, type Row } from "../mirror/mirror-support";

/**
 * The customer and job list routes (ADR-017) through the real auth stack,
 * against a seeded sandbox and a mirror filled by a real full pass: a plain
 * list is the CRM's; a sort or a filter the CRM lacks is the mirror's, and
 * matches what the CRM holds, computed here from its own records; what the
 * screen does not offer is a 400 naming what it does; a CRM that fails or is
 * out of quota leaves the plain list to the mirror, marked with its age.
 */
let sandbox: TestSandbox;
let customers: Row[];
let jobs: Row[];
const ORIGIN = "http://localhost:3000";
let session = "";

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: { customers: 90, jobs: 160, seed: 31 }, monthlyQuota: 1_000_000 });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.APP_URL = ORIGIN;
  process.env.ADMIN_EMAIL = "lists-admin@example.com";
  process.env.ADMIN_PASSWORD = "lists-admin-password";
  process.env.MIRROR_SYNC = "off";
  process.env.LOG_LEVEL = "silent";
  const extras = [
    { tags: ["Gold", "Boiler"], lead_source: "Referral", marketing_email_opt_in: true, marketing_sms_opt_in: false },
    { tags: ["gold"], lead_source: "Yelp", marketing_email_opt_in: false, marketing_sms_opt_in: true },
    { tags: ["Boiler"], lead_source: "Referral", marketing_email_opt_in: true, marketing_sms_opt_in: true },
  ];
  for (const [index, flags] of extras.entries()) {
    await crm(sandbox, "POST", "/customers", {
      first_name: `Listed${"ABC"[index]}`,
      last_name: "Extras",
      email: `listed${index}@example.com`,
      physical_city: "Springfield",
      physical_zip: `6270${index}`,
      internal_flags: { tradesdesk: flags },
    });
  }
  const { ensureFirstAdmin } = await import("@/lib/auth/first-admin.server");
  const { signIn } = await import("@/lib/auth/sign-in.server");
  await ensureFirstAdmin();
  const result = await signIn({
    email: "lists-admin@example.com",
    password: "lists-admin-password",
    ip: "203.0.113.7",
    requestId: "t",
    headers: new Headers(),
  });
  if (!result.ok) throw new Error(result.message);
  session = result.setCookies[0]!.split(";")[0]!;
  const { SyncRunner } = await import("@/lib/mirror/sync-runner.server");
  const pass = await new SyncRunner({ sleep: async () => undefined }).runOnce();
  if (pass.state !== "ran") throw new Error(`the pass did not run: ${JSON.stringify(pass)}`);
  customers = (await crmAll(sandbox, "customers")).filter((row) => row.deleted_at === null);
  jobs = (await crmAll(sandbox, "jobs")).filter((row) => row.deleted_at === null);
}, 120_000);

afterAll(async () => {
  await sandbox.close();
});

const context = { params: Promise.resolve({}) };

interface ListBody {
  success: boolean;
  data: {
    customers?: Row[];
    jobs?: Row[];
    pagination: { page: number; limit: number; total: number; total_pages: number };
    source: { from: "crm" } | { from: "mirror"; reason: string; asOf: { lastFullPassAt: string | null; oldestConfirmedAt: string | null } };
  };
  code?: string;
  fields?: Record<string, string>;
}

async function list(resource: "customers" | "jobs", query: string): Promise<{ status: number; body: ListBody }> {
  const route = resource === "customers" ? await import("@/app/api/customers/route") : await import("@/app/api/jobs/route");
  const response = await route.GET(new Request(`${ORIGIN}/api/${resource}?${query}`, { headers: { cookie: session } }), context);
  return { status: response.status, body: (await response.json()) as ListBody };
}

type Key = string | number | null;
/** ORDER BY key dir NULLS LAST, uuid dir: the mirror's order (C collation: code points). */
function ordered(rows: Row[], key: (row: Row) => Key, direction: "asc" | "desc"): string[] {
  const sign = direction === "asc" ? 1 : -1;
  const compare = (a: Key, b: Key) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : (a < b ? -1 : 1) * sign);
  return [...rows].sort((a, b) => compare(key(a), key(b)) || (a.uuid < b.uuid ? -1 : 1) * sign).map((row) => row.uuid);
}
const flags = (row: Row) => ((row.internal_flags as { tradesdesk?: Record<string, unknown> } | null)?.tradesdesk ?? {}) as Record<string, unknown>;
const day = (value: unknown) => (typeof value === "string" ? value.slice(0, 10) : null);
const byNewest = (rows: Row[]) => ordered(rows, (row) => new Date(row.created_at as string).toISOString(), "desc");
const uuids = (rows: Row[] | undefined) => (rows ?? []).map((row) => row.uuid);

describe("who answers a list", () => {
  it("the CRM answers a plain list, as it always has", async () => {
    const { status, body } = await list("customers", "filter=residential&limit=25");
    expect(status).toBe(200);
    expect(body.data.source).toEqual({ from: "crm" });
    const crmPage = await crm(sandbox, "GET", "/customers?filter=residential&limit=25");
    expect(uuids(body.data.customers)).toEqual(uuids(crmPage.customers as Row[]));
  });

  it("the mirror answers a sorted customer list, every page in order, with exact totals and its age", async () => {
    const expected = ordered(customers, (row) => `${row.last_name as string} ${row.first_name as string}`.trim().toLowerCase(), "desc");
    const first = await list("customers", "sort=-last_name&limit=25");
    const second = await list("customers", "sort=-last_name&limit=25&page=2");
    expect(first.body.data.source).toMatchObject({ from: "mirror", reason: "sort", asOf: { lastFullPassAt: expect.any(String) } });
    expect([...uuids(first.body.data.customers), ...uuids(second.body.data.customers)]).toEqual(expected.slice(0, 50));
    expect(second.body.data.pagination).toEqual({ page: 2, limit: 25, total: customers.length, total_pages: Math.ceil(customers.length / 25) });
    // The rows are the CRM's records with the dashboard's extras, as the CRM's answer would have them.
    expect(first.body.data.customers![0]).toMatchObject({ uuid: expected[0], extras: { tags: expect.any(Array) } });
  });

  it("the mirror answers the filters the CRM lacks, combined with the CRM's own, newest first unless sorted", async () => {
    const check = async (query: string, predicate: (row: Row) => boolean) => {
      const { status, body } = await list("customers", `${query}&limit=100`);
      expect(status, query).toBe(200);
      expect(body.data.source, query).toMatchObject({ from: "mirror", reason: "filter" });
      const expected = byNewest(customers.filter(predicate));
      expect(expected.length, `${query} matches someone`).toBeGreaterThan(0);
      expect(uuids(body.data.customers), query).toEqual(expected);
      expect(body.data.pagination.total, query).toBe(expected.length);
    };
    const tags = (row: Row) => ((flags(row).tags as string[] | undefined) ?? []).map((tag) => tag.toLowerCase());
    await check("tag=GOLD", (row) => tags(row).includes("gold"));
    await check(
      "tag=boiler&email_opt_in=true&sms_opt_in=true",
      (row) => tags(row).includes("boiler") && flags(row).marketing_email_opt_in === true && flags(row).marketing_sms_opt_in === true,
    );
    await check("lead_source=Referral&search=extras", (row) => flags(row).lead_source === "Referral" && (row.last_name as string) === "Extras");
    await check(
      "city=springfield&zip=62701",
      (row) => (row.physical_city as string | null)?.toLowerCase() === "springfield" && ((row.physical_zip as string | null) ?? "").startsWith("62701"),
    );
  });

  it("the mirror sorts and filters jobs: dates, unassigned, unscheduled, with the CRM's status filter", async () => {
    const dated = jobs
      .map((row) => day(row.scheduled_date))
      .filter((value): value is string => value !== null)
      .sort();
    const from = dated[Math.floor(dated.length / 4)]!;
    const to = dated[Math.floor((dated.length * 3) / 4)]!;
    const inRange = (row: Row) => day(row.scheduled_date) !== null && day(row.scheduled_date)! >= from && day(row.scheduled_date)! <= to;

    const sorted = await list("jobs", `sort=scheduled_date&from=${from}&to=${to}&limit=100`);
    expect(sorted.body.data.source).toMatchObject({ from: "mirror", reason: "sort" });
    expect(uuids(sorted.body.data.jobs)).toEqual(ordered(jobs.filter(inRange), (row) => day(row.scheduled_date), "asc").slice(0, 100));

    const check = async (query: string, predicate: (row: Row) => boolean) => {
      const { body } = await list("jobs", `${query}&limit=100`);
      expect(body.data.source, query).toMatchObject({ from: "mirror", reason: "filter" });
      const expected = byNewest(jobs.filter(predicate));
      expect(expected.length, `${query} matches some job`).toBeGreaterThan(0);
      expect(uuids(body.data.jobs), query).toEqual(expected.slice(0, 100));
      expect(body.data.pagination.total, query).toBe(expected.length);
    };
    await check("unassigned=true", (row) => row.assigned_to_user_id === null);
    await check("unscheduled=true", (row) => row.scheduled_date === null);
    await check(
      `from=${from}&status=Scheduled,In Progress`,
      (row) => ["Scheduled", "In Progress"].includes(row.status as string) && day(row.scheduled_date) !== null && day(row.scheduled_date)! >= from,
    );

    const amounts = await list("jobs", "sort=-estimated_amount&limit=50&page=2");
    const byAmount = ordered(jobs, (row) => (row.estimated_amount === null ? null : Number(row.estimated_amount)), "desc");
    expect(uuids(amounts.body.data.jobs)).toEqual(byAmount.slice(50, 100));
  });
});

describe("what the lists do not offer", () => {
  it.each([
    ["customers", "sort=shoe_size", "sort", "last_name, company_name, customer_type, phone, email, physical_address, tags, created_at"],
    ["customers", "sort=-city", "sort", "Sort by one of"],
    ["customers", "lead_source=Radio", "lead_source", "Referral"],
    ["customers", "email_opt_in=maybe", "email_opt_in", "true or false"],
    ["customers", "colour=red", "colour", "not accepted"],
    [
      "jobs",
      "sort=-zip",
      "sort",
      "job_number, title, customer_name, status, priority, scheduled_date, assignee_name, location_name, estimated_amount, actual_amount, created_at",
    ],
    ["jobs", "from=2026-05-02&to=2026-05-01", "from", "is after To"],
    ["jobs", "from=2026-13-01", "from", "YYYY-MM-DD"],
    ["jobs", "unscheduled=true&to=2026-05-01", "unscheduled", "no date"],
    ["jobs", "unassigned=no", "unassigned", "true or left out"],
  ] as const)("%s?%s is a 400 on %s naming what is allowed", async (resource, query, field, allowed) => {
    const { status, body } = await list(resource, query);
    expect(status).toBe(400);
    expect(body).toMatchObject({ success: false, code: "validation", request_id: expect.any(String) });
    expect(body.fields?.[field]).toContain(allowed);
  });
});

describe("when the CRM can't answer", () => {
  it("a plain list falls back to the mirror when the CRM fails, marked with its age", async () => {
    sandbox.setFaults({ error_rate: 1 });
    try {
      // A page never asked for before: no cached answer to fall back on, only the mirror.
      const { status, body } = await list("customers", "filter=commercial&limit=50&page=1");
      expect(status).toBe(200);
      expect(body.data.source).toMatchObject({ from: "mirror", reason: "crm_unavailable", asOf: { lastFullPassAt: expect.any(String) } });
      const expected = byNewest(customers.filter((row) => row.customer_type === "Commercial"));
      expect(uuids(body.data.customers)).toEqual(expected.slice(0, 50));
      expect(body.data.pagination.total).toBe(expected.length);

      const jobsAnswer = await list("jobs", "status=New&limit=50");
      expect(jobsAnswer.status).toBe(200);
      expect(jobsAnswer.body.data.source).toMatchObject({ from: "mirror", reason: "crm_unavailable" });
      expect(uuids(jobsAnswer.body.data.jobs)).toEqual(byNewest(jobs.filter((row) => row.status === "New")).slice(0, 50));
    } finally {
      sandbox.setFaults(null);
    }
  }, 30_000);

  it("and when the month's requests are used up", async () => {
    await setSandboxUsage(sandbox, 1_000_000);
    try {
      const { status, body } = await list("jobs", "priority=High&limit=100");
      expect(status).toBe(200);
      expect(body.data.source).toMatchObject({ from: "mirror", reason: "usage_limit" });
      expect(uuids(body.data.jobs)).toEqual(byNewest(jobs.filter((row) => row.priority === "High")).slice(0, 100));
    } finally {
      await setSandboxUsage(sandbox, 0);
    }
  });
});
