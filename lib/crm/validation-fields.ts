import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { CrmError } from "@/lib/crm/errors";

/**
 * The CRM answers a 400 with one message that usually starts with the field
 * it refused ("customer_uuid does not belong …"). When it names a field the
 * form has, the message lands on that field; otherwise on the whole form.
 */
export function crmValidationToApiError(error: unknown, knownFields: readonly string[]): unknown {
  if (!(error instanceof CrmError) || error.kind !== "validation") return error;
  const field = knownFields.find((name) => new RegExp(`\\b${name}\\b`).test(error.message));
  const message = field ? `The CRM refused this value: ${humanize(error.message)}` : "The CRM refused the change as invalid.";
  return new ApiError(400, "validation", message, field ? { [field]: `The CRM refused this value: ${humanize(error.message)}` } : undefined);
}

function humanize(message: string) {
  return message.replace(/_/g, " ");
}
