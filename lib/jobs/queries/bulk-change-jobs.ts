import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { writeRows } from "@/lib/bulk/bulk-change";
import type { BulkProgress } from "@/lib/bulk/run-bulk";
import { bulkJobWrites, changedJob, undoJobWrites, type BulkJobChange, type ChangedJob } from "@/lib/jobs/job-bulk-change";
import type { JobListItem } from "@/lib/jobs/job-types";
import { customersChanged } from "@/lib/customers/queries/customers-changed";
import { jobsChanged } from "@/lib/jobs/queries/jobs-changed";
import { updateJob } from "@/lib/jobs/queries/update-job";

/**
 * A change to many jobs and its Undo over PUT /api/jobs/:uuid. updateJob
 * retries a lost answer with the same key (apiMutate), and "Try again" passes
 * the same keyFor, so each job is changed once whatever is retried.
 */
export async function changeJobs(
  jobs: readonly JobListItem[],
  change: BulkJobChange,
  keyFor: (id: string) => string,
  onProgress?: (progress: BulkProgress) => void,
) {
  const report = await writeRows(jobs, bulkJobWrites(change, updateJob), keyFor, onProgress);
  return {
    changed: report.written.map(({ row, saved }) => changedJob(row, change.field, saved)),
    unchanged: report.unchanged,
    failed: report.failed.map(({ row, reason }) => ({ job: row, reason })),
  };
}

export async function undoJobChanges(changed: readonly ChangedJob[], keyFor: (id: string) => string, onProgress?: (progress: BulkProgress) => void) {
  const report = await writeRows(changed, undoJobWrites(updateJob), keyFor, onProgress);
  return {
    undone: report.written.map(({ row }) => row),
    failed: report.failed.map(({ row, reason }) => ({ changed: row, reason })),
  };
}

/** Every job view (the table, the board, job pages) reads again; customers' pages, which list their jobs, when next shown. */
export function useJobsChangedInBulk(): () => Promise<unknown> {
  const queryClient = useQueryClient();
  return useCallback(() => Promise.all([jobsChanged(queryClient), customersChanged(queryClient, "all", "none")]), [queryClient]);
}
