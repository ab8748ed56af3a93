import type { CustomerDto } from "@/lib/customers/customer-service";
import type { CustomerPatch } from "@/lib/customers/customer-changes";
import { apiMutate } from "@/lib/http/api-mutate";

/**
 * PUT /api/customers/:uuid with only the fields the person changed and the
 * `updated_at` they started from. A 409 (someone else changed the record)
 * comes back as an ApiRequestError whose `current` is the record as it is now.
 */
export function updateCustomer(uuid: string, patch: CustomerPatch, idempotencyKey: string): Promise<CustomerDto> {
  return apiMutate<CustomerDto>(`/api/customers/${encodeURIComponent(uuid)}`, { method: "PUT", json: patch, idempotencyKey });
}
