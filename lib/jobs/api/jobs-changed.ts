import type { QueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/lib/jobs/api/job-query-keys";

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
