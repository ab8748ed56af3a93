import type { Database } from "../db/database";
import { METROS, metroForLocations } from "./addresses";
import { generateCustomers } from "./customers";
import { withCustomerSearchGramsDeferred } from "../db/customer-search-grams";
import { isLargeLoad, withIndexesRebuiltIfLarge } from "./bulk-load";
import { insertCustomers, insertJobs } from "./insert";
import { generateJobs } from "./jobs";
import { createRandom } from "./random";
import { sortedByCreatedAt, type LocationRef, type SeedContext } from "./seed-context";

export interface SeedDemoDataOptions {
  companyUuid: string;
  customers: number;
  jobs: number;
  seed: number;
  /** The moment the data is "as of"; defaults to the current time. */
  now?: Date;
}

/**
 * Fills one existing company with demo customers and jobs. The company's own
 * technicians (users) and locations are read from the database and used as
 * they are. Same seed, company, `now` (and the same technicians and
 * locations) give the same rows, UUIDs included; the company is part of the
 * seed so that two companies seeded alike never collide on primary keys.
 */
export async function seedDemoData(db: Database, options: SeedDemoDataOptions): Promise<{ customers: number; jobs: number }> {
  for (const key of ["customers", "jobs"] as const) {
    if (!Number.isSafeInteger(options[key]) || options[key] < 0) throw new Error(`seedDemoData: ${key} must be a non-negative integer`);
  }
  if (!Number.isSafeInteger(options.seed)) throw new Error("seedDemoData: seed must be an integer");
  const now = (options.now ?? new Date()).getTime();
  if (Number.isNaN(now)) throw new Error("seedDemoData: now is not a valid date");

  const company = await db.query("select 1 from companies where uuid = $1", [options.companyUuid]);
  if (company.rows.length === 0) throw new Error(`seedDemoData: company ${options.companyUuid} does not exist`);
  const users = await db.query<{ id: string; role: string }>("select id, role from users where company_uuid = $1 order by id", [options.companyUuid]);
  const locations = await db.query<LocationRef>("select uuid, city, state from locations where company_uuid = $1 and deleted_at is null order by uuid", [
    options.companyUuid,
  ]);
  // Office staff and owners are users too, but only technicians go out on jobs.
  const technicians = users.rows.filter((user) => user.role === "technician");
  const technicianIds = (technicians.length > 0 ? technicians : users.rows).map((user) => user.id);

  const rng = createRandom(`${options.seed}:${options.companyUuid}`);
  const metroRng = rng.fork("metro");
  const context: SeedContext = {
    companyUuid: options.companyUuid,
    now,
    metro: metroForLocations(locations.rows) ?? metroRng.pick(METROS),
    locations: locations.rows,
    technicianIds,
  };
  // Heap order follows created_at, the order every list reads in.
  const customers = sortedByCreatedAt(generateCustomers(rng.fork("customers"), context, options.customers));
  const jobsRng = rng.fork("jobs");

  const jobCount = await db.transaction(async (tx) => {
    const counter = await tx.query<{ last_number: number }>("select last_number from job_number_counters where company_uuid = $1 for update", [
      options.companyUuid,
    ]);
    const firstNumber = (counter.rows[0]?.last_number ?? 0) + 1;
    const jobs = generateJobs(jobsRng, context, customers, options.jobs, firstNumber);
    // Decided before the load: afterwards the table holds the new rows too.
    const loadCustomers = (await isLargeLoad(tx, "customers", customers.length))
      ? () => withCustomerSearchGramsDeferred(tx, options.companyUuid, () => insertCustomers(tx, customers))
      : () => insertCustomers(tx, customers);
    await withIndexesRebuiltIfLarge(tx, "customers", customers.length, loadCustomers);
    await withIndexesRebuiltIfLarge(tx, "jobs", jobs.length, () => insertJobs(tx, jobs));
    if (jobs.length > 0) {
      await tx.query(
        `insert into job_number_counters (company_uuid, last_number) values ($1, $2)
         on conflict (company_uuid) do update set last_number = greatest(job_number_counters.last_number, excluded.last_number)`,
        [options.companyUuid, firstNumber + jobs.length - 1],
      );
    }
    return jobs.length;
  });
  // Fresh planner statistics (without them the first queries on a bulk-loaded
  // table plan as if it were empty), and the visibility map that lets list
  // totals count from an index alone. PGlite runs no autovacuum, so nothing
  // else would do it. VACUUM cannot run in a transaction: one statement each.
  await db.exec("vacuum analyze customers");
  await db.exec("vacuum analyze jobs");
  return { customers: customers.length, jobs: jobCount };
}
