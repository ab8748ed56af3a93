import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { queryAuditLog } from "@/lib/audit/audit-query.server";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { CUSTOMER_JOBS_PAGE_SIZE } from "@/lib/customers/queries/get-customer-jobs";
import type { CustomerListQuery } from "@/lib/customers/customer-list-url";
import { lookupEverything } from "@/lib/customers/lookup-service.server";
import type { CustomerDto } from "@/lib/customers/customer-service.server";
import { classifyLookupQuery } from "@/lib/customers/lookup-query";
import { listCustomersFor } from "@/lib/customers/list-customers.server";
import { listJobsFor } from "@/lib/jobs/list-jobs.server";
import { staleSinceOf } from "@/lib/api/crm-response.server";
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
    queryFn: async () => {
      const result = await listCustomersFor(query);
      recordDataAge(queryClient, customerKeys.list(query), staleSinceOf(result));
      return result.data;
    },
  });
}

/** The customer's page: the record is given (read with loadCustomer, with its staleSince), its first page of jobs and its history are prefetched. */
export async function prefetchCustomerPage(queryClient: QueryClient, customer: CustomerDto, staleSince: string | null = null): Promise<void> {
  queryClient.setQueryData(customerKeys.detail(customer.uuid), customer);
  recordDataAge(queryClient, customerKeys.detail(customer.uuid), staleSince);
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
      const { data, results } = await lookupEverything(q);
      recordDataAge(queryClient, customerKeys.lookup(q), results.length ? staleSinceOf(results) : null);
      return data;
    },
  });
}
