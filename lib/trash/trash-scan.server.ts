import "server-only";
import type { WriteContext } from "@/lib/audit/audited-write.server";
import { usageReport } from "@/lib/crm/usage-meter.server";
import { TRASH_SOURCES } from "@/lib/trash/trash-records.server";
import { findEntry, recordDeletion, recordRestored, recordScanStep } from "@/lib/trash/trash-store.server";
import { SCAN_PAGE_SIZE, type TrashResource, type TrashScanEstimate, type TrashScanStep } from "@/lib/trash/trash-types";

/**
 * The scan for records deleted outside the dashboard. The CRM can only list
 * everything (include_deleted=true), so a scan reads every record, 100 per
 * request. The browser drives it one page per call: it shows progress, can
 * stop at any page, and a closed tab stops it, with no job left running on
 * the server. Pages are newest first and deleted records stay in the
 * include_deleted list, so records created during a scan shift later pages
 * forward (a record seen twice) and never make one be missed.
 */
export async function scanStep(resource: TrashResource, scanId: string, page: number, context: WriteContext): Promise<TrashScanStep> {
  const source = TRASH_SOURCES[resource];
  const result = await source.listAll(page, SCAN_PAGE_SIZE);
  const { records, pagination } = result.data;
  let found = 0;
  let removed = 0;
  for (const record of records) {
    if (record.deleted_at !== null) {
      const entry = await findEntry(resource, record.uuid);
      const known = entry !== null && entry.restoredAt === null;
      const outcome = await recordDeletion({
        resource,
        uuid: record.uuid,
        deletedAt: new Date(record.deleted_at),
        snapshot: source.snapshot(record),
        deletedBy: known && entry.deletedBy?.userId ? { userId: entry.deletedBy.userId, email: entry.deletedBy.email } : null,
        deletedWithCustomer: known ? entry.deletedWithCustomer : null,
      });
      if (outcome === "added") found += 1;
    } else if (await recordRestored(resource, record.uuid, null)) {
      removed += 1;
    }
  }
  const pagesTotal = Math.max(1, Math.ceil(pagination.total / SCAN_PAGE_SIZE));
  const requests = result.meta.upstreamCalls;
  await recordScanStep({ id: scanId, resource, email: context.user.email, page, pagesTotal, requests, found, removed });
  return { scan_id: scanId, page, pages_total: pagesTotal, records_total: pagination.total, found, removed, crm_requests: requests, done: page >= pagesTotal };
}

/** What a full scan would cost, asked before it starts: one list request of one record, for the count. */
export async function scanEstimate(resource: TrashResource): Promise<TrashScanEstimate> {
  const result = await TRASH_SOURCES[resource].listAll(1, 1);
  const total = result.data.pagination.total;
  const usage = await usageReport();
  return {
    resource,
    records_total: total,
    requests: Math.max(1, Math.ceil(total / SCAN_PAGE_SIZE)),
    usage: { used: usage.used, limit: usage.limit },
    crm_requests: result.meta.upstreamCalls,
  };
}
