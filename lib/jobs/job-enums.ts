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

export const JOB_PRIORITIES = ["Low", "Normal", "High", "Emergency"] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];
