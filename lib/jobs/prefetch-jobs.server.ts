import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { JOB_STATUSES } from "@/lib/jobs/job-enums";
import { BOARD_PAGE_SIZE } from "@/lib/jobs/job-list-url";
import type { JobListFilters } from "@/lib/jobs/job-list-filters";
import type { JobListPage } from "@/lib/jobs/job-types";
import type { BoardFilters } from "@/lib/jobs/job-list-url";
import { listJobsFor } from "@/lib/jobs/list-jobs.server";
import { staleSinceOf } from "@/lib/api/crm-response.server";
import { recordDataAge } from "@/lib/query/data-age";

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
        queryFn: async (): Promise<JobListPage> => {
          const result = await listJobsFor({ ...filters, status: [status], page: 1, limit: BOARD_PAGE_SIZE });
          recordDataAge(queryClient, jobKeys.boardColumn(status, filters), staleSinceOf(result));
          return result.data;
        },
        initialPageParam: 1,
      }),
    ),
  );
}

export async function prefetchJobList(queryClient: QueryClient, filters: JobListFilters): Promise<void> {
  await queryClient.prefetchQuery({
    queryKey: jobKeys.list(filters),
    queryFn: async (): Promise<JobListPage> => {
      const result = await listJobsFor(filters);
      recordDataAge(queryClient, jobKeys.list(filters), staleSinceOf(result));
      return result.data;
    },
  });
}
