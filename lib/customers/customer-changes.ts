import { CUSTOMER_FIELDS, type CustomerField } from "@/lib/customers/customer-field-labels";
import type { CustomerFormState, CustomerFormValues } from "@/lib/customers/customer-schema";
import { conflictRows, patchOf, reapplyOnto, type ConflictRow as FormConflictRow } from "@/lib/forms/form-changes";

/**
 * What an edit changed, as the basis of a partial update. Sending only the
 * changed fields is what makes "apply my changes again" after a conflict
 * safe: the other person's changes to other fields are not overwritten with
 * the stale values this form started from.
 */
export type CustomerPatch = Partial<CustomerFormValues> & { expected_updated_at: string };

const PHYSICAL: readonly CustomerField[] = ["physical_address1", "physical_address2", "physical_city", "physical_state", "physical_zip"];
const BILLING: readonly CustomerField[] = ["billing_address1", "billing_address2", "billing_city", "billing_state", "billing_zip"];

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  // Surrounding spaces are trimmed by the schema, and "" means null: neither is a change.
  if (typeof a === "string" || typeof b === "string") return String(a ?? "").trim() === String(b ?? "").trim();
  return a === b;
}

/** The fields whose value differs, in form order. Hidden billing inputs (same as physical) never count. */
export function changedCustomerFields(base: CustomerFormState, values: CustomerFormState): CustomerField[] {
  return CUSTOMER_FIELDS.filter((field) => {
    if (values.billing_same_as_physical && BILLING.includes(field)) return false;
    return !sameValue(base[field], values[field]);
  });
}

/**
 * The update to send, or null when nothing changed. With "billing same as
 * physical" ticked, a change to the physical address sends the whole physical
 * address and the tick (the server copies it to billing from the request
 * alone); unticking sends the billing address now shown.
 */
export function buildCustomerPatch(base: CustomerFormState, values: CustomerFormState, expectedUpdatedAt: string): CustomerPatch | null {
  const changed = new Set(changedCustomerFields(base, values));
  if (changed.size === 0) return null;
  if (values.billing_same_as_physical && (changed.has("billing_same_as_physical") || PHYSICAL.some((field) => changed.has(field)))) {
    for (const field of [...PHYSICAL, "billing_same_as_physical" as const]) changed.add(field);
  }
  if (!values.billing_same_as_physical && changed.has("billing_same_as_physical")) {
    for (const field of BILLING) changed.add(field);
  }
  return patchOf(CUSTOMER_FIELDS, changed, values, expectedUpdatedAt) as CustomerPatch;
}

/** After a conflict: the record as it is now, with this person's own changes laid on top. */
export function reapplyChanges(base: CustomerFormState, mine: CustomerFormState, current: CustomerFormState): CustomerFormState {
  return reapplyOnto(current, mine, changedCustomerFields(base, mine));
}

export type ConflictRow = FormConflictRow<CustomerField>;

/** Field by field, what someone else changed and what this person changed, for the conflict review. */
export function describeConflict(base: CustomerFormState, mine: CustomerFormState, current: CustomerFormState): ConflictRow[] {
  const bothSame = mine.billing_same_as_physical && current.billing_same_as_physical;
  return conflictRows(
    CUSTOMER_FIELDS,
    { base, mine, current },
    new Set(changedCustomerFields(base, mine)),
    (_field, a, b) => sameValue(a, b),
    // Billing copied from physical on both sides: the physical rows already say it.
    (field) => bothSame && BILLING.includes(field),
  );
}
