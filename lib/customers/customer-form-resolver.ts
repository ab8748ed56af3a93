import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, Resolver } from "react-hook-form";
import { changedCustomerFields } from "@/lib/customers/customer-changes";
import { checkCustomerRules } from "@/lib/customers/customer-fields";
import { customerInputSchema, type CustomerFormState } from "@/lib/customers/customer-schema";

/**
 * The customer form's validation: the shared schema, run on the values as
 * typed ("raw": the form sends what the person typed and the server parses it
 * with the same schema, so nothing is transformed twice).
 *
 * Editing follows the server's partial-update rule (ADR-005): only errors
 * on fields the person changed, or from a cross-field rule reading one of
 * them, block the save. A record another integration left with, say, a digit
 * in the last name can still get its phone number corrected.
 */
const fullResolver = zodResolver(customerInputSchema, undefined, { raw: true }) as unknown as Resolver<CustomerFormState, unknown, CustomerFormState>;

export function customerFormResolver(base?: CustomerFormState): Resolver<CustomerFormState, unknown, CustomerFormState> {
  if (!base) return fullResolver;
  return async (values, context, options) => {
    const result = await fullResolver(values, context, options);
    const errors = result.errors as FieldErrors<CustomerFormState>;
    if (Object.keys(errors).length === 0) return result;
    const changed = changedCustomerFields(base, values);
    const relevant = new Set<string>([...changed, ...Object.keys(checkCustomerRules(values, changed))]);
    const kept = Object.fromEntries(Object.entries(errors).filter(([field]) => relevant.has(field))) as FieldErrors<CustomerFormState>;
    return Object.keys(kept).length > 0 ? { values: {}, errors: kept } : { values, errors: {} };
  };
}
