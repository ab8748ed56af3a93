import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { auditedWrite, type WriteContext } from "@/lib/audit/audited-write.server";
import { runBulk } from "@/lib/bulk/run-bulk";
import { recordLock } from "@/lib/concurrency/record-lock.server";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import { CrmError } from "@/lib/crm/errors.server";
import { sameInstant } from "@/lib/time/same-instant";
import { TRASH_SOURCES, type TrashRecord } from "@/lib/trash/trash-records.server";
import {
  findEntry,
  forgetEntry,
  jobsDeletedWith,
  lastScan,
  listEntries,
  markRestoreIntent,
  recordDeletion,
  recordRestored,
  type TrashEntry,
} from "@/lib/trash/trash-store.server";
import { trashSearchTerm } from "@/lib/trash/trash-snapshot";
import { TRASH_PAGE_SIZE, type TrashPage, type TrashResource, type TrashRow } from "@/lib/trash/trash-types";

/** How many rows of a trash page are checked against the CRM at once. */
const CHECK_CONCURRENCY = 5;

/**
 * Whether the CRM's deleted_at is the deletion the trash recorded. The
 * dashboard notes its own clock when it deletes (the CRM's answer has no
 * time), so the two differ by the request's duration and any clock skew; a
 * minute apart or more is a second deletion.
 */
function sameDeletion(recorded: string, crmDeletedAt: string): boolean {
  return Math.abs(Date.parse(recorded) - Date.parse(crmDeletedAt)) < 60_000;
}

/**
 * Puts a record deleted through the dashboard in the trash, with who did it.
 * The CRM's delete answers only a message, so the moment is this server's;
 * the trash replaces it with the CRM's deleted_at when it next checks the row.
 */
export async function noteDeletion(
  resource: TrashResource,
  record: TrashRecord,
  context: WriteContext,
  deletedWithCustomer: string | null = null,
): Promise<void> {
  await recordDeletion({
    resource,
    uuid: record.uuid,
    deletedAt: new Date(),
    snapshot: TRASH_SOURCES[resource].snapshot(record),
    deletedBy: { userId: context.user.id, email: context.user.email },
    deletedWithCustomer,
  });
}

/**
 * One page of the trash: the index's rows, each checked against the CRM
 * (a cached read: the same freshness as every list in the dashboard, and the
 * dashboard's own restores and deletes clear that cache at once). A row the
 * CRM says is back in use, or no longer knows, leaves the trash instead of
 * being shown.
 */
export async function listTrash(resource: TrashResource, filter: { search: string; page: number }): Promise<TrashPage> {
  const search = trashSearchTerm(filter.search);
  const { entries, total } = await listEntries({ resource, search, page: filter.page, limit: TRASH_PAGE_SIZE });
  const checked = await mapLimited(entries, CHECK_CONCURRENCY, checkEntry);
  const kept = checked.flatMap((check) => (check.row ? [check.row] : []));
  const removed = checked.length - kept.length;
  const withJobs = resource === "customer" ? await jobsDeletedWith(kept.map((row) => row.uuid)) : new Map<string, Array<{ uuid: string; label: string }>>();
  return {
    rows: kept.map((row) => ({ ...row, jobs_deleted_with: withJobs.get(row.uuid) ?? [] })),
    pagination: { page: filter.page, limit: TRASH_PAGE_SIZE, total: total - removed },
    crm_requests: checked.reduce((sum, check) => sum + check.requests, 0),
    removed,
    last_scan: await lastScan(resource),
  };
}

