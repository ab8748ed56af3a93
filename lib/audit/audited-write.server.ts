import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { CrmError } from "@/lib/crm/errors.server";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import type { CurrentUser } from "@/lib/auth/current-user.server";
import type { AuditChanges } from "@/lib/db/tables";
import { recordAudit, type AuditAction, type AuditResource } from "@/lib/audit/record-audit.server";
import { describeCrmError } from "@/lib/errors/describe-crm-error";
import { publishLiveChange } from "@/lib/events/live-bus.server";

export interface WriteContext {
  user: CurrentUser;
  requestId: string;
  /** Said on the audit entry beside the outcome: a choice the person made on the way (saved despite possible duplicates, open jobs kept). */
  note?: string;
}

/**
 * Runs a CRM write and records it in the audit log with its outcome: accepted,
 * rejected (the CRM or a rule said no) or failed (the CRM could not be reached,
 * so it may or may not have happened; the browser's retry will tell).
 * A replayed answer (a retry of a write that already happened) is recorded as such.
 */
export async function auditedWrite<T>(
  context: WriteContext,
  entry: { action: AuditAction; resource: AuditResource; resourceId: string | null; changes?: AuditChanges | null },
  write: () => Promise<CrmResult<T>>,
  resourceIdOf?: (data: T) => string,
): Promise<CrmResult<T>> {
  const base = { actor: { id: context.user.id, email: context.user.email }, action: entry.action, resource: entry.resource, requestId: context.requestId };
  try {
    const result = await write();
    const resourceId = resourceIdOf ? resourceIdOf(result.data) : entry.resourceId;
    await recordAudit({
      ...base,
      resourceId,
      changes: entry.changes ?? null,
      outcome: "accepted",
      detail: withNote(context.note, writeDetailOf(result.meta)),
    });
    await announceChange(context, entry, resourceId);
    return result;
  } catch (error) {
    const rejected = (error instanceof CrmError && ["validation", "not_found", "usage_limit", "forbidden"].includes(error.kind)) || error instanceof ApiError;
    await recordAudit({
      ...base,
      resourceId: entry.resourceId,
      changes: entry.changes ?? null,
      outcome: rejected ? "rejected" : "failed",
      detail: withNote(context.note, auditDetailOf(error)),
    });
    throw error;
  }
}

/** Every accepted change of a customer or job is sent to the open tabs (ADR-022); this is the one place all of them pass. */
async function announceChange(
  context: WriteContext,
  entry: { action: AuditAction; resource: AuditResource; changes?: AuditChanges | null },
  resourceId: string | null,
) {
  if ((entry.resource !== "customer" && entry.resource !== "job") || !resourceId) return;
  await publishLiveChange({
    kind: entry.resource,
    recordId: resourceId,
    action: entry.action,
    fields: Object.keys(entry.changes ?? {}),
    actor: { id: context.user.id, name: context.user.name || context.user.email },
    source: "dashboard",
  });
}

function withNote(note: string | undefined, detail: string | null): string | null {
  return [note, detail].filter(Boolean).join("; ") || null;
}

/** A retry the CRM replayed, and fields the CRM did not keep (lib/crm/kept-write.server.ts), are said beside "accepted". */
function writeDetailOf(meta: CrmResult<unknown>["meta"]): string | null {
  const notes: string[] = [];
  if (meta.replayed) notes.push("retry of an earlier request; the CRM replayed its answer");
  if (meta.notSaved?.length) notes.push(`the CRM did not keep ${meta.notSaved.join(", ")}; the person was told and the form kept them`);
  return notes.length ? notes.join("; ") : null;
}

/**
 * What the audit log says went wrong: the dashboard's own words. The CRM's
 * message stays in the server log; it is not ours to show, may change with
 * the CRM, and can echo back what was sent.
 */
export function auditDetailOf(error: unknown): string {
  if (error instanceof CrmError) return `${describeCrmError(error.kind)} (CRM ${error.status ?? "no answer"})`;
  if (error instanceof ApiError) return error.message.slice(0, 300);
  return "An unexpected error; the server log has the details.";
}
