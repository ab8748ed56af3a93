import { useBulkDeleteKind, type BulkDeletePieces } from "@/lib/bulk/use-bulk-delete-kind";
import { customersChanged } from "@/lib/customers/queries/customers-changed";
import { deleteJob } from "@/lib/jobs/queries/delete-job";
import { jobsChanged } from "@/lib/jobs/queries/jobs-changed";
import { restoreJob } from "@/lib/jobs/queries/restore-job";
import { jobLabel } from "@/lib/jobs/job-format";
import type { JobListItem } from "@/lib/jobs/job-types";

/** Jobs for the table's bulk delete. */
const jobPieces: BulkDeletePieces<JobListItem> = {
  noun: { one: "job", many: "jobs" },
  id: (job) => job.uuid,
  label: jobLabel,
  remove: (uuid, key) => deleteJob(uuid, key),
  restore: (uuid, key) => restoreJob(uuid, key),
  refresh: (queryClient) =>
    Promise.all([
      jobsChanged(queryClient),
      // A customer's page lists their jobs and open jobs: marked stale, read again when next shown.
      customersChanged(queryClient, "all", "none"),
    ]),
};

export function useJobBulkDelete() {
  return useBulkDeleteKind(jobPieces);
}
