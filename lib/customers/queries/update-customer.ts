import { useMutation, useQueryClient } from "@tanstack/react-query";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { customerSaved } from "@/lib/customers/queries/customers-changed";
import type { CustomerDto } from "@/lib/customers/customer-types";
import type { CustomerPatch } from "@/lib/customers/customer-changes";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { apiMutate } from "@/lib/http/api-mutate";

/**
 * PUT /api/customers/:uuid with only the fields the person changed and the
 * `updated_at` they started from. A 409 (someone else changed the record)
 * comes back as an ApiRequestError whose `current` is the record as it is now;
 * a phone, email or name and street now someone else's, as a 409
 * `possible_duplicate` (see duplicateQuestionOf), saved with `confirmDuplicate`.
 */
export function updateCustomer(uuid: string, patch: CustomerPatch, idempotencyKey: string, options: { confirmDuplicate?: boolean } = {}): Promise<CustomerDto> {
  const json = options.confirmDuplicate ? { ...patch, confirm_duplicate: true } : patch;
  return apiMutate<CustomerDto>(`/api/customers/${encodeURIComponent(uuid)}`, { method: "PUT", json, idempotencyKey });
}

/** The record a 409 carries (someone else's newer version), or null for any other failure. */
export function conflictingCustomer(error: unknown): CustomerDto | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const value = error.current;
  return typeof value === "object" && value !== null && "uuid" in value && "updated_at" in value && "first_name" in value ? (value as CustomerDto) : null;
}

/** A saved edit, or the newer version a conflict reveals, is what the record's page shows from then on. */
export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      uuid,
      patch,
      idempotencyKey,
      confirmDuplicate,
    }: {
      uuid: string;
      patch: CustomerPatch;
      idempotencyKey: string;
      confirmDuplicate?: boolean;
    }) => updateCustomer(uuid, patch, idempotencyKey, { confirmDuplicate }),
    onSuccess: (customer) => customerSaved(queryClient, customer, "updated"),
    onError: (error) => {
      const current = conflictingCustomer(error);
      if (current) queryClient.setQueryData(customerKeys.detail(current.uuid), current);
    },
  });
}
