import { customerFormDefaults, type CustomerFormState } from "@/lib/customers/customer-schema";
import { classifyLookupQuery } from "@/lib/customers/lookup-query";
import { formatUsPhoneAsTyped } from "@/lib/phone/us-phone";

/**
 * Carrying what the caller lookup was given into the new-customer form, so
 * nothing is typed twice: /customers/new?phone=…, ?email=… or
 * ?first_name=…&last_name=…
 */
export type PrefillField = "phone" | "email" | "first_name" | "last_name";
const PREFILL_FIELDS: readonly PrefillField[] = ["phone", "email", "first_name", "last_name"];
// Longer than any valid value: a mangled link fills the field and the form's own rules explain what's wrong.
const MAX_PREFILL = 254;

/**
 * The new-customer link for what was typed into the lookup. A name of several
 * words is split at the first space (first name, then the rest: "Mary Ann
 * Lee" needs fixing either way, and the rest is more often a compound last
 * name); a single word goes to the last name, which is what offices search by.
 */
export function newCustomerHref(typed: string): string {
  const query = classifyLookupQuery(typed);
  const params = new URLSearchParams();
  if (query.kind === "phone") params.set("phone", query.display);
  else if (query.kind === "email") params.set("email", query.value);
  else if (query.kind === "name") {
    const words = query.value.split(" ");
    if (words.length === 1) params.set("last_name", query.value);
    else {
      params.set("first_name", words[0] ?? "");
      params.set("last_name", words.slice(1).join(" "));
    }
  }
  const search = params.toString();
  return search ? `/customers/new?${search}` : "/customers/new";
}

/** The new-customer form's starting values from such a link; everything else as usual. */
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
