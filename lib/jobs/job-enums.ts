/** Job statuses in the order work flows through them (the board's column order). */
export const JOB_STATUSES = [
  "New",
  "Contacted",
  "Estimate Sent",
  "Estimate Approved",
  "Scheduled",
  "In Progress",
  "Needs Approval",
  "Ready to Invoice",
  "Invoiced",
  "Complete",
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Open means anything not finished: every status but Complete (the caller lookup, the delete warning and the cascade count alike). */
export const OPEN_JOB_STATUSES: readonly JobStatus[] = JOB_STATUSES.filter((status) => status !== "Complete");

/**
 * The jobs that hold a customer's delete until the person says what happens
 * to them: every status but Complete and Invoiced. An invoiced job is the
 * office's paperwork, not a visit a technician may still be sent on.
 */
export const JOBS_HOLDING_A_DELETE: readonly JobStatus[] = JOB_STATUSES.filter((status) => status !== "Complete" && status !== "Invoiced");

/** What a customer's delete does with their open jobs (JOBS_HOLDING_A_DELETE): delete them too, or leave them. */
export const OPEN_JOBS_CHOICES = ["delete", "keep"] as const;
export type OpenJobsChoice = (typeof OPEN_JOBS_CHOICES)[number];

export const JOB_PRIORITIES = ["Low", "Normal", "High", "Emergency"] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];
