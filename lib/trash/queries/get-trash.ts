import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import { trashKeys } from "@/lib/trash/queries/trash-query-keys";
import type { TrashQuery } from "@/lib/trash/trash-url";
import type { TrashPage } from "@/lib/trash/trash-types";

export function trashApiParams(query: TrashQuery): URLSearchParams {
  const params = new URLSearchParams({ tab: query.tab });
  if (query.search) params.set("search", query.search);
  if (query.page > 1) params.set("page", String(query.page));
  return params;
}

export function getTrashPage(query: TrashQuery, signal?: AbortSignal): Promise<TrashPage> {
  return apiFetch<TrashPage>(`/api/trash?${trashApiParams(query).toString()}`, { signal });
}

export function trashPageQueryOptions(query: TrashQuery) {
  return queryOptions({ queryKey: trashKeys.page(query), queryFn: ({ signal }) => getTrashPage(query, signal), placeholderData: keepPreviousData });
}

export function useTrashPage(query: TrashQuery) {
  return useQuery(trashPageQueryOptions(query));
}
