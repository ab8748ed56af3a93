import { PREFILL_FIELDS } from "@/lib/customers/customer-prefill";
import { customerFormDefaults, type CustomerFormState } from "@/lib/customers/customer-schema";
import { formatUsPhoneAsTyped } from "@/lib/phone/us-phone-parsing";

// Longer than any valid value: a mangled link fills the field and the form's own rules explain what's wrong.
const MAX_PREFILL = 254;

/** The new-customer form's starting values from a link made by newCustomerHref (lib/customers/customer-prefill); everything else as usual. */
export function customerPrefillDefaults(searchParams: Record<string, string | string[] | undefined>): CustomerFormState {
  const values: CustomerFormState = { ...customerFormDefaults };
  for (const field of PREFILL_FIELDS) {
    const raw = searchParams[field];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, MAX_PREFILL);
    if (!value) continue;
    values[field] = field === "phone" ? formatUsPhoneAsTyped(value) : value;
  }
  return values;
}
