import { useMutation, useQueryClient } from "@tanstack/react-query";
import { customerSaved } from "@/lib/customers/queries/customers-changed";
import type { CustomerFormValues } from "@/lib/customers/customer-schema";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { apiMutate } from "@/lib/http/api-mutate";

/**
 * POST /api/customers with the form's values as typed (the server parses them
 * with the same schema). `idempotencyKey` is the intent's: the same key for a
 * retry of the same values, so a lost answer never makes two customers.
 * A possible duplicate is a 409 `possible_duplicate` listing the matches;
 * `confirmDuplicate` sends the person's "Create anyway".
 */
export function createCustomer(values: CustomerFormValues, idempotencyKey: string, options: { confirmDuplicate?: boolean } = {}): Promise<CustomerDto> {
  const json = options.confirmDuplicate ? { ...values, confirm_duplicate: true } : values;
  return apiMutate<CustomerDto>("/api/customers", { method: "POST", json, idempotencyKey });
}

/** A new customer shows in lists and lookups at once. */
export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ values, idempotencyKey, confirmDuplicate }: { values: CustomerFormValues; idempotencyKey: string; confirmDuplicate?: boolean }) =>
      createCustomer(values, idempotencyKey, { confirmDuplicate }),
    onSuccess: (customer) => customerSaved(queryClient, customer, "created"),
  });
}
