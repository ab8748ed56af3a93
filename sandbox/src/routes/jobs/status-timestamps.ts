import type { JobInput, JobStatus } from "./schemas";

const TIMESTAMP_OF_STATUS: Partial<Record<JobStatus, "started_at" | "completed_at" | "invoiced_at">> = {
  "In Progress": "started_at",
  Complete: "completed_at",
  Invoiced: "invoiced_at",
};

type StatusTimestamps = Partial<Record<"started_at" | "completed_at" | "invoiced_at", Date>>;

/**
 * CRM-API decision 11: moving to In Progress, Complete or Invoiced stamps
 * started_at, completed_at or invoiced_at when that is still null. "Moving"
 * means the status changes (or a job is created in it). A value the same
 * request sets explicitly, null included, wins over the stamp.
 */
export function statusTimestamps(
  input: JobInput,
  previous: { status: string; started_at: Date | null; completed_at: Date | null; invoiced_at: Date | null } | null,
  now: Date,
): StatusTimestamps {
  const status = input.status ?? (previous ? undefined : "New");
  if (status === undefined || (previous && previous.status === status)) return {};
  const column = TIMESTAMP_OF_STATUS[status];
  if (!column || input[column] !== undefined) return {};
  if (previous && previous[column] !== null) return {};
  return { [column]: now };
}
