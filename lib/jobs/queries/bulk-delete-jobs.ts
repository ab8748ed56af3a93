import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { BulkDeleteKind } from "@/lib/bulk/bulk-delete";
import { customersChanged } from "@/lib/customers/queries/customers-changed";
import { deleteJob } from "@/lib/jobs/queries/delete-job";
import { jobsChanged } from "@/lib/jobs/queries/jobs-changed";
import { restoreJob } from "@/lib/jobs/queries/restore-job";
import { jobLabel } from "@/lib/jobs/job-format";
import type { JobListItem } from "@/lib/jobs/job-types";
import { trashKeys } from "@/lib/trash/queries/trash-query-keys";

/** Jobs for the table's bulk delete, with what a delete or its undo makes stale. */
export function useJobBulkDelete(): BulkDeleteKind<JobListItem> {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      noun: { one: "job", many: "jobs" },
      id: (job) => job.uuid,
      label: jobLabel,
      remove: (uuid, key) => deleteJob(uuid, key),
      restore: (uuid, key) => restoreJob(uuid, key),
      refresh: () =>
        Promise.all([
          jobsChanged(queryClient),
          // A customer's page lists their jobs and open jobs: marked stale, read again when next shown.
          customersChanged(queryClient, "all", "none"),
          queryClient.invalidateQueries({ queryKey: trashKeys.all }),
        ]),
    }),
    [queryClient],
  );
}
