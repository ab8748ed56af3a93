/** One audit log entry as the pages show it. */
export interface AuditRow {
  id: string;
  occurredAt: string;
  actorEmail: string;
  action: string;
  resource: string;
  resourceId: string | null;
  changes: Record<string, unknown> | null;
  requestId: string | null;
  outcome: string;
  detail: string | null;
}
