import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { CrmError } from "@/lib/crm/errors.server";
import type { CustomerFormState } from "@/lib/customers/customer-schema";
import { possibleDuplicatesOf } from "@/lib/customers/duplicate-check.server";
import type { ExistingCustomers } from "@/lib/customers/find-existing-types";

/**
 * Find-or-create: the new-customer page opened from the lookup with a phone
 * or email asks the server's duplicate check first, so an existing record is
 * offered before a second one is typed. Only what came in the link is
 * checked (nothing typed yet means nothing to find). A check that cannot be
 * made is said; the form still opens.
 */
export async function findExistingFor(prefill: CustomerFormState): Promise<ExistingCustomers> {
  if (!prefill.phone?.trim() && !prefill.email?.trim()) return { kind: "none" };
  try {
    const matches = await possibleDuplicatesOf(prefill, { only: new Set(["phone", "email"]) });
    return matches.length > 0 ? { kind: "found", matches } : { kind: "none" };
  } catch (error) {
    if (error instanceof ApiError) return { kind: "unchecked", message: error.message };
    // The person's CRM budget for the minute is spent: the page still opens, and says so.
    if (error instanceof CrmError) return { kind: "unchecked", message: "Could not check whether this caller is already on file just now. Save checks again." };
    throw error;
  }
}
