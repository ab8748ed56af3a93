import type { BulkDeleteKind } from "@/lib/bulk/bulk-delete";
import { deleteJob } from "@/lib/jobs/api/delete-job";
import { restoreJob } from "@/lib/jobs/api/restore-job";
import { jobLabel } from "@/lib/jobs/job-format";
import type { JobListItem } from "@/lib/jobs/job-types";
import { trashKeys } from "@/lib/trash/api/trash-api";
import { jobsChanged } from "@/lib/jobs/api/jobs-changed";
import { customersChanged } from "@/lib/customers/api/customers-changed";

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
      customersChanged(queryClient, "all", "none"),
      queryClient.invalidateQueries({ queryKey: trashKeys.all }),
    ]),
};
