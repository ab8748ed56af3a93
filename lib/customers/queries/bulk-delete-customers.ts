import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { BulkDeleteKind } from "@/lib/bulk/bulk-delete";
import { customersChanged } from "@/lib/customers/queries/customers-changed";
import { deleteCustomer } from "@/lib/customers/queries/delete-customer";
import { restoreCustomer } from "@/lib/customers/queries/restore-customer";
import { customerName } from "@/lib/customers/customer-format";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { trashKeys } from "@/lib/trash/queries/trash-query-keys";

/**
 * Customers for the table's bulk delete, with what a delete or its undo makes
 * stale. Their jobs are left alone (the CRM deletes no jobs with a customer).
 */
export function useCustomerBulkDelete(): BulkDeleteKind<CustomerDto> {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      noun: { one: "customer", many: "customers" },
      id: (customer) => customer.uuid,
      label: customerName,
      remove: (uuid, key) => deleteCustomer(uuid, key),
      restore: (uuid, key) => restoreCustomer(uuid, key),
      // Lists, lookups, record pages and their history all sit under ["customers"].
      refresh: () => Promise.all([customersChanged(queryClient, "all"), queryClient.invalidateQueries({ queryKey: trashKeys.all })]),
    }),
    [queryClient],
  );
}
