import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import { crm, crmAll, type Row } from "./mirror-support";

/**
 * The mirror's queries against a mirror filled by a real full pass over a
 * seeded sandbox: every sort and filter is checked against the same
 * computation done here, in plain code, over the CRM's own records.
 */
let sandbox: TestSandbox;
let customers: Row[];
let jobs: Row[];
let locations: Row[];

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: { customers: 140, jobs: 260, seed: 23 }, monthlyQuota: 1_000_000 });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.LOG_LEVEL = "silent";
  // Tagged customers (the dashboard's extras live in internal_flags.tradesdesk).
  const extras = [
    { tags: ["Gold", "Boiler"], lead_source: "Referral", marketing_email_opt_in: true, marketing_sms_opt_in: false },
    { tags: ["gold"], lead_source: "Yelp", marketing_email_opt_in: false, marketing_sms_opt_in: true },
    { tags: ["Boiler"], lead_source: "Referral", marketing_email_opt_in: true, marketing_sms_opt_in: true },
  ];
  const tagged: Row[] = [];
  for (const [index, flags] of extras.entries()) {
    tagged.push(
      (await crm(sandbox, "POST", "/customers", {
        first_name: `Tagged${"ABC"[index]}`,
        last_name: "Extras",
        email: `tagged${index}@example.com`,
        internal_flags: { tradesdesk: flags },
      })) as Row,
    );
  }
  // The seed's jobs depend on the day it runs: one open urgent job, so the overview's urgent list is checked on any day.
  await crm(sandbox, "POST", "/jobs", { customer_uuid: tagged[0]!.uuid, title: "Urgent leak under the sink", status: "Scheduled", is_urgent: true });
  const { SyncRunner } = await import("@/lib/mirror/sync-runner.server");
  const result = await new SyncRunner({ sleep: async () => undefined }).runOnce();
  if (result.state !== "ran") throw new Error(`the pass did not run: ${JSON.stringify(result)}`);
  customers = await crmAll(sandbox, "customers");
  jobs = await crmAll(sandbox, "jobs");
  locations = await crmAll(sandbox, "locations");
  // A seeded sandbox and a full pass: generous on a busy machine.
}, 120_000);

afterAll(async () => {
  await sandbox.close();
});

type Key = string | number | boolean | null;
/** ORDER BY key dir NULLS LAST, uuid dir, with the C collation's order (code points). */
function sortedUuids(rows: Row[], key: (row: Row) => Key, direction: "asc" | "desc"): string[] {
  const sign = direction === "asc" ? 1 : -1;
  const compare = (a: Key, b: Key) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : (a < b ? -1 : 1) * sign);
  return [...rows].sort((a, b) => compare(key(a), key(b)) || (a.uuid < b.uuid ? -1 : 1) * sign).map((row) => row.uuid);
}