async function checkEntry(entry: TrashEntry): Promise<{ row: TrashRow | null; requests: number }> {
  const source = TRASH_SOURCES[entry.resource];
  let result: CrmResult<TrashRecord>;
  try {
    result = await source.get(entry.uuid, { cache: true });
  } catch (error) {
    if (error instanceof CrmError && error.kind === "not_found") {
      await forgetEntry(entry.resource, entry.uuid);
      return { row: null, requests: 1 };
    }
    throw error;
  }
  const requests = result.meta.upstreamCalls;
  const record = result.data;
  if (record.deleted_at === null) {
    await recordRestored(entry.resource, entry.uuid, null);
    return { row: null, requests };
  }
  const snapshot = source.snapshot(record);
  const deletedAgain = !sameDeletion(entry.deletedAt, record.deleted_at);
  // The dashboard's own moment of deletion is replaced by the CRM's; a deletion
  // far from the one recorded was made again elsewhere, by someone unknown.
  const changed =
    !sameInstant(entry.deletedAt, record.deleted_at) || entry.label !== snapshot.label || JSON.stringify(entry.summary) !== JSON.stringify(snapshot.summary);
  if (changed) {
    await recordDeletion({
      resource: entry.resource,
      uuid: entry.uuid,
      deletedAt: new Date(record.deleted_at),
      snapshot,
      deletedBy: deletedAgain || !entry.deletedBy?.userId ? null : { userId: entry.deletedBy.userId, email: entry.deletedBy.email },
      deletedWithCustomer: deletedAgain ? null : entry.deletedWithCustomer,
    });
  }
  return {
    requests,
    row: {
      resource: entry.resource,
      uuid: entry.uuid,
      label: snapshot.label,
      summary: snapshot.summary,
      deleted_at: new Date(record.deleted_at).toISOString(),
      deleted_by: deletedAgain || !entry.deletedBy ? null : { name: entry.deletedBy.name ?? entry.deletedBy.email, email: entry.deletedBy.email },
      found_by: deletedAgain ? "scan" : entry.foundBy,
      jobs_deleted_with: [],
    },
  };
}

/**
 * Restores one record, and says plainly when there is nothing to restore:
 * it is already back (restored by someone, here or elsewhere), or it was
 * restored and deleted again since the person looked (`expectedDeletedAt` is
 * the deletion they saw). Neither changes anything. A retry of this very
 * restore (same key; its answer was lost) is a success, not "already back":
 * the key is noted before the CRM is asked.
 */
export function restoreRecord(
  resource: TrashResource,
  uuid: string,
  expectedDeletedAt: string | undefined,
  idempotencyKey: string,
  context: WriteContext,
): Promise<CrmResult<TrashRecord>> {
  return recordLock.run(`${resource}:${uuid}`, async () => {
    const source = TRASH_SOURCES[resource];
    const current = await source.get(uuid, { cache: false });
    const record = current.data;
    const label = source.snapshot(record).label;
    const entry = await findEntry(resource, uuid);

    if (record.deleted_at === null) {
      if (entry?.restoreKey === idempotencyKey) {
        await recordRestored(resource, uuid, { email: context.user.email, key: idempotencyKey });
        return { ...current, meta: { ...current.meta, replayed: true } };
      }
      if (entry && entry.restoredAt === null) await recordRestored(resource, uuid, null);
      const by = entry?.restoredAt && entry.restoredByEmail ? `by ${entry.restoredByEmail}` : "outside the dashboard or before you asked";
      throw new ApiError(
        409,
        "not_deleted",
        `${label} is not in the trash: it was already restored (${by}). Nothing was changed.`,
        undefined,
        undefined,
        record,
      );
    }

    if (expectedDeletedAt !== undefined && !sameInstant(record.deleted_at, expectedDeletedAt)) {
      const again =
        entry && entry.restoredAt === null && sameDeletion(entry.deletedAt, record.deleted_at) && entry.deletedBy ? ` by ${entry.deletedBy.email}` : "";
      throw new ApiError(
        409,
        "deleted_again",
        `${label} was restored and deleted again${again} since you looked. Nothing was changed: check it in the trash again before restoring.`,
        undefined,
        undefined,
        record,
      );
    }

    if (!entry || entry.restoredAt !== null) {
      // Deleted outside the dashboard and never scanned: into the index, so a retried restore is recognised.
      await recordDeletion({ resource, uuid, deletedAt: new Date(record.deleted_at), snapshot: source.snapshot(record), deletedBy: null });
    }
    await markRestoreIntent(resource, uuid, idempotencyKey);
    const restored = await auditedWrite(context, { action: "restore", resource, resourceId: uuid }, () => source.restore(uuid, idempotencyKey));
    await recordRestored(resource, uuid, { email: context.user.email, key: idempotencyKey });
    return restored;
  });
}

/** Like Promise.all over `work`, at most `limit` at a time; the first failure fails the whole. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const values = new Array<R>(items.length);
  const results = await runBulk(
    items.map((item, index) => ({ item, index })),
    async ({ item, index }) => (values[index] = await work(item)),
    { concurrency: limit },
  );
  for (const result of results) if (!result.ok) throw result.error;
  return values;
}
