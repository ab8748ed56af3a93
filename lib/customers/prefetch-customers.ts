import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { queryAuditLog } from "@/lib/audit/audit-query";
import { getCustomer } from "@/lib/crm/customers";
import { CrmError } from "@/lib/crm/errors";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { CUSTOMER_JOBS_PAGE_SIZE } from "@/lib/customers/queries/get-customer-jobs";
import type { CustomerListQuery } from "@/lib/customers/customer-list-url";
import { lookupCallers } from "@/lib/customers/caller-lookup";
import { toCustomerDto, type CustomerDto } from "@/lib/customers/customer-service";
import { classifyLookupQuery } from "@/lib/customers/lookup-query";
import { listCustomersFor } from "@/lib/customers/list-customers";
import { listJobsFor } from "@/lib/jobs/list-jobs";

/**
 * Server-side reads for the customer pages, stored under the query keys the
 * browser uses and shaped exactly like the API routes' answers, so the first
 * paint has data and hydration fetches nothing again. A CRM failure is not
 * thrown: the query stays empty, and the browser asks again and shows the
 * error (with Retry) where the data would be.
 */
export async function prefetchCustomerList(queryClient: QueryClient, query: CustomerListQuery): Promise<void> {
  await queryClient.prefetchQuery({
    queryKey: customerKeys.list(query),
    queryFn: async () => (await listCustomersFor(query)).data,
  });
}

export type CustomerRead = { state: "found"; customer: CustomerDto } | { state: "not_found" } | { state: "failed" };

/**
 * One customer, deleted ones included. `fresh` skips the shared cache: the
 * edit form starts from it, and a copy up to 15 s old would only earn the
 * person a needless "someone else changed this".
 */
export async function readCustomer(uuid: string, options: { fresh?: boolean } = {}): Promise<CustomerRead> {
  try {
    const result = await getCustomer(uuid, { includeDeleted: true, cache: options.fresh ? false : undefined });
    return { state: "found", customer: toCustomerDto(result.data) };
  } catch (error) {
    if (error instanceof CrmError && error.kind === "not_found") return { state: "not_found" };
    return { state: "failed" };
  }
}

/** The customer's page: the record is given (read with readCustomer), its first page of jobs and its history are prefetched. */
export async function prefetchCustomerPage(queryClient: QueryClient, customer: CustomerDto): Promise<void> {
  queryClient.setQueryData(customerKeys.detail(customer.uuid), customer);
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: customerKeys.jobs(customer.uuid, 1),
      queryFn: async () => (await listJobsFor({ customer_uuid: customer.uuid, page: 1, limit: CUSTOMER_JOBS_PAGE_SIZE })).data,
    }),
    queryClient.prefetchInfiniteQuery({
      queryKey: customerKeys.history(customer.uuid),
      queryFn: () => queryAuditLog({ resource: "customer", resource_id: customer.uuid, page: 1 }),
      initialPageParam: 1,
    }),
  ]);
}

/** The caller lookup for a search in the page's URL, keyed as the lookup box keys it (trimmed, spaces collapsed). */
export async function prefetchLookup(queryClient: QueryClient, raw: string): Promise<void> {
  const q = raw.trim().replace(/\s+/g, " ").slice(0, 200);
  if (classifyLookupQuery(q).kind === "too_short") return;
  await queryClient.prefetchQuery({
    queryKey: customerKeys.lookup(q),
    queryFn: async () => {
      const { query, matches, total } = await lookupCallers(q);
      return { query, matches, total };
    },
  });
}
