import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { AuditRow } from "@/lib/audit/audit-types";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { apiFetch } from "@/lib/http/api-fetch";

export interface HistoryPage {
  rows: AuditRow[];
  hasMore: boolean;
}

/** GET /api/audit for one customer: who changed what and when, newest first, 50 entries a page. */
export function getCustomerHistory(uuid: string, page: number, signal?: AbortSignal): Promise<HistoryPage> {
  const params = new URLSearchParams({ resource: "customer", resource_id: uuid, page: String(page) });
  return apiFetch<HistoryPage>(`/api/audit?${params.toString()}`, { signal });
}

export function customerHistoryQueryOptions(uuid: string) {
  return infiniteQueryOptions({
    queryKey: customerKeys.history(uuid),
    queryFn: ({ pageParam, signal }) => getCustomerHistory(uuid, pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last: HistoryPage, pages: HistoryPage[]) => (last.hasMore ? pages.length + 1 : undefined),
  });
}

export function useCustomerHistory(uuid: string) {
  return useInfiniteQuery(customerHistoryQueryOptions(uuid));
}
