import { queryOptions, useQuery } from "@tanstack/react-query";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import type { CustomerDto } from "@/lib/customers/customer-service";
import { apiFetch } from "@/lib/http/api-fetch";

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
    queryFn: ({ signal }) => getCustomer(uuid, signal),
  });
}

export function useCustomer(uuid: string) {
  return useQuery(customerQueryOptions(uuid));
}
