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
  /** Rejected sign-ins are folded into one row per account and hour: how many, and the latest. */
  repeatCount: number;
  lastOccurredAt: string | null;
}
