import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetchWithMeta } from "@/lib/http/api-fetch";
import { dataAgeKey, recordDataAge } from "@/lib/query/data-age";
import type { JobStatus } from "@/lib/jobs/job-enums";
import { BOARD_PAGE_SIZE, jobListUrl } from "@/lib/jobs/job-list-url";
import type { JobListPage } from "@/lib/jobs/job-types";
import type { BoardFilters } from "@/lib/jobs/job-list-url";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { boardFirstPagesQueryOptions } from "@/lib/jobs/queries/get-board";

/**
 * One board column, loaded a page at a time. Its first page comes from the
 * board's one answer for every column (GET /api/jobs/board, shared by the ten
 * columns as one request); "Load more" reads the next pages of its status.
 */
export function boardColumnQueryOptions(status: JobStatus, filters: BoardFilters) {
  return infiniteQueryOptions({
    queryKey: jobKeys.boardColumn(status, filters),
    queryFn: async ({ pageParam, client, queryKey }): Promise<JobListPage> => {
      if (pageParam === 1) {
        const board = await client.fetchQuery(boardFirstPagesQueryOptions(filters));
        recordDataAge(client, queryKey, client.getQueryData<string | null>(dataAgeKey(jobKeys.boardFirstPages(filters))));
        return board.columns[status];
      }
      const { data, meta } = await apiFetchWithMeta<JobListPage>(jobListUrl({ ...filters, status: [status], page: pageParam, limit: BOARD_PAGE_SIZE }));
      recordDataAge(client, queryKey, meta.stale_since);
      return data;
    },
    initialPageParam: 1,
    getNextPageParam: (last: JobListPage) => (last.pagination.page < last.pagination.total_pages ? last.pagination.page + 1 : undefined),
  });
}

export function useBoardColumn(status: JobStatus, filters: BoardFilters, enabled = true) {
  return useInfiniteQuery({ ...boardColumnQueryOptions(status, filters), enabled });
}
