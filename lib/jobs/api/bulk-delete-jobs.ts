import type { BulkDeleteKind } from "@/lib/bulk/bulk-delete";
import { customerKeys } from "@/lib/customers/api/customer-keys";
import { deleteJob } from "@/lib/jobs/api/delete-job";
import { restoreJob } from "@/lib/jobs/api/restore-job";
import { jobLabel } from "@/lib/jobs/job-format";
import type { JobListItem } from "@/lib/jobs/job-types";
import { trashKeys } from "@/lib/trash/api/trash-api";
import { jobsChanged } from "@/lib/jobs/api/jobs-changed";

/** Jobs for the table's bulk delete. */
export const jobBulkDelete: BulkDeleteKind<JobListItem> = {
  noun: { one: "job", many: "jobs" },
  id: (job) => job.uuid,
  label: jobLabel,
  remove: (uuid, key) => deleteJob(uuid, key),
  restore: (uuid, key) => restoreJob(uuid, key),
  refresh: (queryClient) =>
    Promise.all([
      jobsChanged(queryClient),
      // A customer's page lists their jobs and open jobs: marked stale, read again when next shown.
      queryClient.invalidateQueries({ queryKey: customerKeys.all, refetchType: "none" }),
      queryClient.invalidateQueries({ queryKey: trashKeys.all }),
    ]),
};
