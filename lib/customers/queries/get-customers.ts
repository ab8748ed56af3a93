import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { Pagination, UnreadableRecord } from "@/lib/crm/crm-types";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { customerListApiParams, type CustomerListQuery } from "@/lib/customers/customer-list-url";
import type { CustomerDto } from "@/lib/customers/customer-types";
import type { ListSource } from "@/lib/lists/list-source-types";
import { apiFetch, apiFetchWithMeta } from "@/lib/http/api-fetch";
import { recordDataAge } from "@/lib/query/data-age";

/** GET /api/customers: one page of the list, from the CRM (newest first) or, sorted or filtered as only it can, from the mirror (`source`). */
export interface CustomerListData {
  customers: CustomerDto[];
  /** Records of this page the dashboard could not read (ADR-019): shown as rows that say so. */
  unreadable?: UnreadableRecord[];
  pagination: Pagination;
  source: ListSource;
}

export function getCustomers(query: CustomerListQuery, signal?: AbortSignal): Promise<CustomerListData> {
  return apiFetch<CustomerListData>(`/api/customers?${customerListApiParams(query).toString()}`, { signal });
}

export function customersQueryOptions(query: CustomerListQuery) {
  return queryOptions({
    queryKey: customerKeys.list(query),
    queryFn: async ({ signal, client, queryKey }) => {
      const { data, meta } = await apiFetchWithMeta<CustomerListData>(`/api/customers?${customerListApiParams(query).toString()}`, { signal });
      recordDataAge(client, queryKey, meta.stale_since);
      return data;
    },
    // The previous page stays on screen (dimmed) while the next loads: no flash of skeletons on every page turn.
    placeholderData: keepPreviousData,
  });
}

/** The list page; `enabled` false (a URL the screen can't honour) loads nothing. */
export function useCustomers(query: CustomerListQuery, enabled = true) {
  return useQuery({ ...customersQueryOptions(query), enabled });
}
