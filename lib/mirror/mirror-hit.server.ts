import "server-only";
import { sql } from "kysely";
import { logEvent } from "@/lib/api/logger.server";
import { lastWriteStartedAt, type CrmResource, type CrmResult } from "@/lib/crm/crm-request.server";
import type { Customer, JobDetail } from "@/lib/crm/schemas.server";
import { crmConfig } from "@/lib/env.server";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { mirroredCustomer, mirroredJob } from "@/lib/mirror/mirror-record.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";
import { timed } from "@/lib/runtime/request-timing.server";

/**
 * A record the CRM confirmed within the shared cache's lifetime, served from
 * the mirror as the cache would serve it (ADR-018): the lookup's search or a
 * list just carried the customer, a create or a save just answered with the
 * record, so reading it again at once would only repeat what the CRM said
 * seconds ago. The same rule as the cache's: no older than its lifetime
 * (CRM_CACHE_TTL_SECONDS; 0 turns this off too), and confirmed after the last
 * write this process started on the resources the record depends on (a write
 * that failed or timed out may still have changed it). Rows marked deleted by
 * the dashboard's own clock (`provisional`) are never served: the CRM has not
 * said so yet. Reads that skip the cache (an edit form, a move's conflict
 * check) never come here.
 */
type Confirmed = Date | string;

/** Which writes can change each row: a customer's write changes the jobs that embed their name too (as the cache drops both). */
const DEPENDS: Record<CrmResource, readonly CrmResource[]> = { customers: ["customers"], jobs: ["jobs", "customers"], locations: ["locations"] };

/** The oldest confirmation, if every row was confirmed within the lifetime and after the last write that could change it. */
function recentEnough(rows: ReadonlyArray<{ at: Confirmed | null; resource: CrmResource }>, now = Date.now()): string | null {
  const ttlMs = crmConfig().cacheTtlMs;
  let oldest = Infinity;
  for (const row of rows) {
    if (ttlMs <= 0 || row.at === null) return null;
    const at = new Date(row.at).getTime();
    if (now - at > ttlMs || at <= lastWriteStartedAt(DEPENDS[row.resource])) return null;
    oldest = Math.min(oldest, at);
  }
  return Number.isFinite(oldest) ? new Date(oldest).toISOString() : null;
}

function asHit<T>(data: T, confirmedAt: string): CrmResult<T> {
  return { data, meta: { cache: "hit", upstreamMs: 0, upstreamCalls: 0, replayed: false, fetchedAt: confirmedAt } };
}

async function guarded<T>(work: () => Promise<T | null>): Promise<T | null> {
  try {
    return await timed("mirror-hit", work);
  } catch (error) {
    logEvent("error", "mirror_hit_failed", { message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

export function recentlyConfirmedCustomer(uuid: string, options: { includeDeleted?: boolean | undefined } = {}): Promise<CrmResult<Customer> | null> {
  return guarded(async () => {
    if (crmConfig().cacheTtlMs <= 0) return null;
    const { db } = await mirrorDatabase();
    const row = (
      await sql<{ confirmed_at: Confirmed; provisional: boolean }>`
        select confirmed_at, provisional from mirror_customers where scope = ${currentMirrorScope()} and uuid = ${uuid.toLowerCase()}`.execute(db)
    ).rows[0];
    if (!row || row.provisional || !recentEnough([{ at: row.confirmed_at, resource: "customers" }])) return null;
    const found = await mirroredCustomer(uuid, { includeDeleted: options.includeDeleted ?? false });
    const at = found && recentEnough([{ at: found.confirmedAt, resource: "customers" }]);
    return found && at ? asHit(found.record, at) : null;
  });
}

/** A job read whole: the job, its customer and its location must each have been confirmed within the lifetime. */
export function recentlyConfirmedJob(uuid: string, options: { includeDeleted?: boolean | undefined } = {}): Promise<CrmResult<JobDetail> | null> {
  return guarded(async () => {
    if (crmConfig().cacheTtlMs <= 0) return null;
    const { db } = await mirrorDatabase();
    const row = (
      await sql<{
        job_at: Confirmed;
        job_provisional: boolean;
        customer_uuid: string | null;
        customer_at: Confirmed | null;
        customer_ok: boolean | null;
        location_uuid: string | null;
        location_at: Confirmed | null;
      }>`
        select j.confirmed_at as job_at, j.provisional as job_provisional, j.customer_uuid, c.confirmed_at as customer_at,
          (not c.provisional and c.deleted_at is null) as customer_ok, j.location_uuid, l.confirmed_at as location_at
        from mirror_jobs j
        left join mirror_customers c on c.scope = j.scope and c.uuid = lower(j.customer_uuid)
        left join mirror_locations l on l.scope = j.scope and l.uuid = lower(j.location_uuid)
        where j.scope = ${currentMirrorScope()} and j.uuid = ${uuid.toLowerCase()}`.execute(db)
    ).rows[0];
    if (!row || row.job_provisional) return null;
    // The detail embeds the customer and location whole: without a recent copy of each, the CRM is asked.
    if (row.customer_uuid && !row.customer_ok) return null;
    const at = recentEnough([
      { at: row.job_at, resource: "jobs" },
      ...(row.customer_uuid ? [{ at: row.customer_at, resource: "customers" as const }] : []),
      ...(row.location_uuid ? [{ at: row.location_at, resource: "locations" as const }] : []),
    ]);
    if (!at) return null;
    // Read after the check: a row confirmed again in between is only newer.
    const found = await mirroredJob(uuid, { includeDeleted: options.includeDeleted ?? false });
    return found ? asHit(found.record, at) : null;
  });
}
