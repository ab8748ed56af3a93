import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db/database";
import { migrate } from "../db/migrate";
import { METROS } from "./addresses";
import { generateCustomers } from "./customers";
import { generateJobs } from "./jobs";
import { seedDemoData } from "./index";
import { createRandom } from "./random";
import type { SeedContext } from "./seed-context";

const COMPANY = "0b6f3c1e-5d2a-4c8e-9f10-3a7b2c4d5e6f";
const OTHER_COMPANY = "7e1d2c3b-4a59-4687-8b9c-0d1e2f3a4b5c";
const NOW = new Date("2025-06-18T20:00:00.000Z");
const DAY = 86_400_000;
const CUSTOMERS = 1_000;
const JOBS = 2_000;
const STATUSES = [
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
const TECHNICIANS = Array.from({ length: 8 }, (_, index) => `5a1b2c3d-0000-4000-8000-00000000000${index}`);
const DISPATCHER = "5a1b2c3d-0000-4000-8000-0000000000d1";
const LOCATIONS = [
  ["6c1d2e3f-0000-4000-8000-000000000001", "Seattle"],
  ["6c1d2e3f-0000-4000-8000-000000000002", "Bellevue"],
  ["6c1d2e3f-0000-4000-8000-000000000003", "Tacoma"],
] as const;
const LOCATION_UUIDS: readonly string[] = LOCATIONS.map(([uuid]) => uuid);

/** A fresh in-memory database with the company set up the way the server does it. */
async function companyDatabase(): Promise<Database> {
  const db = await openDatabase({ kind: "memory" });
  await migrate(db);
  for (const [uuid, name] of [
    [COMPANY, "Acme Plumbing & Air"],
    [OTHER_COMPANY, "Other Co"],
  ] as const) {
    await db.query("insert into companies (uuid, name, api_key_sha256) values ($1, $2, $3)", [uuid, name, `sha-${uuid}`]);
  }
  for (const [index, id] of TECHNICIANS.entries()) {
    await db.query("insert into users (id, company_uuid, first_name, last_name) values ($1, $2, $3, $4)", [id, COMPANY, `Tech${index}`, "Crew"]);
  }
  await db.query("insert into users (id, company_uuid, first_name, last_name, role) values ($1, $2, 'Dana', 'Desk', 'dispatcher')", [DISPATCHER, COMPANY]);
  await db.query("insert into users (id, company_uuid, first_name, last_name) values ('5a1b2c3d-0000-4000-8000-0000000000f0', $1, 'Not', 'Ours')", [
    OTHER_COMPANY,
  ]);
  for (const [uuid, city] of LOCATIONS) {
    await db.query("insert into locations (uuid, company_uuid, name, city, state) values ($1, $2, $3, $4, 'WA')", [uuid, COMPANY, `${city} shop`, city]);
  }
  await db.query(
    "insert into locations (uuid, company_uuid, name, city, state) values ('6c1d2e3f-0000-4000-8000-0000000000f0', $1, 'Elsewhere', 'Denver', 'CO')",
    [OTHER_COMPANY],
  );
  return db;
}

type Row = Record<string, unknown>;
const text = (row: Row, key: string): string | null => (row[key] === null ? null : String(row[key]));
const time = (row: Row, key: string): number | null => (row[key] === null ? null : (row[key] as Date).getTime());
const share = (rows: Row[], test: (row: Row) => boolean): number => rows.filter(test).length / rows.length;
/** The rows breaking a rule, as their uuids: one assertion per rule keeps failures readable and the suite fast. */
const failing = (rows: Row[], rule: (row: Row) => boolean): unknown[] => rows.filter((row) => !rule(row)).map((row) => row.uuid);

describe("seedDemoData", () => {
  let db: Database;
  let customers: Row[];
  let jobs: Row[];

  beforeAll(async () => {
    db = await companyDatabase();
    const result = await seedDemoData(db, { companyUuid: COMPANY, customers: CUSTOMERS, jobs: JOBS, seed: 42, now: NOW });
    expect(result).toEqual({ customers: CUSTOMERS, jobs: JOBS });
    customers = (await db.query("select * from customers order by created_at, uuid")).rows;
    // Amounts as text, to see exactly what was stored.
    jobs = (await db.query("select *, estimated_amount::text as estimate_text, actual_amount::text as actual_text from jobs order by created_at, uuid")).rows;
  });

  afterAll(async () => {
    await db.close();
  });

  it("gives identical rows for the same seed and now", async () => {
    const twin = await companyDatabase();
    try {
      await seedDemoData(twin, { companyUuid: COMPANY, customers: CUSTOMERS, jobs: JOBS, seed: 42, now: NOW });
      expect((await twin.query("select * from customers order by created_at, uuid")).rows).toEqual(customers);
      const twinJobs = await twin.query(
        "select *, estimated_amount::text as estimate_text, actual_amount::text as actual_text from jobs order by created_at, uuid",
      );
      expect(twinJobs.rows).toEqual(jobs);
    } finally {
      await twin.close();
    }
  });

  it("differs for another seed, keeps customers when only the job count changes, and needs no database", () => {
    const context: SeedContext = {
      companyUuid: COMPANY,
      now: NOW.getTime(),
      metro: METROS[0] as SeedContext["metro"],
      locations: [],
      technicianIds: TECHNICIANS,
    };
    const generate = (seed: string, jobCount: number) => {
      const rng = createRandom(seed);
      const customerRng = rng.fork("customers");
      const jobRng = rng.fork("jobs");
      const rows = generateCustomers(customerRng, context, 200);
      return { customers: rows, jobs: generateJobs(jobRng, context, rows, jobCount, 1) };
    };
    const first = generate("pure", 300);
    expect(generate("pure", 300)).toEqual(first);
    expect(generate("pure", 10).customers).toEqual(first.customers);
    const other = generate("other", 300);
    expect(other.customers.map((row) => row.uuid)).not.toContain(first.customers[0]?.uuid);
    expect(other.jobs.map((row) => row.title)).not.toEqual(first.jobs.map((row) => row.title));
  });

  describe("customers", () => {
    it("have well-formed phones and reserved-domain emails, never neither", () => {
      expect(failing(customers, (row) => row.phone !== null || row.email !== null)).toEqual([]);
      const phones = customers.map((row) => text(row, "phone")).filter((phone): phone is string => phone !== null);
      expect(phones.filter((phone) => !/^[2-9]\d{2}-[2-9]\d{2}-\d{4}$/.test(phone) || phone.slice(5, 7) === "11")).toEqual([]);
      const emails = customers.map((row) => text(row, "email")).filter((email): email is string => email !== null);
      expect(emails.filter((email) => !/^[a-z0-9._]+@([a-z0-9]+\.)?example\.(com|net|org)$/.test(email))).toEqual([]);
      expect(share(customers, (row) => row.phone === null)).toBeGreaterThan(0.03);
      expect(share(customers, (row) => row.email === null)).toBeGreaterThan(0.05);
    });

    it("only opt into a notification channel they have the contact detail for", () => {
      const consistent = (row: Row): boolean => {
        const via = row.on_my_way_notify_via;
        if (via === null) return true;
        if (via === "email") return row.email !== null;
        if (via === "sms") return row.phone !== null;
        return via === "both" && row.email !== null && row.phone !== null;
      };
      expect(failing(customers, consistent)).toEqual([]);
      expect(new Set(customers.map((row) => row.on_my_way_notify_via))).toEqual(new Set([null, "email", "sms", "both"]));
    });

    it("mix residential and commercial, with about 8% VIPs", () => {
      expect(failing(customers, (row) => (row.customer_type === "Commercial") === (row.company_name !== null))).toEqual([]);
      expect(failing(customers, (row) => String(row.first_name).length > 1 && String(row.last_name).length > 1)).toEqual([]);
      const commercial = share(customers, (row) => row.customer_type === "Commercial");
      expect(commercial).toBeGreaterThan(0.15);
      expect(commercial).toBeLessThan(0.35);
      const vip = share(customers, (row) => row.is_vip === true);
      expect(vip).toBeGreaterThan(0.05);
      expect(vip).toBeLessThan(0.11);
    });

    it("have US addresses in the company's metro, billing mostly the same as physical", () => {
      const seattle = METROS.find((metro) => metro.name === "Seattle");
      const cities = new Map(seattle?.cities.map((city) => [city.name, city]));
      const withoutAddress = customers.filter((row) => row.physical_address1 === null);
      expect(withoutAddress.length / customers.length).toBeLessThan(0.06);
      expect(failing(withoutAddress, (row) => row.physical_city === null && row.billing_address1 === null)).toEqual([]);
      const withAddress = customers.filter((row) => row.physical_address1 !== null);
      const inMetro = (row: Row): boolean => {
        const city = cities.get(String(row.physical_city));
        return (
          /^\d+ /.test(String(row.physical_address1)) && city !== undefined && city.state === row.physical_state && city.zips.includes(String(row.physical_zip))
        );
      };
      expect(failing(withAddress, inMetro)).toEqual([]);
      expect(failing(withAddress, (row) => /^\d{5}$/.test(String(row.billing_zip)) && row.billing_state !== null)).toEqual([]);
      const sameBilling = share(customers, (row) => row.billing_address1 === row.physical_address1 && row.billing_zip === row.physical_zip);
      expect(sameBilling).toBeGreaterThan(0.8);
      const commercialElsewhere = customers.filter((row) => row.customer_type === "Commercial" && row.billing_address1 !== row.physical_address1);
      expect(commercialElsewhere.length).toBeGreaterThan(10);
    });

    it("carry some notes, legacy-import flags and branch links", () => {
      expect(share(customers, (row) => row.notes !== null)).toBeGreaterThan(0.1);
      const legacy = customers.filter((row) => row.internal_flags !== null);
      expect(legacy.length / customers.length).toBeGreaterThan(0.02);
      expect(legacy.length / customers.length).toBeLessThan(0.07);
      expect(failing(legacy, (row) => /^C-\d{5}$/.test((row.internal_flags as { legacy_id: string }).legacy_id))).toEqual([]);
      const linked = customers.filter((row) => row.primary_service_location_uuid !== null);
      expect(linked.length / customers.length).toBeLessThan(0.1);
      expect(failing(linked, (row) => LOCATION_UUIDS.includes(String(row.primary_service_location_uuid)))).toEqual([]);
    });

    it("are spread over three years, recent ones more often, with consistent timestamps", () => {
      const now = NOW.getTime();
      const consistent = (row: Row): boolean => {
        const created = time(row, "created_at") ?? 0;
        const updated = time(row, "updated_at") ?? 0;
        const deleted = time(row, "deleted_at");
        return (
          row.company_uuid === COMPANY &&
          created >= now - 3 * 366 * DAY &&
          created <= updated &&
          updated <= now &&
          (deleted === null || (deleted > created && deleted <= now))
        );
      };
      expect(failing(customers, consistent)).toEqual([]);
      const lastYear = share(customers, (row) => (time(row, "created_at") ?? 0) > now - 365 * DAY);
      expect(lastYear).toBeGreaterThan(0.4);
      const deleted = share(customers, (row) => row.deleted_at !== null);
      expect(deleted).toBeGreaterThan(0.01);
      expect(deleted).toBeLessThan(0.05);
    });
  });

  describe("jobs", () => {
    it("are numbered JOB-0001… in created_at order and the counter continues from the highest", async () => {
      expect(jobs.map((row) => row.job_number)).toEqual(Array.from({ length: JOBS }, (_, index) => `JOB-${String(index + 1).padStart(4, "0")}`));
      const counter = await db.query<{ last_number: number }>("select last_number from job_number_counters where company_uuid = $1", [COMPANY]);
      expect(counter.rows[0]?.last_number).toBe(JOBS);
    });

    it("cover all ten statuses and four priorities, with urgent and emergency flags in proportion", () => {
      expect(new Set(jobs.map((row) => row.status))).toEqual(new Set(STATUSES));
      expect(new Set(jobs.map((row) => row.priority))).toEqual(new Set(["Low", "Normal", "High", "Emergency"]));
      const urgent = share(jobs, (row) => row.is_urgent === true);
      expect(urgent).toBeGreaterThan(0.06);
      expect(urgent).toBeLessThan(0.15);
      const emergency = share(jobs, (row) => row.is_emergency === true);
      expect(emergency).toBeGreaterThan(0.01);
      expect(emergency).toBeLessThan(0.06);
      const emergencyPriority = jobs.filter((row) => row.priority === "Emergency");
      expect(emergencyPriority.length / jobs.length).toBeLessThan(0.08);
      expect(share(emergencyPriority, (row) => row.is_emergency === true)).toBeGreaterThan(0.5);
      expect(share(jobs, (row) => row.status === "Complete" || row.status === "Invoiced")).toBeGreaterThan(0.6);
    });

    it("reference active customers, technicians and locations of the same company", () => {
      const customersByUuid = new Map(customers.map((row) => [row.uuid, row]));
      const sameCompany = (row: Row): boolean => {
        const customer = customersByUuid.get(row.customer_uuid);
        return (
          row.company_uuid === COMPANY &&
          customer !== undefined &&
          customer.deleted_at === null &&
          (time(row, "created_at") ?? 0) >= (time(customer, "created_at") ?? Infinity) &&
          (row.assigned_to_user_id === null || TECHNICIANS.includes(String(row.assigned_to_user_id))) &&
          (row.location_uuid === null || LOCATION_UUIDS.includes(String(row.location_uuid)))
        );
      };
      expect(failing(jobs, sameCompany)).toEqual([]);
      const located = share(jobs, (row) => row.location_uuid !== null);
      expect(located).toBeGreaterThan(0.5);
      expect(located).toBeLessThan(0.7);
      const pastIntake = jobs.filter((row) => row.status !== "New" && row.status !== "Contacted");
      expect(share(pastIntake, (row) => row.assigned_to_user_id !== null)).toBeGreaterThan(0.85);
      const atHome = share(jobs, (row) => row.service_address1 === customersByUuid.get(row.customer_uuid)?.physical_address1);
      expect(atHome).toBeGreaterThan(0.8);
      // A few customers account for many jobs.
      const perCustomer = new Map<unknown, number>();
      for (const row of jobs) perCustomer.set(row.customer_uuid, (perCustomer.get(row.customer_uuid) ?? 0) + 1);
      expect(Math.max(...perCustomer.values())).toBeGreaterThanOrEqual(10);
    });

    it("have non-negative amounts with two decimals, actual amounts once the work is done", () => {
      const wellFormed = (value: string | null): boolean => value === null || (/^\d+\.\d{2}$/.test(value) && Number(value) >= 0);
      expect(failing(jobs, (row) => wellFormed(text(row, "estimate_text")) && wellFormed(text(row, "actual_text")))).toEqual([]);
      const billable = (row: Row): boolean => row.status === "Ready to Invoice" || row.status === "Invoiced" || row.status === "Complete";
      expect(failing(jobs, (row) => (row.actual_amount !== null) === billable(row))).toEqual([]);
      expect(share(jobs, (row) => row.estimated_amount !== null)).toBeGreaterThan(0.8);
    });

    it("have status timestamps that match the status and happen in order", () => {
      const started = new Set(["In Progress", "Needs Approval", "Ready to Invoice", "Invoiced", "Complete"]);
      const now = NOW.getTime();
      const matchesStatus = (row: Row): boolean => {
        const status = String(row.status);
        return (
          (row.started_at !== null) === started.has(status) &&
          (row.invoiced_at !== null) === (status === "Invoiced" || status === "Complete") &&
          (row.completed_at !== null) === (status === "Complete") &&
          (row.paid_at === null || status === "Complete")
        );
      };
      expect(failing(jobs, matchesStatus)).toEqual([]);
      const inOrder = (row: Row): boolean => {
        const events = ["created_at", "started_at", "invoiced_at", "paid_at", "completed_at"].map((key) => time(row, key));
        const ordered = [...events, now].filter((value): value is number => value !== null);
        const updated = time(row, "updated_at") ?? 0;
        return (
          ordered.every((value, index) => index === 0 || (ordered[index - 1] ?? 0) <= value) && updated >= Math.max(...ordered.slice(0, -1)) && updated <= now
        );
      };
      expect(failing(jobs, inOrder)).toEqual([]);
      const complete = jobs.filter((row) => row.status === "Complete");
      const paid = share(complete, (row) => row.paid_at !== null);
      expect(paid).toBeGreaterThan(0.6);
      expect(paid).toBeLessThan(1);
    });

    it("are scheduled in office hours: done work in the past, Scheduled today, ahead and some overdue", () => {
      const today = Math.floor(NOW.getTime() / DAY); // NOW is 13:00 in Seattle: same UTC and local day.
      let scheduledToday = 0;
      let overdue = 0;
      let ahead = 0;
      const unscheduled = jobs.filter((row) => row.scheduled_date === null);
      expect(failing(unscheduled, (row) => row.scheduled_time_start === null && row.scheduled_time_end === null)).toEqual([]);
      expect(failing(unscheduled, (row) => ["New", "Contacted", "Estimate Sent", "Estimate Approved"].includes(String(row.status)))).toEqual([]);
      const scheduled = jobs.filter((row) => row.scheduled_date !== null);
      const window = (row: Row): boolean => {
        const start = text(row, "scheduled_time_start") ?? "";
        const end = text(row, "scheduled_time_end") ?? "";
        return /^([01]\d|2[0-3]):[0-5]\d$/.test(start) && /^([01]\d|2[0-3]):[0-5]\d$/.test(end) && end > start && start >= "07:00" && end <= "18:00";
      };
      expect(failing(scheduled, window)).toEqual([]);
      const dayOf = (row: Row, key: string): number => Math.floor((time(row, key) ?? 0) / DAY);
      const onSite = scheduled.filter((row) => row.started_at !== null);
      expect(failing(onSite, (row) => dayOf(row, "scheduled_date") <= today && dayOf(row, "scheduled_date") >= dayOf(row, "created_at") - 1)).toEqual([]);
      const booked = scheduled.filter((job) => job.status === "Scheduled");
      expect(failing(booked, (row) => dayOf(row, "scheduled_date") <= today + 14)).toEqual([]);
      for (const row of booked) {
        const day = dayOf(row, "scheduled_date");
        if (day === today) scheduledToday += 1;
        else if (day < today) overdue += 1;
        else ahead += 1;
      }
      expect(scheduledToday).toBeGreaterThan(0);
      expect(overdue).toBeGreaterThan(0);
      expect(ahead).toBeGreaterThan(scheduledToday);
    });

    it("have realistic titles, and about 3% are soft-deleted", () => {
      const titles = new Set(jobs.map((row) => row.title));
      expect(titles.size).toBeGreaterThan(30);
      expect(share(jobs, (row) => row.description !== null)).toBeGreaterThan(0.85);
      expect(jobs.some((row) => row.internal_notes !== null)).toBe(true);
      expect(jobs.some((row) => row.customer_notes !== null)).toBe(true);
      const deleted = jobs.filter((row) => row.deleted_at !== null);
      expect(deleted.length / jobs.length).toBeGreaterThan(0.015);
      expect(deleted.length / jobs.length).toBeLessThan(0.045);
      expect(
        failing(
          deleted,
          (row) => (time(row, "deleted_at") ?? 0) > (time(row, "created_at") ?? Infinity) && (time(row, "deleted_at") ?? Infinity) <= NOW.getTime(),
        ),
      ).toEqual([]);
    });
  });

  it("continues the job numbers of a company that already has jobs, and refuses bad input", async () => {
    await seedDemoData(db, { companyUuid: COMPANY, customers: 5, jobs: 10, seed: 7, now: NOW });
    const numbers = await db.query<{ job_number: string }>("select job_number from jobs where job_number > 'JOB-2000' order by job_number");
    expect(numbers.rows.map((row) => row.job_number)).toEqual(Array.from({ length: 10 }, (_, index) => `JOB-${2001 + index}`));
    const counter = await db.query<{ last_number: number }>("select last_number from job_number_counters where company_uuid = $1", [COMPANY]);
    expect(counter.rows[0]?.last_number).toBe(2010);

    await expect(seedDemoData(db, { companyUuid: "9d9d9d9d-0000-4000-8000-000000000000", customers: 1, jobs: 1, seed: 1 })).rejects.toThrow(/does not exist/);
    await expect(seedDemoData(db, { companyUuid: COMPANY, customers: -1, jobs: 1, seed: 1 })).rejects.toThrow(/non-negative/);
    await expect(seedDemoData(db, { companyUuid: OTHER_COMPANY, customers: 0, jobs: 1, seed: 1 })).rejects.toThrow(/at least one customer/);
  });
});

describe("seedDemoData, a bulk load (10,000 customers or more)", () => {
  // Large loads rebuild derived data after the rows instead of row by row:
  // secondary indexes (bulk-load.ts) and customer_search_grams, recounted in
  // JavaScript with its triggers off (customer-search-grams.ts).
  let db: Database;

  beforeAll(async () => {
    db = await companyDatabase();
    await seedDemoData(db, { companyUuid: COMPANY, customers: 10_000, jobs: 10, seed: 3, now: NOW });
  }, 120_000);

  afterAll(async () => {
    await db.close();
  });

  it("leaves gram counts equal to the SQL function's count over every customer", async () => {
    const query = (source: string) => db.query<Row>(`${source} order by gram, customer_type, is_vip, is_deleted`, [COMPANY]);
    const kept = await query("select gram, customer_type, is_vip, is_deleted, customers from customer_search_grams where company_uuid = $1 and customers <> 0");
    const counted = await query(
      `select gram, customer_type, is_vip, deleted_at is not null as is_deleted, count(*)::int as customers
       from customers, unnest(customer_search_grams_of(search_text)) as gram where company_uuid = $1 group by 1, 2, 3, 4`,
    );
    expect(kept.rows.length).toBeGreaterThan(500);
    expect(kept.rows).toEqual(counted.rows);
  });

  it("turns the gram triggers back on and rebuilds the search index", async () => {
    const triggers = await db.query<{ tgname: string; tgenabled: string }>(
      "select tgname, tgenabled from pg_trigger where tgrelid = 'customers'::regclass and tgname like 'customers_search_grams_%'",
    );
    expect(triggers.rows).toHaveLength(4);
    expect(triggers.rows.every((trigger) => trigger.tgenabled === "O")).toBe(true);
    const indexes = await db.query<{ indexname: string }>("select indexname from pg_indexes where tablename = 'customers' and indexname = 'customers_search'");
    expect(indexes.rows).toHaveLength(1);
  });
});
