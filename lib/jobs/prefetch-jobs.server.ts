import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { JOB_STATUSES } from "@/lib/jobs/job-enums";
import type { JobListFilters } from "@/lib/jobs/job-list-filters";
import type { JobListPage } from "@/lib/jobs/job-types";
import type { BoardFilters } from "@/lib/jobs/job-list-url";
import { listJobsFor } from "@/lib/jobs/list-jobs.server";
import { loadBoard } from "@/lib/jobs/board.server";
import type { BoardColumnData } from "@/lib/jobs/board-cache";
import { staleSinceOf } from "@/lib/api/crm-response.server";
import { recordDataAge } from "@/lib/query/data-age";

/**
 * Server-side prefetches for the job pages, under the same query keys the
 * browser uses, so the first paint has data and hydration asks for nothing.
 * A CRM failure is not thrown: the query stays empty and the browser retries
 * and shows the error where the data would be.
 */
export async function prefetchBoard(queryClient: QueryClient, filters: BoardFilters): Promise<void> {
  // Every column's first page in one go (a few CRM requests, ADR-018), stored as the browser stores it: the board's answer, and each column's page 1.
  await queryClient.prefetchQuery({
    queryKey: jobKeys.boardFirstPages(filters),
    queryFn: async () => {
      const { results, answer } = await loadBoard(filters);
      const staleSince = staleSinceOf(results);
      recordDataAge(queryClient, jobKeys.boardFirstPages(filters), staleSince);
      for (const status of JOB_STATUSES) {
        queryClient.setQueryData<BoardColumnData>(jobKeys.boardColumn(status, filters), { pages: [answer.columns[status]], pageParams: [1] });
        recordDataAge(queryClient, jobKeys.boardColumn(status, filters), staleSince);
      }
      return answer;
    },
  });
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
