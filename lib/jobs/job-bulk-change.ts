import type { BulkWrite } from "@/lib/bulk/bulk-change";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { errorText } from "@/lib/http/error-advice";
import { assigneeLabel } from "@/lib/jobs/assignees";
import { jobToFormValues } from "@/lib/jobs/job-crm-mapping";
import { jobFields } from "@/lib/jobs/job-fields";
import type { JobPatch } from "@/lib/jobs/job-changes";
import type { Assignee, JobDetail, JobListItem } from "@/lib/jobs/job-types";

/**
 * What a change to many jobs at once may set, and the rules it follows: a
 * value is checked as the job form checks it (job-fields.ts) before any
 * request, and each job is one partial update of that one field with the
 * version of the job the person saw, so a job someone else changed meanwhile
 * is reported rather than overwritten.
 */
export const BULK_JOB_FIELDS = ["status", "priority", "assigned_to_user_id", "scheduled_date"] as const;
export type BulkJobField = (typeof BULK_JOB_FIELDS)[number];

export const BULK_JOB_FIELD_LABELS: Record<BulkJobField, string> = {
  status: "Status",
  priority: "Priority",
  assigned_to_user_id: "Technician",
  scheduled_date: "Date",
};

/** One field set to one value on every selected job. `null` is "none" (unassigned). */
export interface BulkJobChange {
  field: BulkJobField;
  value: string | null;
}

export type BulkJobCheck = { ok: true; change: BulkJobChange } | { ok: false; message: string };

function isBulkJobField(field: string): field is BulkJobField {
  return (BULK_JOB_FIELDS as readonly string[]).includes(field);
}

/**
 * The person's choice, checked. `offered` are the technicians the dialog
 * offers: an id that is not among them (a stale list, a hand-made request)
 * is refused here, before anything is sent. The technician "" is "Unassigned".
 */
export function checkBulkJobChange(field: string, raw: string, offered: readonly Assignee[]): BulkJobCheck {
  if (!isBulkJobField(field)) return { ok: false, message: "Choose what to change: status, priority, technician or date." };
  const value = raw.trim();
  switch (field) {
    case "status":
    case "priority": {
      if (value === "") return { ok: false, message: `Choose a ${field} from the list` };
      const parsed = jobFields[field].safeParse(value);
      return parsed.success ? { ok: true, change: { field, value: parsed.data } } : { ok: false, message: parsed.error.issues[0]?.message ?? "" };
    }
    case "assigned_to_user_id": {
      if (value === "") return { ok: true, change: { field, value: null } };
      return offered.some((person) => person.id === value)
        ? { ok: true, change: { field, value } }
        : { ok: false, message: "Choose a technician from the list; that one is not offered" };
    }
    case "scheduled_date": {
      // Clearing dates in bulk is not offered: a job with a time window must keep a date (the job form's rule).
      if (value === "") return { ok: false, message: "Enter a date like 2026-03-14" };
      const parsed = jobFields.scheduled_date.safeParse(value);
      return parsed.success && parsed.data
        ? { ok: true, change: { field, value: parsed.data } }
        : { ok: false, message: parsed.error?.issues[0]?.message ?? "" };
    }
  }
}

/** The field's value on a job as the job form holds it ("" is none), as the change compares and the Undo sends back. */
export function currentValue(job: JobListItem, field: BulkJobField): string | null {
  const value = jobToFormValues(job)[field];
  return value === "" ? null : value;
}

/** "Status: Scheduled", "Technician: Unassigned", for titles and notices. */
export function describeBulkJobChange(change: BulkJobChange, people: readonly Assignee[]): string {
  const label = BULK_JOB_FIELD_LABELS[change.field];
  if (change.field === "assigned_to_user_id") {
    const person = people.find((candidate) => candidate.id === change.value);
    return `${label}: ${change.value === null ? "Unassigned" : person ? assigneeLabel(person) : "a team member"}`;
  }
  return `${label}: ${change.value ?? "none"}`;
}

/** A job changed by a bulk change: what the field held before, and the version the change produced (the Undo's expected version). */
export interface ChangedJob {
  job: JobListItem;
  field: BulkJobField;
  before: string | null;
  savedUpdatedAt: string;
}

export type SendJobPatch = (uuid: string, patch: JobPatch, idempotencyKey: string) => Promise<JobDetail>;

function patchOf(field: BulkJobField, value: string | null, expectedUpdatedAt: string): JobPatch {
  return { [field]: value, expected_updated_at: expectedUpdatedAt } as JobPatch;
}

function isConflict(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 409;
}

function notFound(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 404;
}

/** The writes of a change: one field, from the version each job was selected at. */
export function bulkJobWrites(change: BulkJobChange, send: SendJobPatch): BulkWrite<JobListItem, JobDetail> {
  return {
    id: (job) => job.uuid,
    alreadySet: (job) => currentValue(job, change.field) === change.value,
    write: (job, key) => send(job.uuid, patchOf(change.field, change.value, job.updated_at ?? ""), key),
    failureReason: (error) =>
      isConflict(error)
        ? "Someone else changed it after it was selected, so it was not changed. Reload the list to see their version."
        : notFound(error)
          ? "It was deleted or no longer exists."
          : errorText(error, "The change could not be saved."),
  };
}

/** A written job as its Undo needs it. */
export function changedJob(job: JobListItem, field: BulkJobField, saved: JobDetail): ChangedJob {
  return { job, field, before: currentValue(job, field), savedUpdatedAt: saved.updated_at ?? "" };
}

/**
 * The Undo's writes: the changed field only, back to its value before, and
 * only where the job is still the version the change produced. A job changed
 * since by someone else is reported (409), not overwritten.
 */
export function undoJobWrites(send: SendJobPatch): BulkWrite<ChangedJob, JobDetail> {
  return {
    id: (changed) => changed.job.uuid,
    write: (changed, key) => send(changed.job.uuid, patchOf(changed.field, changed.before, changed.savedUpdatedAt), key),
    failureReason: (error) =>
      isConflict(error)
        ? "Someone else changed it after the change, so it was left as they made it."
        : notFound(error)
          ? "It was deleted or no longer exists."
          : errorText(error, "It could not be put back."),
  };
}
