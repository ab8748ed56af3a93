import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch, apiFetchWithMeta } from "@/lib/http/api-fetch";
import { recordDataAge } from "@/lib/query/data-age";
import type { JobStatus } from "@/lib/jobs/job-enums";
import { BOARD_PAGE_SIZE, jobListUrl } from "@/lib/jobs/job-list-url";
import type { JobListPage } from "@/lib/jobs/job-types";
import type { BoardFilters } from "@/lib/jobs/job-list-url";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";

/** One board column = one job list of its status, loaded a page at a time. */
export function fetchBoardColumnPage(status: JobStatus, filters: BoardFilters, page: number): Promise<JobListPage> {
  return apiFetch<JobListPage>(jobListUrl({ ...filters, status: [status], page, limit: BOARD_PAGE_SIZE }));
}

export function boardColumnQueryOptions(status: JobStatus, filters: BoardFilters) {
  return infiniteQueryOptions({
    queryKey: jobKeys.boardColumn(status, filters),
    queryFn: async ({ pageParam, client, queryKey }) => {
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
