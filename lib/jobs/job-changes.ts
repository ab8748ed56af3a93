import { JOB_FIELDS, type JobField } from "@/lib/jobs/job-field-labels";
import { SERVICE_ADDRESS_FIELDS } from "@/lib/jobs/job-fields";
import { parseAmount } from "@/lib/jobs/job-fields";
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
  const patch: Record<string, unknown> = { expected_updated_at: expectedUpdatedAt };
  for (const field of changed) patch[field] = values[field];
  return patch as JobPatch;
}

/** After a conflict: the job as it is now, with this person's own changes laid on top. */
export function reapplyJobChanges(base: JobFormState, mine: JobFormState, current: JobFormState): JobFormState {
  const merged: JobFormState = { ...current };
  const assign = <F extends JobField>(field: F) => {
    merged[field] = mine[field];
  };
  for (const field of changedJobFields(base, mine)) assign(field);
  if (mine.use_customer_address) assign("use_customer_address");
  return merged;
}

export interface JobConflictRow {
  field: JobField;
  /** What this person started from. */
  before: unknown;
  /** The job now (someone else's change). */
  current: unknown;
  /** What this person typed. */
  mine: unknown;
  theyChanged: boolean;
  iChanged: boolean;
  /** Both changed it, differently: applying mine again replaces theirs. */
  clash: boolean;
}

/** Field by field, what someone else changed and what this person changed. */
export function describeJobConflict(base: JobFormState, mine: JobFormState, current: JobFormState): JobConflictRow[] {
  const myChanges = new Set(changedJobFields(base, mine));
  return JOB_FIELDS.flatMap((field) => {
    if (field === "use_customer_address") return [];
    const theyChanged = !sameValue(field, base[field], current[field]);
    const iChanged = myChanges.has(field);
    if (!theyChanged && !iChanged) return [];
    return [{ field, before: base[field], current: current[field], mine: mine[field], theyChanged, iChanged, clash: theyChanged && iChanged && !sameValue(field, mine[field], current[field]) }];
  });
}
