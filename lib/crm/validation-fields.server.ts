import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { CrmError } from "@/lib/crm/errors.server";

/**
 * The CRM answers a 400 with one message that usually starts with the field
 * it refused ("customer_uuid does not belong …"). When it names a field the
 * form has, the dashboard's own message lands on that field; otherwise on the
 * whole form. The CRM's wording itself is never shown: it is not written for
 * office staff, and it can echo back what was sent.
 */
export function crmValidationToApiError(error: unknown, knownFields: readonly string[]): unknown {
  if (!(error instanceof CrmError) || error.kind !== "validation") return error;
  const field = knownFields.find((name) => new RegExp(`\\b${name}\\b`).test(error.message));
  if (!field) return new ApiError(400, "validation", "The CRM refused the change as invalid. Check the values and try again.");
  const message = "The CRM did not accept this value. Check it and try again.";
  return new ApiError(400, "validation", message, { [field]: message });
}
