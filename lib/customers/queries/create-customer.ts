import { useMutation, useQueryClient } from "@tanstack/react-query";
import { customerSaved } from "@/lib/customers/queries/customers-changed";
import type { CustomerFormValues } from "@/lib/customers/customer-schema";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { apiMutate } from "@/lib/http/api-mutate";

/**
 * POST /api/customers with the form's values as typed (the server parses them
 * with the same schema). `idempotencyKey` is the intent's: the same key for a
 * retry of the same values, so a lost answer never makes two customers.
 */
export function createCustomer(values: CustomerFormValues, idempotencyKey: string): Promise<CustomerDto> {
  return apiMutate<CustomerDto>("/api/customers", { method: "POST", json: values, idempotencyKey });
}

/** A new customer shows in lists and lookups at once. */
export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ values, idempotencyKey }: { values: CustomerFormValues; idempotencyKey: string }) => createCustomer(values, idempotencyKey),
    onSuccess: (customer) => customerSaved(queryClient, customer, "created"),
  });
}