const lower = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim().toLowerCase() : null);
const active = (rows: Row[]) => rows.filter((row) => row.deleted_at === null);
const flags = (row: Row) => ((row.internal_flags as { tradesdesk?: Record<string, unknown> } | null)?.tradesdesk ?? {}) as Record<string, unknown>;
const day = (value: unknown) => (typeof value === "string" ? value.slice(0, 10) : null);
/** The mirror's address words (lib/mirror/mirror-records addressText): lower case, punctuation as spaces; none is null. */
const addressWords = (parts: unknown[]) =>
  parts
    .filter((part): part is string => typeof part === "string" && part.trim() !== "")
    .join(" ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, " ")
    .trim() || null;
const personKey = (person: unknown) => {
  const named = person as { first_name?: string; last_name?: string } | null;
  return named ? `${named.first_name ?? ""} ${named.last_name ?? ""}`.trim().toLowerCase() : "";
};
const PRIORITY = ["Low", "Normal", "High", "Emergency"];
const STATUS = [
  "New",
  "Contacted",
  "Estimate Sent",
  "Estimate Approved",
  "Scheduled",
  "In Progress",
  "Needs Approval",
  "Ready to Invoice",
  "Invoiced",
  "Complete",
];

describe("customers", () => {
  const cases: Array<[string, (row: Row) => Key]> = [
    ["last_name", (row) => `${row.last_name as string} ${row.first_name as string}`.trim().toLowerCase()],
    ["company_name", (row) => lower(row.company_name)],
    ["email", (row) => lower(row.email)],
    ["phone", (row) => (row.phone ? (row.phone as string).replace(/\D/g, "") || null : null)],
    ["city", (row) => lower(row.physical_city)],
    ["zip", (row) => lower(row.physical_zip)],
    ["is_vip", (row) => row.is_vip as boolean],
    ["customer_type", (row) => row.customer_type as string],
    ["lead_source", (row) => (flags(row).lead_source as string | undefined) ?? null],
    [
      "physical_address",
      (row) => addressWords(["physical_address1", "physical_address2", "physical_city", "physical_state", "physical_zip"].map((field) => row[field])),
    ],
    ["tags", (row) => ((flags(row).tags as string[] | undefined) ?? []).map((tag) => tag.toLowerCase()).join(" ") || null],
    ["created_at", (row) => row.created_at as string],
    ["updated_at", (row) => new Date(row.updated_at as string).toISOString()],
  ];
  for (const [sort, key] of cases) {
    for (const direction of ["asc", "desc"] as const) {
      it(`sorts by ${sort} ${direction}, every page in order`, async () => {
        const { queryCustomers } = await import("@/lib/mirror/mirror-queries.server");
        const expected = sortedUuids(active(customers), key, direction);
        const first = await queryCustomers({ sort: sort as never, direction, limit: 100, page: 1 });
        const second = await queryCustomers({ sort: sort as never, direction, limit: 100, page: 2 });
        expect([...first.rows, ...second.rows].map((row) => row.uuid)).toEqual(expected);
        expect(first.total).toBe(expected.length);
      });
    }
  }

  it("filters by type, VIP, city and ZIP like the records say", async () => {
    const { queryCustomers } = await import("@/lib/mirror/mirror-queries.server");
    const someone = active(customers).find((row) => row.physical_city && row.physical_zip)!;
    const check = async (filters: Record<string, unknown>, predicate: (row: Row) => boolean) => {
      const expected = sortedUuids(active(customers).filter(predicate), (row) => `${row.last_name as string} ${row.first_name as string}`.toLowerCase(), "asc");
      const answer = await queryCustomers({ filters: filters as never, limit: 200 });
      expect(
        answer.rows.map((row) => row.uuid),
        JSON.stringify(filters),
      ).toEqual(expected);
      expect(answer.total).toBe(expected.length);
      expect(expected.length, `${JSON.stringify(filters)} matches someone`).toBeGreaterThan(0);
    };
    await check({ type: "commercial" }, (row) => row.customer_type === "Commercial");
    await check({ type: "residential", vip: true }, (row) => row.customer_type === "Residential" && row.is_vip === true);
    await check({ city: (someone.physical_city as string).toUpperCase() }, (row) => lower(row.physical_city) === lower(someone.physical_city));
    await check(
      { zip: (someone.physical_zip as string).slice(0, 3) },
      (row) => typeof row.physical_zip === "string" && row.physical_zip.startsWith((someone.physical_zip as string).slice(0, 3)),
    );
    await check({ tag: "GOLD" }, (row) => ((flags(row).tags as string[] | undefined) ?? []).some((tag) => tag.toLowerCase() === "gold"));
    await check({ lead_source: "Referral", email_opt_in: true }, (row) => flags(row).lead_source === "Referral" && flags(row).marketing_email_opt_in === true);
    await check({ sms_opt_in: true }, (row) => flags(row).marketing_sms_opt_in === true);
  });

  it("searches as the CRM does: names, company, email, phone digits", async () => {
    const { queryCustomers } = await import("@/lib/mirror/mirror-queries.server");
    const someone = active(customers).find((row) => typeof row.phone === "string")!;
    const digits = (someone.phone as string).replace(/\D/g, "");
    for (const term of [someone.last_name as string, digits.slice(-7), `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`]) {
      const search = await crm(sandbox, "GET", `/customers?search=${encodeURIComponent(term)}&limit=100`);
      const expected = sortedUuids(search.customers as Row[], (row) => `${row.last_name as string} ${row.first_name as string}`.toLowerCase(), "asc");
      expect(
        (await queryCustomers({ filters: { search: term }, limit: 200 })).rows.map((row) => row.uuid),
        term,
      ).toEqual(expected);
    }
  });

  it("answers with its age", async () => {
    const { queryCustomers } = await import("@/lib/mirror/mirror-queries.server");
    const answer = await queryCustomers({ limit: 5 });
    expect(answer.asOf.lastFullPassAt).not.toBeNull();
    expect(Date.parse(answer.asOf.oldestConfirmedAt!)).toBeLessThanOrEqual(Date.now());
    expect(answer.rows.every((row) => Date.parse(row.confirmed_at) >= Date.parse(answer.asOf.oldestConfirmedAt!))).toBe(true);
  });
});

describe("jobs", () => {
  const cases: Array<[string, (row: Row) => Key]> = [
    ["job_number", (row) => row.job_number as string | null],
    ["title", (row) => (row.title as string).toLowerCase()],
    ["status", (row) => STATUS.indexOf(row.status as string)],
    ["priority", (row) => PRIORITY.indexOf(row.priority as string)],
    ["scheduled_date", (row) => day(row.scheduled_date)],
    ["estimated_amount", (row) => (row.estimated_amount === null ? null : Number(row.estimated_amount))],
    ["actual_amount", (row) => (row.actual_amount === null || row.actual_amount === undefined ? null : Number(row.actual_amount))],
    ["customer_name", (row) => personKey(row.customer)],
    ["assignee_name", (row) => personKey(row.assigned_user) || null],
    ["location_name", (row) => (locations.find((location) => location.uuid === row.location_uuid)?.name as string | undefined)?.toLowerCase() ?? null],
    ["created_at", (row) => row.created_at as string],
  ];
  for (const [sort, key] of cases) {
    for (const direction of ["asc", "desc"] as const) {
      it(`sorts by ${sort} ${direction}`, async () => {
        const { queryJobs } = await import("@/lib/mirror/mirror-queries.server");
        const expected = sortedUuids(active(jobs), key, direction);
        const pages = [];
        for (let page = 1; page <= 2; page += 1) pages.push(...(await queryJobs({ sort: sort as never, direction, limit: 200, page })).rows);
        expect(pages.map((row) => row.uuid)).toEqual(expected);
      });
    }
  }

  it("filters by status list, priority, assignee, unassigned, unscheduled and date range", async () => {
    const { queryJobs } = await import("@/lib/mirror/mirror-queries.server");
    const assigned = active(jobs).find((row) => row.assigned_to_user_id)!.assigned_to_user_id as string;
    const dated = active(jobs)
      .map((row) => day(row.scheduled_date))
      .filter((value): value is string => value !== null)
      .sort();
    const from = dated[Math.floor(dated.length / 4)]!;
    const to = dated[Math.floor((dated.length * 3) / 4)]!;
    const check = async (filters: Record<string, unknown>, predicate: (row: Row) => boolean) => {
      const expected = sortedUuids(active(jobs).filter(predicate), (row) => row.created_at as string, "desc");
      const answer = await queryJobs({ filters: filters as never, limit: 200 });
      expect(
        answer.rows.map((row) => row.uuid),
        JSON.stringify(filters),
      ).toEqual(expected.slice(0, 200));
      expect(answer.total).toBe(expected.length);
      expect(expected.length, `${JSON.stringify(filters)} matches some job`).toBeGreaterThan(0);
    };
    await check({ statuses: ["Scheduled", "In Progress"] }, (row) => row.status === "Scheduled" || row.status === "In Progress");
    await check({ priority: "High" }, (row) => row.priority === "High");
    await check({ assigned_to_user_id: assigned }, (row) => row.assigned_to_user_id === assigned);
    await check({ unassigned: true }, (row) => row.assigned_to_user_id === null);
    await check({ unscheduled: true }, (row) => row.scheduled_date === null);
    await check({ from, to }, (row) => day(row.scheduled_date) !== null && day(row.scheduled_date)! >= from && day(row.scheduled_date)! <= to);
    await check({ from, statuses: ["Scheduled"] }, (row) => row.status === "Scheduled" && day(row.scheduled_date) !== null && day(row.scheduled_date)! >= from);
  });

  it("lists a technician's schedule by day and start time", async () => {
    const { scheduleJobs } = await import("@/lib/mirror/mirror-queries.server");
    const assigned = active(jobs).find((row) => row.assigned_to_user_id && row.scheduled_date)!.assigned_to_user_id as string;
    const expected = active(jobs)
      .filter(
        (row) =>
          row.assigned_to_user_id === assigned &&
          row.scheduled_date !== null &&
          day(row.scheduled_date)! >= "2000-01-01" &&
          day(row.scheduled_date)! <= "2100-01-01",
      )
      .sort(
        (a, b) =>
          (day(a.scheduled_date)! < day(b.scheduled_date)! ? -1 : day(a.scheduled_date)! > day(b.scheduled_date)! ? 1 : 0) ||
          ((a.scheduled_time_start as string | null) ?? "\uffff").localeCompare((b.scheduled_time_start as string | null) ?? "\uffff") ||
          (a.uuid < b.uuid ? -1 : 1),
      )
      .map((row) => row.uuid);
    const answer = await scheduleJobs({ from: "2000-01-01", to: "2100-01-01", assigned_to_user_id: assigned });
    expect(answer.rows.map((row) => row.uuid)).toEqual(expected);
  });

  it("counts the overview and sorts the day at a glance for a given day", async () => {
    const { overviewFromMirror } = await import("@/lib/mirror/mirror-queries.server");
    const open = (row: Row) => row.status !== "Invoiced" && row.status !== "Complete";
    const days = active(jobs)
      .filter(open)
      .map((row) => day(row.scheduled_date))
      .filter((value): value is string => value !== null)
      .sort();
    const today = days[Math.floor(days.length / 2)]!;
    const overview = await overviewFromMirror({ day: today });
    expect(overview.customers.total).toBe(active(customers).length);
    expect(overview.customers.commercial).toBe(active(customers).filter((row) => row.customer_type === "Commercial").length);
    for (const { status, count } of overview.jobsByStatus) expect(count, status).toBe(active(jobs).filter((row) => row.status === status).length);
    expect(new Set(overview.today.map((row) => row.uuid))).toEqual(
      new Set(
        active(jobs)
          .filter((row) => open(row) && day(row.scheduled_date) === today)
          .map((row) => row.uuid),
      ),
    );
    const notStarted = ["New", "Contacted", "Estimate Sent", "Estimate Approved", "Scheduled"];
    const waiting = active(jobs).filter((row) => notStarted.includes(row.status as string) && day(row.scheduled_date) !== null);
    expect(waiting.length, "jobs not started, with a date").toBeGreaterThan(0);
    // The day after the latest of their dates: every one of them is overdue then.
    const latest = waiting
      .map((row) => day(row.scheduled_date)!)
      .sort()
      .at(-1)!;
    const later = new Date(Date.parse(`${latest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const overdue = waiting.filter((row) => day(row.scheduled_date)! < later);
    const laterView = await overviewFromMirror({ day: later });
    expect(overdue.length).toBe(waiting.length);
    expect(laterView.overdue.length).toBe(Math.min(50, overdue.length));
    // Oldest first, at most 50: the returned ones are the oldest of the overdue.
    const overdueIds = new Set(overdue.map((row) => row.uuid));
    expect(laterView.overdue.every((row) => overdueIds.has(row.uuid))).toBe(true);
    const dates = laterView.overdue.map((row) => row.scheduled_date!);
    expect(dates).toEqual([...dates].sort());
    expect(dates.at(-1)! <= overdue.map((row) => day(row.scheduled_date)!).sort()[Math.min(50, overdue.length) - 1]!).toBe(true);
    expect(overview.day).toBe(today);
    // Urgent: open jobs flagged urgent or emergency, emergencies first, each group by date (undated last).
    const isEmergency = (row: object) => {
      const flagged = row as { is_emergency?: unknown; priority?: unknown };
      return flagged.is_emergency === true || flagged.priority === "Emergency";
    };
    const urgent = active(jobs).filter((row) => open(row) && (row.is_urgent === true || isEmergency(row)));
    expect(urgent.length, "open urgent or emergency jobs").toBeGreaterThan(0);
    expect(overview.urgent.length).toBe(Math.min(50, urgent.length));
    const urgentIds = new Set(urgent.map((row) => row.uuid));
    expect(overview.urgent.every((row) => urgentIds.has(row.uuid))).toBe(true);
    const flags = overview.urgent.map((row) => isEmergency(row));
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    const emergencyCount = urgent.filter(isEmergency).length;
    expect(flags.filter(Boolean).length).toBe(Math.min(50, emergencyCount));
    for (const group of [true, false]) {
      const dates = overview.urgent.filter((row) => isEmergency(row) === group).map((row) => row.scheduled_date ?? "9999");
      expect(dates).toEqual([...dates].sort());
    }
    // The day in a time zone: late evening in Los Angeles is already tomorrow in UTC.
    const evening = new Date("2026-03-10T05:30:00Z");
    expect((await overviewFromMirror({ timeZone: "America/Los_Angeles", now: evening })).day).toBe("2026-03-09");
    expect((await overviewFromMirror({ timeZone: "UTC", now: evening })).day).toBe("2026-03-10");
  });
});

describe("the trash and the address lookup", () => {
  it("lists deleted records, most recently deleted first", async () => {
    const { queryDeleted } = await import("@/lib/mirror/mirror-queries.server");
    const deleted = customers.filter((row) => row.deleted_at !== null);
    const expected = sortedUuids(deleted, (row) => new Date(row.deleted_at as string).toISOString(), "desc");
    const answer = await queryDeleted("customers", { limit: 200 });
    expect(answer.rows.map((row) => row.uuid)).toEqual(expected);
    expect(answer.rows.every((row) => row.deleted_at !== null)).toBe(true);
    const deletedJobs = await queryDeleted("jobs", { limit: 200 });
    expect(deletedJobs.total).toBe(jobs.filter((row) => row.deleted_at !== null).length);
  });

  it("matches words at the start of address words, over physical and billing addresses", async () => {
    const { lookupAddress } = await import("@/lib/mirror/mirror-queries.server");
    const someone = active(customers).find((row) => typeof row.physical_address1 === "string" && /^\d+ \w+/.test(row.physical_address1))!;
    const [number, street] = (someone.physical_address1 as string).split(" ");
    const answer = await lookupAddress({ q: `${number} ${street!.slice(0, 3)}`, limit: 200 });
    const expected = active(customers).filter((row) =>
      [row.physical_address1, row.billing_address1].some(
        (line) => typeof line === "string" && new RegExp(`(^|\\W)${number}`, "i").test(line) && new RegExp(`(^|\\W)${street!.slice(0, 3)}`, "i").test(line),
      ),
    );
    expect(answer.rows.map((row) => row.customer_uuid)).toEqual(expect.arrayContaining([someone.uuid]));
    for (const row of expected) expect(answer.rows.map((match) => match.customer_uuid)).toContain(row.uuid);
  });
});

describe("scopes and bad input", () => {
  it("never returns rows of another CRM key", async () => {
    const { upsertCustomers } = await import("@/lib/mirror/mirror-store.server");
    const { mirrorScopeOf } = await import("@/lib/mirror/mirror-scope.server");
    const { queryCustomers, lookupAddress, queryDeleted, overviewFromMirror } = await import("@/lib/mirror/mirror-queries.server");
    const { getCustomer } = await import("@/lib/crm/customers.server");
    const template = (await getCustomer(active(customers)[0]!.uuid, { cache: false })).data;
    const other = mirrorScopeOf(sandbox.apiUrl, "ctc_some_other_company_key");
    const stranger = {
      ...template,
      uuid: "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
      first_name: "Stranger",
      last_name: "Otherkey",
      physical_address1: "1 Otherkey Plaza",
    };
    await upsertCustomers(other, [stranger, { ...stranger, uuid: "1b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9", deleted_at: new Date().toISOString() }], new Date());

    expect((await queryCustomers({ filters: { search: "otherkey" } })).total).toBe(0);
    expect((await lookupAddress({ q: "1 otherkey" })).total).toBe(0);
    expect((await queryDeleted("customers", { search: "otherkey" })).total).toBe(0);
    expect((await overviewFromMirror({ day: "2026-01-01" })).customers.total).toBe(active(customers).length);
    // Under its own scope it is there.
    expect((await queryCustomers({ filters: { search: "otherkey" } }, { scope: other })).total).toBe(1);
  });

  it("refuses sort keys and filters it does not offer, naming the allowed ones", async () => {
    const { queryCustomers, queryJobs, scheduleJobs, lookupAddress, overviewFromMirror } = await import("@/lib/mirror/mirror-queries.server");
    const { MirrorQueryError } = await import("@/lib/mirror/mirror-query-error");
    await expect(queryCustomers({ sort: "shoe_size" as never })).rejects.toMatchObject({
      name: "MirrorQueryError",
      field: "sort",
      message: expect.stringContaining("name, company_name"),
    });
    await expect(queryCustomers({ filters: { favourite_color: "red" } as never })).rejects.toMatchObject({
      field: "favourite_color",
      message: expect.stringContaining("Allowed: search, type"),
    });
    await expect(queryCustomers({ direction: "sideways" as never })).rejects.toMatchObject({ field: "direction" });
    await expect(queryCustomers({ limit: 1000 })).rejects.toMatchObject({ field: "limit" });
    await expect(queryJobs({ filters: { statuses: ["Done"] } as never })).rejects.toMatchObject({
      field: "statuses",
      message: expect.stringContaining("Estimate Sent"),
    });
    await expect(queryJobs({ filters: { from: "2026-05-02", to: "2026-05-01" } })).rejects.toMatchObject({
      field: "from",
      message: expect.stringContaining("after"),
    });
    await expect(queryJobs({ filters: { from: "2026-02-30" } })).rejects.toMatchObject({ field: "from" });
    await expect(scheduleJobs({ from: "2026-05-02", to: "2026-04-01" })).rejects.toBeInstanceOf(MirrorQueryError);
    await expect(lookupAddress({ q: " ,. " })).rejects.toMatchObject({ field: "q" });
    await expect(overviewFromMirror({ timeZone: "Mars/Olympus" })).rejects.toMatchObject({ field: "time_zone" });
  });

  it("the route layer answers a refused query with a 400 in the error envelope", async () => {
    const { errorResponse } = await import("@/lib/api/define-route.server");
    const { MirrorQueryError } = await import("@/lib/mirror/mirror-query-error");
    const response = errorResponse(new MirrorQueryError({ field: "sort", message: `Sort key "x" is not offered.`, allowed: ["name", "city"] }), "req-1");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      success: false,
      error: `Sort key "x" is not offered. Allowed: name, city.`,
      code: "validation",
      fields: { sort: `Sort key "x" is not offered. Allowed: name, city.` },
      request_id: "req-1",
    });
  });
});
