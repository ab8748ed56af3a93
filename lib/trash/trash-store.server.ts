import "server-only";
import { appDatabase } from "@/lib/db/app-database.server";
import type { TrashSnapshot } from "@/lib/trash/trash-snapshot";
import type { TrashResource } from "@/lib/trash/trash-types";

/** The trash index in the dashboard's database (migration 004): reads and writes, nothing else. */

export interface TrashEntry {
  resource: TrashResource;
  uuid: string;
  deletedAt: string;
  deletedBy: { userId: string | null; email: string; name: string | null } | null;
  deletedWithCustomer: string | null;
  foundBy: "dashboard" | "scan";
  label: string;
  summary: Record<string, string | null>;
  restoredAt: string | null;
  restoredByEmail: string | null;
  restoreKey: string | null;
}

export interface DeletionRecord {
  resource: TrashResource;
  uuid: string;
  deletedAt: Date;
  snapshot: TrashSnapshot;
  /** Null when found by a scan: deleted outside the dashboard. */
  deletedBy: { userId: string; email: string } | null;
  deletedWithCustomer?: string | null;
}

/**
 * Puts a record in the trash, or refreshes it. A deletion through the
 * dashboard always wins (it knows who); a scan does not overwrite who deleted
 * a record unless the CRM's deleted_at moved, which means it was deleted again.
 */
export async function recordDeletion(record: DeletionRecord): Promise<"added" | "updated"> {
  const { db } = await appDatabase();
  const values = {
    resource: record.resource,
    uuid: record.uuid,
    deleted_at: record.deletedAt,
    deleted_by_user_id: record.deletedBy?.userId ?? null,
    deleted_by_email: record.deletedBy?.email ?? null,
    deleted_with_customer: record.deletedWithCustomer ?? null,
    found_by: record.deletedBy ? ("dashboard" as const) : ("scan" as const),
    label: record.snapshot.label,
    search_text: record.snapshot.searchText,
    summary: JSON.stringify(record.snapshot.summary),
    restored_at: null,
    restored_by_email: null,
    restore_key: null,
  };
  const existing = await db
    .selectFrom("trash_entries")
    .select(["deleted_at", "restored_at"])
    .where("resource", "=", record.resource)
    .where("uuid", "=", record.uuid)
    .executeTakeFirst();
  if (!existing) {
    await db
      .insertInto("trash_entries")
      .values(values)
      .onConflict((conflict) => conflict.columns(["resource", "uuid"]).doNothing())
      .execute();
    return "added";
  }
  const sameDeletion = existing.restored_at === null && Math.abs(new Date(existing.deleted_at).getTime() - record.deletedAt.getTime()) < 1000;
  if (sameDeletion && !record.deletedBy) {
    await db
      .updateTable("trash_entries")
      .set({ label: values.label, search_text: values.search_text, summary: values.summary, deleted_at: values.deleted_at, updated_at: new Date() })
      .where("resource", "=", record.resource)
      .where("uuid", "=", record.uuid)
      .execute();
    return "updated";
  }
  // A restore under way for this same deletion keeps its key (a retry of it must still be recognised).
  const { restore_key: _restoreKey, ...withoutRestoreKey } = values;
  await db
    .updateTable("trash_entries")
    .set({ ...(sameDeletion ? withoutRestoreKey : values), updated_at: new Date() })
    .where("resource", "=", record.resource)
    .where("uuid", "=", record.uuid)
    .execute();
  return existing.restored_at === null ? "updated" : "added";
}

