import "server-only";
import { z } from "zod";
import { appDatabase } from "@/lib/db/app-database.server";
import type { AuditRow } from "@/lib/audit/audit-types";

export type { AuditRow };

export const AUDIT_PAGE_SIZE = 50;

export const auditFiltersSchema = z.object({
  actor: z.string().trim().max(200).optional().catch(undefined),
  action: z.string().trim().max(40).optional().catch(undefined),
  resource: z.enum(["customer", "job", "user", "session", "setting"]).optional().catch(undefined),
  resource_id: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/**
 * The same filters for the API, strict: a value that is not one of these is a
 * 400 naming it, not silently dropped (a dropped resource_id would widen the
 * answer instead of narrowing it). The admin page keeps the lenient schema,
 * because a mistyped URL there should still show the log.
 */
export const auditApiFiltersSchema = z.object({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(40).optional(),
  resource: z.enum(["customer", "job", "user", "session"]).optional(),
  resource_id: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/** Newest first; one extra row is read to know whether a next page exists without counting. */
export async function queryAuditLog(filters: AuditFilters): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  const { db } = await appDatabase();
  let query = db.selectFrom("audit_log").selectAll();
  if (filters.actor) query = query.where("actor_email", "ilike", `%${escapeLike(filters.actor)}%`);
  if (filters.action) query = query.where("action", "=", filters.action);
  if (filters.resource) query = query.where("resource", "=", filters.resource);
  if (filters.resource_id) query = query.where("resource_id", "=", filters.resource_id);
  const rows = await query
    .orderBy("occurred_at", "desc")
    .orderBy("id", "desc")
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filters.page - 1) * AUDIT_PAGE_SIZE)
    .execute();
  return {
    hasMore: rows.length > AUDIT_PAGE_SIZE,
    rows: rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({
      id: String(row.id),
      occurredAt: new Date(row.occurred_at).toISOString(),
      actorEmail: row.actor_email,
      action: row.action,
      resource: row.resource,
      resourceId: row.resource_id,
      changes: (typeof row.changes === "string" ? JSON.parse(row.changes) : row.changes) as Record<string, unknown> | null,
      requestId: row.request_id,
      outcome: row.outcome,
      detail: row.detail,
      repeatCount: row.repeat_count,
      lastOccurredAt: row.last_occurred_at ? new Date(row.last_occurred_at).toISOString() : null,
    })),
  };
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}
