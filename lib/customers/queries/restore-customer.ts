import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { apiMutate, newIntentKey } from "@/lib/http/api-mutate";
import { customersChanged } from "@/lib/customers/queries/customers-changed";

/** POST /api/customers/:uuid/restore: brings a deleted customer back into lists and lookup. */
export function restoreCustomer(uuid: string, idempotencyKey: string): Promise<CustomerDto> {
  return apiMutate<CustomerDto>(`/api/customers/${encodeURIComponent(uuid)}/restore`, { method: "POST", idempotencyKey });
}

/**
 * Restores and refreshes what shows the customer. A plain function as well as
 * a hook: the Undo of a delete toast runs after the page that deleted the
 * customer is gone.
 */
export async function restoreAndRefresh(queryClient: QueryClient, uuid: string): Promise<CustomerDto> {
  const customer = await restoreCustomer(uuid, newIntentKey());
  queryClient.setQueryData(customerKeys.detail(customer.uuid), customer);
  await Promise.all([
    customersChanged(queryClient, "lists"),
    queryClient.invalidateQueries({ queryKey: customerKeys.lookups() }),
    queryClient.invalidateQueries({ queryKey: customerKeys.history(customer.uuid) }),
  ]);
  return customer;
}

export function useRestoreCustomer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (uuid: string) => restoreAndRefresh(queryClient, uuid) });
}
