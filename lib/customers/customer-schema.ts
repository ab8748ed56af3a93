import { z } from "zod";
import { unknownFieldsError } from "@/lib/api/field-errors";
import { PHYSICAL_FIELDS, checkCustomerRules, copyPhysicalToBilling, customerFields, ignoreBillingWhenSame } from "@/lib/customers/customer-fields";
import { ALWAYS_FOR_OBJECTS, addRuleIssues } from "@/lib/forms/cross-field-rules";
import { withCreateDefaults, type FormState } from "@/lib/forms/create-defaults";
import { expectedUpdatedAtField } from "@/lib/forms/fields";

/**
 * The customer form's schemas, used by react-hook-form's zodResolver in the
 * browser and by the customer routes on the server, and the empty form they
 * are built from. The fields and rules are in customer-fields.ts.
 */

/** Form values with every field present, as react-hook-form's defaultValues want them. */
export type CustomerFormState = FormState<typeof customerFields>;

/**
 * An empty new-customer form, and the one list of defaults: a create that
 * leaves a field out gets this value as the field parses it ("" is null).
 * Billing starts as "same as physical" on the form, the common case.
 */
export const customerFormDefaults: CustomerFormState = {
  first_name: "",
  last_name: "",
  company_name: "",
  customer_type: "Residential",
  is_vip: false,
  email: "",
  phone: "",
  on_my_way_notify_via: "",
  physical_address1: "",
  physical_address2: "",
  physical_city: "",
  physical_state: "",
  physical_zip: "",
  billing_same_as_physical: true,
  billing_address1: "",
  billing_address2: "",
  billing_city: "",
  billing_state: "",
  billing_zip: "",
  primary_service_location_uuid: "",
  notes: "",
  tags: [],
  lead_source: "",
  marketing_email_opt_in: false,
  marketing_sms_opt_in: false,
};

const customerCreateObject = z
  .strictObject(
    // An API client that leaves out billing_same_as_physical keeps the billing address it sends.
    withCreateDefaults(customerFields, customerFormDefaults, ["first_name", "last_name"], { billing_same_as_physical: false }),
    unknownFieldsError("customer field"),
  )
  .superRefine((value, ctx) => addRuleIssues(checkCustomerRules(value), ctx), ALWAYS_FOR_OBJECTS)
  .transform(copyPhysicalToBilling);

/** Create (and full-form) input: unknown fields are refused, every rule is checked. */
export const customerInputSchema = z.preprocess((raw: z.input<typeof customerCreateObject>) => ignoreBillingWhenSame(raw), customerCreateObject);
export type CustomerInput = z.output<typeof customerInputSchema>;
export type CustomerFormValues = z.input<typeof customerInputSchema>;

const customerPatchObject = z
  .strictObject(customerFields, unknownFieldsError("customer field"))
  .partial()
  .extend({ expected_updated_at: expectedUpdatedAtField })
  .superRefine((value, ctx) => {
    // The copy needs the physical address in the same request: the patch alone is
    // all toCrmCustomerBody sees. The edit form always sends it.
    if (value.billing_same_as_physical !== true) return;
    if (PHYSICAL_FIELDS.some((field) => value[field] === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["billing_same_as_physical"],
        message: "To copy the physical address to billing, send the physical address too",
      });
    }
  }, ALWAYS_FOR_OBJECTS)
  .transform(copyPhysicalToBilling);

/**
 * Partial update: any subset of the fields, with the same per-field rules, and
 * the `updated_at` the user started from (optimistic concurrency). The
 * cross-field rules need the whole record: call checkCustomerRules on the merge.
 */
export const customerUpdateSchema = z.preprocess((raw: z.input<typeof customerPatchObject>) => ignoreBillingWhenSame(raw), customerPatchObject);
export type CustomerUpdateInput = z.output<typeof customerUpdateSchema>;
