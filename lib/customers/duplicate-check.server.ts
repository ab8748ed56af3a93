import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { logEvent } from "@/lib/api/logger.server";
import { listCustomers } from "@/lib/crm/customers.server";
import { CrmError } from "@/lib/crm/errors.server";
import type { Customer } from "@/lib/crm/schemas.server";
import { describeCrmError } from "@/lib/errors/describe-crm-error";
import { RequestBudgetExceeded } from "@/lib/crm/request-budget.server";
import { duplicateLookups } from "@/lib/customers/find-duplicates";
import { customerName } from "@/lib/customers/customer-format";
import type { DuplicateReason, PossibleDuplicate } from "@/lib/customers/duplicate-types";
import { sameNameAndStreet } from "@/lib/mirror/mirror-duplicates.server";

/** The values a duplicate is recognised by; a create passes all of them, an update the merged record. */
export interface DuplicateProbe {
  first_name?: string | null | undefined;
  last_name?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  physical_address1?: string | null | undefined;
}

/** A match's phone by its 10 digits, as the lookup compares them ("+1 (206) 555-0142" is "2065550142"). */
const digitsOf = (value: string | null | undefined) => (value ?? "").replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "");
const text = (value: string | null | undefined) => (value ?? "").trim();

/**
 * Active customers, other than `excludeUuid`, who share the phone (by digits),
 * the email (any case) or, from the mirror, the first and last name with the
 * street line. `only` narrows the check to what an update changed: an edit
 * that leaves the phone as it is does not flag whoever already shared it.
 *
 * The CRM's search is a substring search, so its answers are narrowed to
 * exact matches here. A CRM that cannot answer is a 503
 * `duplicate_check_failed`: the check does not pass silently, the person
 * chooses to save anyway (`confirm_duplicate`). The mirror's part is a
 * courtesy: when it fails, the CRM's part still decides.
 */
export async function possibleDuplicatesOf(
  probe: DuplicateProbe,
  options: { excludeUuid?: string; only?: ReadonlySet<"phone" | "email" | "name_and_address"> } = {},
): Promise<PossibleDuplicate[]> {
  const checks = options.only ?? new Set(["phone", "email", "name_and_address"] as const);
  const wanted = duplicateLookups({ phone: probe.phone ?? null, email: probe.email ?? null });
  const phone = checks.has("phone") ? wanted.phone : null;
  const email = checks.has("email") ? wanted.email : null;
  const found = new Map<string, PossibleDuplicate>();
  const add = (customer: Pick<Customer, "uuid" | "first_name" | "last_name" | "phone" | "email">, reason: DuplicateReason) => {
    if (customer.uuid === options.excludeUuid) return;
    const known = found.get(customer.uuid);
    if (known) {
      if (!known.reasons.includes(reason)) known.reasons.push(reason);
      return;
    }
    found.set(customer.uuid, {
      uuid: customer.uuid,
      name: customerName(customer),
      phone: customer.phone ?? null,
      email: customer.email ?? null,
      link: `/customers/${customer.uuid}`,
      reasons: [reason],
    });
  };

  const terms = [phone, email].filter((term): term is string => term !== null);
  try {
    for (const term of terms) {
      const { data } = await listCustomers({ search: term, limit: 100 });
      for (const customer of data.customers) {
        if (customer.deleted_at) continue;
        if (phone && digitsOf(customer.phone) === phone) add(customer, "phone");
        if (email && text(customer.email).toLowerCase() === email) add(customer, "email");
      }
    }
  } catch (error) {
    if (error instanceof RequestBudgetExceeded) throw error;
    // A CRM that refuses this dashboard (its key, its plan, the month's quota, a rate limit) would refuse the save
    // too: that answer, as every route gives it. Only a CRM that did not answer leaves the person the choice.
    if (error instanceof CrmError && error.kind !== "unavailable" && error.kind !== "invalid_response") throw error;
    const why = error instanceof CrmError ? describeCrmError(error.kind) : "The CRM gave an unexpected answer.";
    throw new ApiError(
      503,
      "duplicate_check_failed",
      `Could not check whether this customer is already on file: ${why} Save anyway only if you are sure they are new.`,
    );
  }

  if (checks.has("name_and_address")) {
    try {
      const matches = await sameNameAndStreet({
        first_name: text(probe.first_name),
        last_name: text(probe.last_name),
        street: text(probe.physical_address1),
      });
      for (const match of matches) add(match, "name_and_address");
    } catch (error) {
      logEvent("error", "duplicate_mirror_check_failed", { message: error instanceof Error ? error.message : String(error) });
    }
  }
  return [...found.values()];
}

/** The 409 a create or update gets while matches stand and the person has not confirmed. */
export function possibleDuplicateError(matches: PossibleDuplicate[]): ApiError {
  const message =
    matches.length === 1
      ? `${matches[0]!.name} may already be this customer. Open that record, or save anyway if this is someone else.`
      : `${matches.length} customers on file share these details. Open one of them, or save anyway if this is someone else.`;
  return new ApiError(409, "possible_duplicate", message, undefined, undefined, undefined, { matches });
}
