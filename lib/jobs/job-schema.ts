import { z } from "zod";
import { unknownFieldsError } from "@/lib/api/field-errors";
import { ALWAYS_FOR_OBJECTS, addRuleIssues } from "@/lib/forms/cross-field-rules";
import { withCreateDefaults, type FormState } from "@/lib/forms/create-defaults";
import { expectedUpdatedAtField } from "@/lib/forms/fields";
import { checkJobRules, ignoreServiceAddressWhenFromCustomer, jobFields } from "@/lib/jobs/job-fields";

/**
 * The job form's schemas, shared by the form (zodResolver) and the job routes,
 * and the empty form they are built from. The fields and rules are in
 * job-fields.ts. The job list's URL filters are in lib/jobs/job-list-filters.ts,
 * which the list screens load without this.
 */

/** Form values with every field present, as react-hook-form's defaultValues want them. */
export type JobFormState = FormState<typeof jobFields>;

/**
 * An empty new-job form, and the one list of defaults: a create that leaves a
 * field out gets this value as the field parses it ("" is null). The form's
 * service address defaults to the customer's.
 */
export const jobFormDefaults: JobFormState = {
  customer_uuid: "",
  title: "",
  description: "",
  status: "New",
  priority: "Normal",
  is_urgent: false,
  is_emergency: false,
  location_uuid: "",
  assigned_to_user_id: "",
  use_customer_address: true,
  service_address1: "",
  service_address2: "",
  service_city: "",
  service_state: "",
  service_zip: "",
  estimated_amount: "",
  actual_amount: "",
  scheduled_date: "",
  scheduled_time_start: "",
  scheduled_time_end: "",
  internal_notes: "",
  customer_notes: "",
};

const jobCreateObject = z
  .strictObject(
    // An API client that leaves out use_customer_address keeps the service address it sends.
    withCreateDefaults(jobFields, jobFormDefaults, ["customer_uuid", "title"], { use_customer_address: false }),
    unknownFieldsError("job field"),
  )
  .superRefine((value, ctx) => addRuleIssues(checkJobRules(value), ctx), ALWAYS_FOR_OBJECTS);

/** Create (and full-form) input: unknown fields are refused, every rule is checked. */
export const jobInputSchema = z.preprocess((raw: z.input<typeof jobCreateObject>) => ignoreServiceAddressWhenFromCustomer(raw), jobCreateObject);
export type JobInput = z.output<typeof jobInputSchema>;
export type JobFormValues = z.input<typeof jobInputSchema>;

const jobPatchObject = z.strictObject(jobFields, unknownFieldsError("job field")).partial().extend({ expected_updated_at: expectedUpdatedAtField });

/**
 * Partial update with the `updated_at` the user started from. The scheduling
 * rules need the whole record: call checkJobRules on the merge.
 */
export const jobUpdateSchema = z.preprocess((raw: z.input<typeof jobPatchObject>) => ignoreServiceAddressWhenFromCustomer(raw), jobPatchObject);
export type JobUpdateInput = z.output<typeof jobUpdateSchema>;
