import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { queryAuditLog } from "@/lib/audit/audit-query";
import { getCustomer, listCustomers } from "@/lib/crm/customers";
import { CrmError } from "@/lib/crm/errors";
import { listJobs } from "@/lib/crm/jobs";
import { customerKeys } from "@/lib/customers/api/customer-keys";
import { CUSTOMER_JOBS_PAGE_SIZE } from "@/lib/customers/api/get-customer-jobs";
import type { CustomerListData } from "@/lib/customers/api/get-customers";
import type { CustomerListQuery } from "@/lib/customers/customer-list-url";
import { lookupCallers } from "@/lib/customers/caller-lookup";
import { toCustomerDto, type CustomerDto } from "@/lib/customers/customer-service";
import { classifyLookupQuery } from "@/lib/customers/lookup-query";
import { staleSinceOf } from "@/lib/api/crm-response";
import { recordDataAge } from "@/lib/query/data-age";

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
    queryFn: async (): Promise<CustomerListData> => {
      const result = await listCustomers({
        filter: query.filter,
        search: query.search || undefined,
        includeDeleted: query.include_deleted,
        page: query.page,
        limit: query.limit,
      });
      recordDataAge(queryClient, customerKeys.list(query), staleSinceOf(result));
      return { customers: result.data.customers.map(toCustomerDto), pagination: result.data.pagination };
    },
  });
}

/** staleSince: set when the CRM did not answer and this is the last answer seen (see lib/query/data-age.ts). */
export type CustomerRead = { state: "found"; customer: CustomerDto; staleSince: string | null } | { state: "not_found" } | { state: "failed" };

/**
 * One customer, deleted ones included. `fresh` skips the shared cache: the
 * edit form starts from it, and a copy up to 15 s old would only earn the
 * person a needless "someone else changed this".
 */
export async function readCustomer(uuid: string, options: { fresh?: boolean } = {}): Promise<CustomerRead> {
  try {
    const result = await getCustomer(uuid, { includeDeleted: true, cache: options.fresh ? false : undefined });
    return { state: "found", customer: toCustomerDto(result.data), staleSince: staleSinceOf(result) };
  } catch (error) {
    if (error instanceof CrmError && error.kind === "not_found") return { state: "not_found" };
    return { state: "failed" };
  }
}

/** The customer's page: the record is given (read with readCustomer), its first page of jobs and its history are prefetched. */
export async function prefetchCustomerPage(queryClient: QueryClient, customer: CustomerDto, staleSince: string | null = null): Promise<void> {
  queryClient.setQueryData(customerKeys.detail(customer.uuid), customer);
  recordDataAge(queryClient, customerKeys.detail(customer.uuid), staleSince);
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: customerKeys.jobs(customer.uuid, 1),
      queryFn: async () => (await listJobs({ customerUuid: customer.uuid, page: 1, limit: CUSTOMER_JOBS_PAGE_SIZE })).data,
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
      const { query, results, matches, total } = await lookupCallers(q);
      recordDataAge(queryClient, customerKeys.lookup(q), results.length ? staleSinceOf(results) : null);
      return { query, matches, total };
    },
  });
}
