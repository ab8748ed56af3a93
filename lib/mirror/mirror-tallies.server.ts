import "server-only";
import { sql } from "kysely";
import type { JobStatus } from "@/lib/jobs/job-enums";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";

/**
 * The mirror's counts as it is written (migration 009): customers by type and
 * VIP, jobs by status, active and deleted apart, read as a sum of a few rows
 * instead of a count over every record. The triggers append one row of net
 * changes per statement; when a scope's rows pile up past FOLD_AFTER they are
 * folded into one per bucket, in one statement (rows appended meanwhile by
 * another writer are not in its snapshot, so they stay and still count).
 */
const FOLD_AFTER = 200;

export interface CustomerTally {
  type: "Residential" | "Commercial";
  vip: boolean;
  deleted: boolean;
  n: number;
}

export interface JobTally {
  status: JobStatus;
  deleted: boolean;
  n: number;
}

export interface MirrorTallies {
  customers: CustomerTally[];
  jobs: JobTally[];
}

export async function readTallies(scope: string): Promise<MirrorTallies> {
  const { db } = await mirrorDatabase();
  const result = await sql<{ resource: string; deleted: boolean; bucket: string; n: string; rows: string }>`
    select resource, deleted, bucket, sum(n)::text as n, count(*)::text as rows
    from mirror_tallies where scope = ${scope} group by resource, deleted, bucket`.execute(db);
  const rows = result.rows.reduce((sum, row) => sum + Number(row.rows), 0);
  if (rows > FOLD_AFTER) await foldTallies(scope);
  const tallies: MirrorTallies = { customers: [], jobs: [] };
  for (const row of result.rows) {
    const n = Number(row.n);
    if (n === 0) continue;
    if (row.resource === "customers") {
      const [type, vip] = row.bucket.split("|");
      tallies.customers.push({ type: type as CustomerTally["type"], vip: vip === "true", deleted: row.deleted, n });
    } else {
      tallies.jobs.push({ status: row.bucket as JobStatus, deleted: row.deleted, n });
    }
  }
  return tallies;
}

async function foldTallies(scope: string): Promise<void> {
  const { db } = await mirrorDatabase();
  await sql`
    with folded as (delete from mirror_tallies where scope = ${scope} returning resource, deleted, bucket, n)
    insert into mirror_tallies (scope, resource, deleted, bucket, n)
    select ${scope}, resource, deleted, bucket, sum(n) from folded group by resource, deleted, bucket having sum(n) <> 0`.execute(db);
}

/** Customers of a scope matching only a type and/or VIP (or nothing): the rest of the filters need a count. */
export function customerTotal(tallies: MirrorTallies, match: { deleted: boolean; type?: string | undefined; vip?: boolean | undefined }): number {
  return tallies.customers
    .filter(
      (row) => row.deleted === match.deleted && (match.type === undefined || row.type === match.type) && (match.vip === undefined || row.vip === match.vip),
    )
    .reduce((sum, row) => sum + row.n, 0);
}

/** Jobs of a scope in some statuses (or all of them). */
export function jobTotal(tallies: MirrorTallies, match: { deleted: boolean; statuses?: readonly string[] | undefined }): number {
  return tallies.jobs
    .filter((row) => row.deleted === match.deleted && (match.statuses === undefined || match.statuses.includes(row.status)))
    .reduce((sum, row) => sum + row.n, 0);
}
