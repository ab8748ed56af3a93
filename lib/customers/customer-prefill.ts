import { classifyLookupQuery } from "@/lib/customers/lookup-query";

/**
 * Carrying what the caller lookup was given into the new-customer form, so
 * nothing is typed twice: /customers/new?phone=…, ?email=… or
 * ?first_name=…&last_name=…
 *
 * This side builds the link and runs in the lookup page's browser bundle, so it
 * imports neither the customer schema (zod) nor libphonenumber-js; the form's
 * side, which reads the link, is lib/customers/customer-prefill-defaults.ts.
 */
export type PrefillField = "phone" | "email" | "first_name" | "last_name";
export const PREFILL_FIELDS: readonly PrefillField[] = ["phone", "email", "first_name", "last_name"];

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
