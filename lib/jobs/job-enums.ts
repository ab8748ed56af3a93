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

export const JOB_PRIORITIES = ["Low", "Normal", "High", "Emergency"] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];
