import type { QueryClient } from "@tanstack/react-query";
import { customerKeys } from "@/lib/customers/api/customer-keys";
import { invalidateServerRendered } from "@/lib/query/invalidate-server-rendered";

/**
 * Customers changed: their lists (or, with "all", everything under
 * ["customers"]: lists, lookups, record pages and their history) are out of
 * date. The customer list's queries are server-rendered, so off screen they
 * are dropped rather than marked (invalidateServerRendered says why).
 */
export function customersChanged(queryClient: QueryClient, scope: "lists" | "all", refetchType: "active" | "none" = "active"): Promise<void> {
  return invalidateServerRendered(queryClient, { queryKey: scope === "all" ? customerKeys.all : customerKeys.lists(), serverRendered: [customerKeys.lists()], refetchType });
}
