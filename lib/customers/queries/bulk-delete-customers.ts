import { useBulkDeleteKind, type BulkDeletePieces } from "@/lib/bulk/use-bulk-delete-kind";
import { customersChanged } from "@/lib/customers/queries/customers-changed";
import { deleteCustomer } from "@/lib/customers/queries/delete-customer";
import { restoreCustomer } from "@/lib/customers/queries/restore-customer";
import { customerName } from "@/lib/customers/customer-format";
import type { CustomerDto } from "@/lib/customers/customer-types";

/**
 * Customers for the table's bulk delete. Their jobs are left alone (the CRM
 * deletes no jobs with a customer); lists, lookups, record pages and their
 * history all sit under ["customers"].
 */
const customerPieces: BulkDeletePieces<CustomerDto> = {
  noun: { one: "customer", many: "customers" },
  id: (customer) => customer.uuid,
  label: customerName,
  remove: (uuid, key) => deleteCustomer(uuid, key),
  restore: (uuid, key) => restoreCustomer(uuid, key),
  refresh: (queryClient) => customersChanged(queryClient, "all"),
};

export function useCustomerBulkDelete() {
  return useBulkDeleteKind(customerPieces);
}
