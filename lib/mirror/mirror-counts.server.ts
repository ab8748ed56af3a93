import "server-only";
import { sql } from "kysely";
import { OPEN_JOB_STATUSES } from "@/lib/jobs/job-enums";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { cachedTotal } from "@/lib/mirror/mirror-totals.server";

export interface MirrorCounts {
  customers: number;
  deletedCustomers: number;
  jobs: number;
  deletedJobs: number;
  openJobs: number;
  locations: number;
}

/** Records in the mirror of one scope (active and deleted apart), for the sync page and the budget; kept until the mirror changes. */
export function mirrorCounts(scope: string): Promise<MirrorCounts> {
  return cachedTotal(scope, "mirror counts", () => countRecords(scope));
}

async function countRecords(scope: string): Promise<MirrorCounts> {
  const { db } = await mirrorDatabase();
  const result = await sql<{ [K in keyof MirrorCounts]: string }>`
    select
      (select count(*) from mirror_customers where scope = ${scope} and deleted_at is null)::text as "customers",
      (select count(*) from mirror_customers where scope = ${scope} and deleted_at is not null)::text as "deletedCustomers",
      (select count(*) from mirror_jobs where scope = ${scope} and deleted_at is null)::text as "jobs",
      (select count(*) from mirror_jobs where scope = ${scope} and deleted_at is not null)::text as "deletedJobs",
      (select count(*) from mirror_jobs where scope = ${scope} and status = any(${sql.val([...OPEN_JOB_STATUSES])}::text[]))::text as "openJobs",
      (select count(*) from mirror_locations where scope = ${scope})::text as "locations"
  `.execute(db);
  const row = result.rows[0];
  return {
    customers: Number(row?.customers ?? 0),
    deletedCustomers: Number(row?.deletedCustomers ?? 0),
    jobs: Number(row?.jobs ?? 0),
    deletedJobs: Number(row?.deletedJobs ?? 0),
    openJobs: Number(row?.openJobs ?? 0),
    locations: Number(row?.locations ?? 0),
  };
}
