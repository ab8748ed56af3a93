import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { auditedWrite, type WriteContext } from "@/lib/audit/audited-write.server";
import { runBulk } from "@/lib/bulk/run-bulk";
import { recordLock } from "@/lib/concurrency/record-lock.server";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import { sameInstant } from "@/lib/time/same-instant";
import { TRASH_SOURCES, type TrashRecord } from "@/lib/trash/trash-records.server";
import { logEvent } from "@/lib/api/logger.server";
import { deletedStateOf } from "@/lib/mirror/mirror-deleted-state.server";
import { queryDeleted } from "@/lib/mirror/mirror-queries.server";
import type { MirrorCustomerRow, MirrorJobRow } from "@/lib/mirror/mirror-types";
import { entriesFor, findEntry, jobsDeletedWith, markRestoreIntent, recordDeletion, recordRestored, type TrashEntry } from "@/lib/trash/trash-store.server";
import { TAB_OF } from "@/lib/trash/queries/trash-tabs";
import { TRASH_PAGE_SIZE, type TrashPage, type TrashResource, type TrashRow } from "@/lib/trash/trash-types";

/** How many unconfirmed rows of a trash page are read from the CRM at once. */
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
 * One page of the trash, from the mirror: every deleted customer or job it
 * knows, wherever it was deleted, most recently deleted first. Who deleted
 * it comes from the trash index when the deletion went through the
 * dashboard. Rows deleted through the dashboard that the CRM has not
 * confirmed yet (the mirror holds the dashboard's clock) are read from the
 * CRM first, once each: restore compares the CRM's own deleted_at, and one
 * restored elsewhere meanwhile leaves the trash.
 */
export async function listTrash(resource: TrashResource, filter: { search: string; page: number; limit?: number }): Promise<TrashPage> {
  const limit = filter.limit ?? TRASH_PAGE_SIZE;
  const query = { search: filter.search, page: filter.page, limit };
  let answer = await queryDeleted(TAB_OF[resource], query);
  const confirmed = await confirmProvisional(
    resource,
    answer.rows.map((row) => row.uuid),
  );
  if (confirmed.asked) answer = await queryDeleted(TAB_OF[resource], query);

  const entries = await entriesFor(
    resource,
    answer.rows.map((row) => row.uuid),
  );
  const rows = answer.rows.map((row) => toTrashRow(resource, row, entries.get(row.uuid) ?? null));
  const withJobs =
    resource === "customer" ? await jobsStillDeletedWith(rows.map((row) => row.uuid)) : new Map<string, Array<{ uuid: string; label: string }>>();
  return {
    rows: rows.map((row) => ({ ...row, jobs_deleted_with: withJobs.get(row.uuid) ?? [] })),
    pagination: { page: filter.page, limit, total: answer.total },
    crm_requests: confirmed.requests,
    removed: confirmed.removed,
    asOf: answer.asOf,
  };
}

function toTrashRow(resource: TrashResource, row: MirrorCustomerRow | MirrorJobRow, entry: TrashEntry | null): TrashRow {
  const deletedAt = row.deleted_at ?? new Date(0).toISOString();
  // The index knows who when this very deletion went through the dashboard; a later one made elsewhere is nobody's here.
  const known = entry && entry.restoredAt === null && entry.deletedBy && sameDeletion(entry.deletedAt, deletedAt) ? entry.deletedBy : null;
  const base = {
    resource,
    uuid: row.uuid,
    deleted_at: deletedAt,
    deleted_by: known ? { name: known.name ?? known.email, email: known.email } : null,
    jobs_deleted_with: [],
  };
  if (resource === "job") {
    const job = row as MirrorJobRow;
    return {
      ...base,
      label: job.title,
      summary: {
        job_number: job.job_number,
        status: job.status,
        scheduled_date: job.scheduled_date,
        customer_uuid: job.customer_uuid,
        customer_name: job.customer_name || null,
      },
    };
  }
  const customer = row as MirrorCustomerRow;
  return {
    ...base,
    label: `${customer.first_name} ${customer.last_name}`.trim() || customer.company_name || "Unnamed customer",
    summary: { company_name: customer.company_name, phone: customer.phone, email: customer.email, city: customer.city },
  };
}

/**
 * Reads from the CRM the rows the mirror holds as deleted only on the
 * dashboard's word (read-through replaces them with the CRM's record). A CRM
 * that does not answer leaves them as they are: the page still shows them.
 */
async function confirmProvisional(resource: TrashResource, uuids: readonly string[]): Promise<{ asked: boolean; requests: number; removed: number }> {
  const states = await deletedStateOf(TAB_OF[resource], uuids);
  const provisional = uuids.filter((uuid) => states.get(uuid)?.provisional);
  if (provisional.length === 0) return { asked: false, requests: 0, removed: 0 };
  const source = TRASH_SOURCES[resource];
  let requests = 0;
  let removed = 0;
  const results = await runBulk(
    provisional,
    async (uuid) => {
      const result = await source.get(uuid, { cache: false });
      requests += result.meta.upstreamCalls;
      if (result.data.deleted_at === null) {
        removed += 1;
        await recordRestored(resource, uuid, null);
      }
    },
    { concurrency: CHECK_CONCURRENCY },
  );
  for (const result of results) {
    if (!result.ok) {
      logEvent("info", "trash_confirm_failed", {
        resource,
        uuid: result.item,
        message: result.error instanceof Error ? result.error.message : String(result.error),
      });
    }
  }
  return { asked: true, requests, removed };
}

/** Jobs the index says were deleted with these customers, that the mirror still holds as deleted. */
async function jobsStillDeletedWith(customerUuids: readonly string[]): Promise<Map<string, Array<{ uuid: string; label: string }>>> {
  const byCustomer = await jobsDeletedWith(customerUuids);
  const jobUuids = [...byCustomer.values()].flat().map((job) => job.uuid);
  const deleted = await deletedStateOf("jobs", jobUuids);
  return new Map([...byCustomer].map(([customer, jobs]) => [customer, jobs.filter((job) => deleted.has(job.uuid))]));
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
