import type { QueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/lib/jobs/api/job-query-keys";

/**
 * A job changed: what the browser holds of jobs is out of date. Queries on
 * screen are marked stale and refetched as `refetchType` says (default: now).
 *
 * The job table's and the board's queries that no screen shows are dropped
 * instead of marked. Those pages are rendered on the server with fresh data
 * whenever they are opened again, and hand it to the browser through
 * HydrationBoundary. A query still in the cache, merely marked stale, would
 * refetch the moment the page mounts, before HydrationBoundary gives it the
 * server's data (it does that for queries already in the cache in an effect,
 * after the page's own effects have run; TanStack Query issue 9610): coming
 * back to the board after saving a job asked the CRM for its ten columns twice.
 * A dropped query is simply created from the server's data.
 */
export async function jobsChanged(queryClient: QueryClient, refetchType: "active" | "none" = "active"): Promise<void> {
  queryClient.removeQueries({ queryKey: jobKeys.lists(), type: "inactive" });
  queryClient.removeQueries({ queryKey: jobKeys.board(), type: "inactive" });
  await queryClient.invalidateQueries({ queryKey: jobKeys.all, refetchType });
}
