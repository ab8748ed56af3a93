/**
 * A change of a customer or job, as the live stream (/api/events) sends it to
 * open tabs. Both sides read this shape: the server writes it as the `data:`
 * of an SSE `change` event, the browser parses it to decide what to refetch.
 */
export type LiveRecordKind = "customer" | "job";
export type LiveSource = "dashboard" | "sync";

export interface LiveChange {
  /** The event's id in the log; also the SSE `id:`, so a reconnect resumes after it. */
  id: string;
  /** ISO time the change was recorded. */
  at: string;
  kind: LiveRecordKind;
  recordId: string;
  /** create, update, delete, restore. */
  action: string;
  /** Field names that changed, as the forms name them (empty when not known: a delete, a change found by the sync). */
  fields: string[];
  /** Who: the dashboard user, or null for a change found by the sync. */
  actor: { id: string | null; name: string };
  source: LiveSource;
}

/** A change's recordId when it stands for many records of its kind (the sync found many at once). */
export const ANY_RECORD = "*";
/** Who a change the sync found is shown as. */
export const SYNC_ACTOR_NAME = "someone in the CRM";

/** SSE event names the stream uses. `reset`: the tab was away longer than the log keeps; refetch everything. */
export const LIVE_EVENT_CHANGE = "change";
export const LIVE_EVENT_RESET = "reset";

/** Fields whose change moves a job's card: to another board column, or another lane or day of the schedule. */
export const MOVE_FIELDS = ["status", "assigned_to_user_id", "scheduled_date", "scheduled_time_start", "scheduled_time_end"] as const;

export function isMove(change: LiveChange): boolean {
  return change.kind === "job" && change.action === "update" && change.fields.some((field) => (MOVE_FIELDS as readonly string[]).includes(field));
}