/** The record is back in use: restored through the dashboard (with who and the request's key) or elsewhere (neither). */
export async function recordRestored(resource: TrashResource, uuid: string, by: { email: string; key: string } | null): Promise<boolean> {
  const { db } = await appDatabase();
  const result = await db
    .updateTable("trash_entries")
    .set({ restored_at: new Date(), restored_by_email: by?.email ?? null, restore_key: by?.key ?? null, updated_at: new Date() })
    .where("resource", "=", resource)
    .where("uuid", "=", uuid)
    .where("restored_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findEntry(resource: TrashResource, uuid: string): Promise<TrashEntry | null> {
  const { db } = await appDatabase();
  const row = await entryQuery(db).where("t.resource", "=", resource).where("t.uuid", "=", uuid).executeTakeFirst();
  return row ? toEntry(row) : null;
}

/** The index's entries for these records (deleted, restored, or never noted: absent), by uuid. */
export async function entriesFor(resource: TrashResource, uuids: readonly string[]): Promise<Map<string, TrashEntry>> {
  if (uuids.length === 0) return new Map();
  const { db } = await appDatabase();
  const rows = await entryQuery(db)
    .where("t.resource", "=", resource)
    .where("t.uuid", "in", [...new Set(uuids)])
    .execute();
  return new Map(rows.map((row) => [row.uuid, toEntry(row)]));
}

/** Jobs still in the trash that were deleted together with these customers. */
export async function jobsDeletedWith(customerUuids: readonly string[]): Promise<Map<string, Array<{ uuid: string; label: string }>>> {
  const byCustomer = new Map<string, Array<{ uuid: string; label: string }>>();
  if (customerUuids.length === 0) return byCustomer;
  const { db } = await appDatabase();
  const rows = await db
    .selectFrom("trash_entries")
    .select(["uuid", "label", "deleted_with_customer"])
    .where("resource", "=", "job")
    .where("restored_at", "is", null)
    .where("deleted_with_customer", "in", [...customerUuids])
    .orderBy("deleted_at", "desc")
    .execute();
  for (const row of rows) {
    if (!row.deleted_with_customer) continue;
    const list = byCustomer.get(row.deleted_with_customer) ?? [];
    list.push({ uuid: row.uuid, label: row.label });
    byCustomer.set(row.deleted_with_customer, list);
  }
  return byCustomer;
}

type Db = Awaited<ReturnType<typeof appDatabase>>["db"];

function entryQuery(db: Db) {
  return db
    .selectFrom("trash_entries as t")
    .leftJoin("user as u", "u.id", "t.deleted_by_user_id")
    .select([
      "t.resource",
      "t.uuid",
      "t.deleted_at",
      "t.deleted_by_user_id",
      "t.deleted_by_email",
      "t.deleted_with_customer",
      "t.found_by",
      "t.label",
      "t.summary",
      "t.restored_at",
      "t.restored_by_email",
      "t.restore_key",
      "u.name as deleted_by_name",
    ]);
}

function toEntry(row: {
  resource: TrashResource;
  uuid: string;
  deleted_at: Date;
  deleted_by_user_id: string | null;
  deleted_by_email: string | null;
  deleted_with_customer: string | null;
  found_by: "dashboard" | "scan";
  label: string;
  summary: Record<string, string | null>;
  restored_at: Date | null;
  restored_by_email: string | null;
  restore_key: string | null;
  deleted_by_name: string | null;
}): TrashEntry {
  return {
    resource: row.resource,
    uuid: row.uuid,
    deletedAt: new Date(row.deleted_at).toISOString(),
    deletedBy: row.deleted_by_email ? { userId: row.deleted_by_user_id, email: row.deleted_by_email, name: row.deleted_by_name } : null,
    deletedWithCustomer: row.deleted_with_customer,
    foundBy: row.found_by,
    label: row.label,
    summary: typeof row.summary === "string" ? (JSON.parse(row.summary) as Record<string, string | null>) : row.summary,
    restoredAt: row.restored_at ? new Date(row.restored_at).toISOString() : null,
    restoredByEmail: row.restored_by_email,
    restoreKey: row.restore_key,
  };
}

/** Noted before a restore is sent, so a retry of it (same key) is recognised even if its answer was lost. */
export async function markRestoreIntent(resource: TrashResource, uuid: string, key: string): Promise<void> {
  const { db } = await appDatabase();
  await db.updateTable("trash_entries").set({ restore_key: key, updated_at: new Date() }).where("resource", "=", resource).where("uuid", "=", uuid).execute();
}
