import { deleteCustomer } from "@/lib/customers/api/delete-customer";
import { restoreCustomer } from "@/lib/customers/api/restore-customer";
import type { BulkDeleteKind } from "@/lib/bulk/bulk-delete";
import { customerName } from "@/lib/customers/customer-display";
import type { CustomerDto } from "@/lib/customers/customer-service";
import { trashKeys } from "@/lib/trash/api/trash-api";
import { customersChanged } from "@/lib/customers/api/customers-changed";

/** Customers for the table's bulk delete. Their jobs are left alone (the CRM deletes no jobs with a customer). */
export const customerBulkDelete: BulkDeleteKind<CustomerDto> = {
  noun: { one: "customer", many: "customers" },
  id: (customer) => customer.uuid,
  label: customerName,
  remove: (uuid, key) => deleteCustomer(uuid, key),
  restore: (uuid, key) => restoreCustomer(uuid, key),
  // Lists, lookups, record pages and their history all sit under ["customers"].
  refresh: (queryClient) => Promise.all([customersChanged(queryClient, "all"), queryClient.invalidateQueries({ queryKey: trashKeys.all })]),
};
