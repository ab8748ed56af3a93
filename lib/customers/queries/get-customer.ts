import { queryOptions, useQuery } from "@tanstack/react-query";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { apiFetch, apiFetchWithMeta } from "@/lib/http/api-fetch";
import { recordDataAge } from "@/lib/query/data-age";

/**
 * GET /api/customers/:uuid, deleted ones included: a customer's page must be
 * able to say "this customer was deleted" and offer Restore rather than 404.
 */
export function getCustomer(uuid: string, signal?: AbortSignal): Promise<CustomerDto> {
  return apiFetch<CustomerDto>(`/api/customers/${encodeURIComponent(uuid)}?include_deleted=true`, { signal });
}

export function customerQueryOptions(uuid: string) {
  return queryOptions({
    queryKey: customerKeys.detail(uuid),
    queryFn: async ({ signal, client, queryKey }) => {
      const { data, meta } = await apiFetchWithMeta<CustomerDto>(`/api/customers/${encodeURIComponent(uuid)}?include_deleted=true`, { signal });
      recordDataAge(client, queryKey, meta.stale_since);
      return data;
    },
  });
}

export function useCustomer(uuid: string) {
  return useQuery(customerQueryOptions(uuid));
}
