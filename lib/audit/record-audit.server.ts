import "server-only";
import { sql } from "kysely";
import { appDatabase } from "@/lib/db/app-database.server";
import type { AuditChanges } from "@/lib/db/tables";
import { logEvent } from "@/lib/api/logger.server";

export type AuditAction =
  | "create"
  | "update"
  | "delete"
  | "restore"
  | "role_change"
  | "user_create"
  | "user_deactivate"
  | "user_reactivate"
  | "password_reset"
  | "password_change"
  | "two_factor_enable"
  | "two_factor_disable"
  | "setting_change"
  | "crm_user_link"
  | "sign_in"
  | "sign_out";

export type AuditResource = "customer" | "job" | "user" | "session" | "setting";

export interface AuditEntry {
  actor: { id: string | null; email: string };
  action: AuditAction;
  resource: AuditResource;
  resourceId: string | null;
  changes?: AuditChanges | null;
  requestId: string | null;
  outcome: "accepted" | "rejected" | "failed";
  detail?: string | null;
}

/**
 * Appends to the audit log. A failure to record is logged loudly but does not
 * undo the change it describes (that already happened in the CRM).
 */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  try {
    const { db } = await appDatabase();
    await db
      .insertInto("audit_log")
      .values({
        actor_user_id: entry.actor.id,
        actor_email: entry.actor.email,
        action: entry.action,
        resource: entry.resource,
        resource_id: entry.resourceId,
        changes: entry.changes ? JSON.stringify(entry.changes) : null,
        request_id: entry.requestId,
        outcome: entry.outcome,
        detail: entry.detail ?? null,
      })
      .execute();
  } catch (error) {
    logEvent("error", "audit_write_failed", {
      request_id: entry.requestId,
      action: entry.action,
      resource: entry.resource,
      resource_id: entry.resourceId,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * A rejected sign-in, folded into one row per account and hour: the row
 * counts the attempts and keeps the latest request id and reason. Someone
 * hammering the form adds at most one row an hour per email typed, instead
 * of one per attempt.
 */
export async function recordRejectedSignIn(email: string, requestId: string, detail: string | null): Promise<void> {
  try {
    const { db } = await appDatabase();
    await sql`
      insert into audit_log (actor_email, action, resource, request_id, outcome, detail, last_occurred_at, hour_bucket)
      values (${email}, 'sign_in', 'session', ${requestId}, 'rejected', ${detail}, now(), date_trunc('hour', now() at time zone 'UTC'))
      on conflict (actor_email, hour_bucket) where hour_bucket is not null do update set
        repeat_count = audit_log.repeat_count + 1,
        last_occurred_at = excluded.last_occurred_at,
        request_id = excluded.request_id,
        detail = excluded.detail`.execute(db);
  } catch (error) {
    logEvent("error", "audit_write_failed", {
      request_id: requestId,
      action: "sign_in",
      resource: "session",
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Field-level changes between two records, for the fields named; secret fields by name only. */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  fields: readonly string[],
  secretFields: readonly string[] = [],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    const from = before?.[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[field] = secretFields.includes(field) ? "changed" : { from, to };
  }
  return changes;
}
