import type { QueryClient } from "@tanstack/react-query";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { jobsChanged } from "@/lib/jobs/queries/jobs-changed";
import { recordDataAge } from "@/lib/query/data-age";

/**
 * Customers changed: their lists (or, with "all", everything under
 * ["customers"]: lists, lookups, record pages and their history) are out of
 * date. As for jobs (lib/jobs/queries/jobs-changed.ts), the server-rendered list
 * gets its fresh data from the server before it would refetch.
 */
export function customersChanged(queryClient: QueryClient, scope: "lists" | "all", refetchType: "active" | "none" = "active"): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: scope === "all" ? customerKeys.all : customerKeys.lists(), refetchType });
}

/**
 * What a create or an edit makes stale: the record page takes the saved
 * record (no longer marked as saved data), lists, lookups and its history
 * are read again, and after an edit the job lists too (they show customer
 * names).
 */
export function customerSaved(queryClient: QueryClient, customer: CustomerDto, how: "created" | "updated"): void {
  queryClient.setQueryData(customerKeys.detail(customer.uuid), customer);
  // The CRM just answered: whatever saved copy the record page showed is replaced by the current record.
  recordDataAge(queryClient, customerKeys.detail(customer.uuid), null);
  void customersChanged(queryClient, "lists");
  void queryClient.invalidateQueries({ queryKey: customerKeys.lookups() });
  void queryClient.invalidateQueries({ queryKey: customerKeys.history(customer.uuid) });
  if (how === "updated") void jobsChanged(queryClient);
}
