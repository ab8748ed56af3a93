import type { Resolver } from "react-hook-form";
import { changedCustomerFields } from "@/lib/customers/customer-changes";
import { checkCustomerRules } from "@/lib/customers/customer-fields";
import { customerInputSchema, type CustomerFormState } from "@/lib/customers/customer-schema";
import { formResolver } from "@/lib/forms/form-resolver";

const resolverFor = formResolver<CustomerFormState>(customerInputSchema, changedCustomerFields, checkCustomerRules);

/** The customer form's validation (lib/forms/form-resolver.ts); `base` is the record being edited, none for a new customer. */
export function customerFormResolver(base?: CustomerFormState): Resolver<CustomerFormState, unknown, CustomerFormState> {
  return resolverFor(base ? () => base : undefined);
}
