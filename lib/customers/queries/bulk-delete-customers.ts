import { useBulkDeleteKind, type BulkDeletePieces } from "@/lib/bulk/use-bulk-delete-kind";
import { customersChanged } from "@/lib/customers/queries/customers-changed";
import { deleteCustomer } from "@/lib/customers/queries/delete-customer";
import { restoreCustomer } from "@/lib/customers/queries/restore-customer";
import { jobsChanged } from "@/lib/jobs/queries/jobs-changed";
import { customerName } from "@/lib/customers/customer-format";
import type { CustomerDto } from "@/lib/customers/customer-types";

/**
 * Customers for the table's bulk delete, through the same guarded route as
 * one delete: the batch answers once what happens to open jobs (any status
 * but Complete and Invoiced). Left unanswered, a customer with open jobs is
 * not deleted and the report says so for that customer. Lists, lookups,
 * record pages and their history all sit under ["customers"].
 */
const customerPieces: BulkDeletePieces<CustomerDto> = {
  noun: { one: "customer", many: "customers" },
  id: (customer) => customer.uuid,
  label: customerName,
  remove: (uuid, key, answer) => deleteCustomer(uuid, key, { openJobs: answer === "delete" || answer === "keep" ? answer : undefined }),
  question: {
    legend: "Customers who still have open jobs (any status but Complete or Invoiced)",
    choices: [
      { value: "skip", label: "Don't delete them (each is listed afterwards)" },
      { value: "delete", label: "Delete them and their open jobs" },
      { value: "keep", label: "Delete them, keep their open jobs on the board" },
    ],
  },
  restore: (uuid, key) => restoreCustomer(uuid, key),
  refresh: (queryClient) => Promise.all([customersChanged(queryClient, "all"), jobsChanged(queryClient)]),
};

export function useCustomerBulkDelete() {
  return useBulkDeleteKind(customerPieces);
}
