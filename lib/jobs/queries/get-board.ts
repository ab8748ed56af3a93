import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetchWithMeta } from "@/lib/http/api-fetch";
import { recordDataAge } from "@/lib/query/data-age";
import type { BoardAnswer } from "@/lib/jobs/board-types";
import { BOARD_FILTER_KEYS, type BoardFilters } from "@/lib/jobs/job-list-url";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";

export function boardUrl(filters: BoardFilters): string {
  const params = new URLSearchParams();
  for (const key of BOARD_FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/api/jobs/board?${query}` : "/api/jobs/board";
}

/**
 * Every column's first page in one request to the dashboard (a few to the
 * CRM). Fresh for a few seconds: long enough for the ten columns that read
 * their page 1 from it to share one answer, not long enough to matter.
 */
export function boardFirstPagesQueryOptions(filters: BoardFilters) {
  return queryOptions({
    queryKey: jobKeys.boardFirstPages(filters),
    queryFn: async ({ client, queryKey }) => {
      const { data, meta } = await apiFetchWithMeta<BoardAnswer>(boardUrl(filters));
      recordDataAge(client, queryKey, meta.stale_since);
      return data;
    },
    staleTime: 5_000,
  });
}

/** The board's answer as far as it is loaded (for its counts' age); never fetches on its own. */
export function useBoardFirstPages(filters: BoardFilters) {
  return useQuery({ ...boardFirstPagesQueryOptions(filters), enabled: false });
}
