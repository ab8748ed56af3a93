import type { QueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import type { JobDetail } from "@/lib/jobs/job-types";
import { trashKeys } from "@/lib/trash/queries/trash-query-keys";
import { recordDataAge } from "@/lib/query/data-age";

/**
 * A job changed: everything the browser holds of jobs is out of date. What is
 * on screen refetches as `refetchType` says (default: now); the rest is marked
 * stale and read again when next shown. The job table and the board are also
 * rendered on the server, which hands its fresh data over before they would
 * refetch (components/query/hydration-boundary.tsx), so going back to them by
 * a link reads nothing twice; going back by the browser's Back, whose page
 * carries its old server data, refetches them.
 */
export function jobsChanged(queryClient: QueryClient, refetchType: "active" | "none" = "active"): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: jobKeys.all, refetchType });
}

/** A saved job is what its page shows; lists, the board and the history are marked stale and reload where they are shown. */
export function jobSaved(queryClient: QueryClient, job: JobDetail): void {
  queryClient.setQueryData(jobKeys.detail(job.uuid), job);
  // The CRM just answered: whatever saved copy the job page showed is replaced by the current job.
  recordDataAge(queryClient, jobKeys.detail(job.uuid), null);
  void jobsChanged(queryClient, "none");
}

/**
 * After a delete or restore of one job: its page and history are read again,
 * other job views with `lists` (now, or when next shown), and the trash is
 * marked stale.
 */
export async function jobDeletedOrRestored(queryClient: QueryClient, uuid: string, lists: "active" | "none"): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: jobKeys.detail(uuid) });
  await queryClient.invalidateQueries({ queryKey: jobKeys.history(uuid) });
  await jobsChanged(queryClient, lists);
  await queryClient.invalidateQueries({ queryKey: trashKeys.all, refetchType: "none" });
}
