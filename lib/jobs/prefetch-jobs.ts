import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { listJobs } from "@/lib/crm/jobs";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { JOB_STATUSES } from "@/lib/jobs/job-enums";
import { BOARD_PAGE_SIZE } from "@/lib/jobs/job-list-url";
import type { JobListFilters } from "@/lib/jobs/job-list-filters";
import type { JobListPage } from "@/lib/jobs/job-types";
import type { BoardFilters } from "@/lib/jobs/job-url-filters";

/**
 * Server-side prefetches for the job pages, under the same query keys the
 * browser uses, so the first paint has data and hydration asks for nothing.
 * A CRM failure is not thrown: the query stays empty and the browser retries
 * and shows the error where the data would be.
 */
export async function prefetchBoard(queryClient: QueryClient, filters: BoardFilters): Promise<void> {
  await Promise.all(
    JOB_STATUSES.map((status) =>
      queryClient.prefetchInfiniteQuery({
        queryKey: jobKeys.boardColumn(status, filters),
        queryFn: async (): Promise<JobListPage> =>
          (
            await listJobs({
              statuses: [status],
              priority: filters.priority,
              locationUuid: filters.location_uuid,
              assignedToUserId: filters.assigned_to_user_id,
              customerUuid: filters.customer_uuid,
              search: filters.search,
              page: 1,
              limit: BOARD_PAGE_SIZE,
            })
          ).data,
        initialPageParam: 1,
      }),
    ),
  );
}

export async function prefetchJobList(queryClient: QueryClient, filters: JobListFilters): Promise<void> {
  await queryClient.prefetchQuery({
    queryKey: jobKeys.list(filters),
    queryFn: async (): Promise<JobListPage> =>
      (
        await listJobs({
          statuses: filters.status,
          priority: filters.priority,
          locationUuid: filters.location_uuid,
          assignedToUserId: filters.assigned_to_user_id,
          customerUuid: filters.customer_uuid,
          search: filters.search,
          includeDeleted: filters.include_deleted,
          page: filters.page,
          limit: filters.limit,
        })
      ).data,
  });
}
