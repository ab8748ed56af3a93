import type { QueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/lib/jobs/api/job-query-keys";
import { invalidateServerRendered } from "@/lib/query/invalidate-server-rendered";

/**
 * A job changed: everything the browser holds of jobs is out of date. The job
 * table's and the board's queries are the server-rendered ones (see
 * invalidateServerRendered for why those are dropped when off screen).
 */
export function jobsChanged(queryClient: QueryClient, refetchType: "active" | "none" = "active"): Promise<void> {
  return invalidateServerRendered(queryClient, { queryKey: jobKeys.all, serverRendered: [jobKeys.lists(), jobKeys.board()], refetchType });
}
