import { keepPreviousData, queryOptions, useQuery, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import { apiMutate } from "@/lib/http/api-mutate";
import type { TrashQuery } from "@/lib/trash/trash-url";
import type { TrashPage, TrashResource, TrashScanEstimate, TrashScanStep } from "@/lib/trash/trash-types";
import { jobsChanged } from "@/lib/jobs/api/jobs-changed";
import { customersChanged } from "@/lib/customers/api/customers-changed";

export const trashKeys = {
  all: ["trash"] as const,
  page: (query: TrashQuery) => ["trash", "page", query] as const,
};

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

const TAB_OF: Record<TrashResource, "customers" | "jobs"> = { customer: "customers", job: "jobs" };

export function getScanEstimate(resource: TrashResource, signal?: AbortSignal): Promise<TrashScanEstimate> {
  return apiFetch<TrashScanEstimate>(`/api/trash/scan?tab=${TAB_OF[resource]}`, { signal });
}

/** One page of a scan. Reading a page twice changes nothing, so a plain retry is safe (no idempotency key needed). */
export function scanPage(resource: TrashResource, scanId: string, page: number, signal?: AbortSignal): Promise<TrashScanStep> {
  return apiFetch<TrashScanStep>("/api/trash/scan", { method: "POST", json: { tab: TAB_OF[resource], scan_id: scanId, page }, signal });
}

/**
 * Restores one record from the trash. `expectedDeletedAt` is the deletion the
 * person saw: if the record was restored and deleted again since, the server
 * refuses (409 deleted_again) rather than restore something they have not seen.
 */
export function restoreFromTrash(resource: TrashResource, uuid: string, expectedDeletedAt: string | undefined, idempotencyKey: string): Promise<unknown> {
  const path = `/api/${TAB_OF[resource]}/${encodeURIComponent(uuid)}/restore`;
  return apiMutate(path, { method: "POST", json: expectedDeletedAt ? { expected_deleted_at: expectedDeletedAt } : undefined, idempotencyKey });
}

/** After restores: the trash, and every list the records reappear in, read again. */
export async function refreshAfterRestore(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: trashKeys.all }),
    customersChanged(queryClient, "all"),
    jobsChanged(queryClient),
  ]);
}
