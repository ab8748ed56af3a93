import { JOB_FIELDS, type JobField } from "@/lib/jobs/job-field-labels";
import { SERVICE_ADDRESS_FIELDS, parseAmount } from "@/lib/jobs/job-fields";
import { conflictRows, patchOf, reapplyOnto, type ConflictRow } from "@/lib/forms/form-changes";
import type { JobFormState, JobFormValues } from "@/lib/jobs/job-schema";

/**
 * What an edit of a job changed, as the basis of its partial update. Only
 * changed fields are sent, so "Apply my changes again" after a conflict
 * never writes this form's stale copy of fields someone else changed.
 */
export type JobPatch = Partial<JobFormValues> & { expected_updated_at: string };

const AMOUNT_FIELDS: readonly JobField[] = ["estimated_amount", "actual_amount"];

function sameValue(field: JobField, a: unknown, b: unknown): boolean {
  if (AMOUNT_FIELDS.includes(field) && (typeof a === "string" || typeof a === "number") && (typeof b === "string" || typeof b === "number")) {
    // "1450.5" and "1450.50" are the same amount.
    const [left, right] = [parseAmount(a), parseAmount(b)];
    if (left.ok && right.ok) return left.value === right.value;
  }
  // Surrounding spaces are trimmed by the schema: they are not a change.
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  return a === b;
}

/** The fields whose value differs, in form order. Hidden service-address inputs (customer's address used) don't count. */
export function changedJobFields(base: JobFormState, values: JobFormState): JobField[] {
  return JOB_FIELDS.filter((field) => {
    if (values.use_customer_address && (SERVICE_ADDRESS_FIELDS as readonly JobField[]).includes(field)) return false;
    return !sameValue(field, base[field], values[field]);
  });
}

/** The update to send, or null when nothing changed. */
export function buildJobPatch(base: JobFormState, values: JobFormState, expectedUpdatedAt: string): JobPatch | null {
  const changed = changedJobFields(base, values);
  if (changed.length === 0) return null;
  return patchOf(JOB_FIELDS, new Set(changed), values, expectedUpdatedAt) as JobPatch;
}

/** After a conflict: the job as it is now, with this person's own changes laid on top. */
export function reapplyJobChanges(base: JobFormState, mine: JobFormState, current: JobFormState): JobFormState {
  const changed = changedJobFields(base, mine);
  return reapplyOnto(current, mine, mine.use_customer_address ? [...changed, "use_customer_address" as const] : changed);
}

export type JobConflictRow = ConflictRow<JobField>;

/** Field by field, what someone else changed and what this person changed. */
export function describeJobConflict(base: JobFormState, mine: JobFormState, current: JobFormState): JobConflictRow[] {
  return conflictRows(JOB_FIELDS, { base, mine, current }, new Set(changedJobFields(base, mine)), sameValue, (field) => field === "use_customer_address");
}
