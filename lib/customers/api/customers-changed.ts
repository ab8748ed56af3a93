import type { QueryClient } from "@tanstack/react-query";
import { customerKeys } from "@/lib/customers/api/customer-keys";

/**
 * Customers changed: their lists (or, with "all", everything under
 * ["customers"]: lists, lookups, record pages and their history) are out of
 * date. As for jobs (lib/jobs/api/jobs-changed.ts), the server-rendered list
 * gets its fresh data from the server before it would refetch.
 */
export function customersChanged(queryClient: QueryClient, scope: "lists" | "all", refetchType: "active" | "none" = "active"): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: scope === "all" ? customerKeys.all : customerKeys.lists(), refetchType });
}
