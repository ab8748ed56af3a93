import "server-only";
import { sql } from "kysely";
import { OPEN_JOB_STATUSES } from "@/lib/jobs/job-enums";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { customerTotal, jobTotal, readTallies } from "@/lib/mirror/mirror-tallies.server";
import { cachedTotal } from "@/lib/mirror/mirror-totals.server";

export interface MirrorCounts {
  customers: number;
  deletedCustomers: number;
  jobs: number;
  deletedJobs: number;
  openJobs: number;
  locations: number;
}

/** Records in the mirror of one scope (active and deleted apart; open jobs are active ones), for the sync page and the budget; kept until the mirror changes. */
export function mirrorCounts(scope: string): Promise<MirrorCounts> {
  return cachedTotal(scope, "mirror counts", () => countRecords(scope));
}

async function countRecords(scope: string): Promise<MirrorCounts> {
  const { db } = await mirrorDatabase();
  const [tallies, locations] = await Promise.all([
    readTallies(scope),
    sql<{ n: string }>`select count(*)::text as n from mirror_locations where scope = ${scope}`.execute(db),
  ]);
  return {
    customers: customerTotal(tallies, { deleted: false }),
    deletedCustomers: customerTotal(tallies, { deleted: true }),
    jobs: jobTotal(tallies, { deleted: false }),
    deletedJobs: jobTotal(tallies, { deleted: true }),
    openJobs: jobTotal(tallies, { deleted: false, statuses: OPEN_JOB_STATUSES }),
    locations: Number(locations.rows[0]?.n ?? 0),
  };
}
