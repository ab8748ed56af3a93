import { z } from "zod";
import { CUSTOMER_TYPES, LEAD_SOURCES, NOTIFY_CHANNELS } from "@/lib/customers/customer-enums";
import { ignoreFieldsWhen, isGiven, runRules, type CrossFieldRule, type FieldMessages, type RuleRecord } from "@/lib/forms/cross-field-rules";
import { addressLineField, blankToNull, booleanField, cityField, optionalId, optionalText, usStateField, usZipField } from "@/lib/forms/fields";
import { normalizeUsPhone } from "@/lib/phone/us-phone-parsing";

/**
 * The customer's fields and cross-field rules: what each field accepts, and
 * CRM-API 003's rules, which the CRM itself doesn't enforce (CRM-API
 * decision 10). The schemas built from them are in customer-schema.ts, the
 * mapping to and from the CRM's Customer object in customer-crm-mapping.ts.
 */

/** Where customers hear about the business; the office's list, stored in internal_flags. */
// In customer-enums so the list's URL state can name them without this module's phone library.
export { LEAD_SOURCES, type LeadSource } from "@/lib/customers/customer-enums";

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 30;

const DIGIT = /\p{Nd}/u;

function personName(label: string) {
  return z
    .string({ error: `Enter a ${label.toLowerCase()}` })
    .trim()
    .min(1, `Enter a ${label.toLowerCase()}`)
    .refine((value) => value === "" || value.length >= 2, `${label} needs at least 2 characters`)
    .max(50, `${label} can be at most 50 characters`)
    .refine((value) => !DIGIT.test(value), `${label} can't contain numbers`);
}

const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email addresses can be at most 254 characters")
  .refine((value) => value === "" || z.email().safeParse(value).success, "Enter an email address like name@example.com")
  .transform(blankToNull)
  .nullable();

const phoneField = z
  .string()
  .transform((value, ctx) => {
    if (value.trim() === "") return null;
    const result = normalizeUsPhone(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  })
  .nullable();

// A select's "None" option sends "", which means null.
const notifyViaField = z
  .enum(["", ...NOTIFY_CHANNELS], { error: "Choose email, SMS, both or none" })
  .transform((value) => (value === "" ? null : value))
  .nullable();

const leadSourceField = z
  .enum(["", ...LEAD_SOURCES], { error: "Choose a lead source from the list" })
  .transform((value) => (value === "" ? null : value))
  .nullable();

/** Trimmed, 1–30 characters each, at most 20 once case-insensitive duplicates are dropped (first spelling kept). */
const tagsField = z
  .array(
    z.string({ error: "Tags must be text" }).trim().min(1, "Tags can't be blank").max(MAX_TAG_LENGTH, `Each tag can be at most ${MAX_TAG_LENGTH} characters`),
    { error: "Tags must be a list" },
  )
  .transform(dedupeTags)
  .refine((tags) => tags.length <= MAX_TAGS, `Use at most ${MAX_TAGS} tags`);

export function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLocaleLowerCase("en-US");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every field once, without defaults, in the order the form shows them: the
 * create schema adds the defaults (customer-schema.ts), the update schema makes
 * them optional, and the CRM mapping takes its field list from these keys.
 */
export const customerFields = {
  first_name: personName("First name"),
  last_name: personName("Last name"),
  company_name: optionalText(100, "Company name can be at most 100 characters"),
  customer_type: z.enum(CUSTOMER_TYPES, { error: "Choose Residential or Commercial" }),
  is_vip: booleanField("VIP"),
  email: emailField,
  phone: phoneField,
  on_my_way_notify_via: notifyViaField,
  physical_address1: addressLineField,
  physical_address2: addressLineField,
  physical_city: cityField,
  physical_state: usStateField,
  physical_zip: usZipField,
  billing_same_as_physical: booleanField("Billing same as physical"),
  billing_address1: addressLineField,
  billing_address2: addressLineField,
  billing_city: cityField,
  billing_state: usStateField,
  billing_zip: usZipField,
  primary_service_location_uuid: optionalId("Choose a service location from the list"),
  notes: optionalText(5000, "Notes can be at most 5,000 characters"),
  tags: tagsField,
  lead_source: leadSourceField,
  marketing_email_opt_in: booleanField("Marketing emails"),
  marketing_sms_opt_in: booleanField("Marketing texts"),
};

/** Each physical address field and the billing field it is copied to. */
export const ADDRESS_COPIES = [
  ["physical_address1", "billing_address1"],
  ["physical_address2", "billing_address2"],
  ["physical_city", "billing_city"],
  ["physical_state", "billing_state"],
  ["physical_zip", "billing_zip"],
] as const;
export const PHYSICAL_FIELDS = ADDRESS_COPIES.map(([physical]) => physical);
export const BILLING_FIELDS = ADDRESS_COPIES.map(([, billing]) => billing);
type AddressField = (typeof ADDRESS_COPIES)[number][number];

// ── Cross-field rules ────────────────────────────────────────────────────────

/**
 * CRM-API 003's contact rules. Where the messages go (decision): "Add an email or a
 * phone number" goes on BOTH `email` and `phone`, since either one fixes it and
 * the form shows messages beside fields. A channel's requirement goes on the
 * choice that needs it (`on_my_way_notify_via`, `marketing_*_opt_in`): that is
 * the value the rule refuses, the contact fields being optional on their own,
 * and the user fixes it either by adding the detail or by changing the choice.
 */
const CUSTOMER_RULES: readonly CrossFieldRule[] = [
  {
    fields: ["email", "phone"],
    check: (record): FieldMessages =>
      isGiven(record.email) || isGiven(record.phone) ? {} : { email: "Add an email or a phone number", phone: "Add an email or a phone number" },
  },
  {
    fields: ["on_my_way_notify_via", "email", "phone"],
    check: (record): FieldMessages => {
      const email = isGiven(record.email);
      const phone = isGiven(record.phone);
      switch (record.on_my_way_notify_via) {
        case "sms":
          return phone ? {} : { on_my_way_notify_via: "SMS notifications need a phone number" };
        case "email":
          return email ? {} : { on_my_way_notify_via: "Email notifications need an email address" };
        case "both":
          return email && phone ? {} : { on_my_way_notify_via: "Notifications by email and SMS need both an email address and a phone number" };
        default:
          return {};
      }
    },
  },
  {
    fields: ["marketing_email_opt_in", "email"],
    check: (record): FieldMessages =>
      record.marketing_email_opt_in === true && !isGiven(record.email) ? { marketing_email_opt_in: "Marketing emails need an email address" } : {},
  },
  {
    fields: ["marketing_sms_opt_in", "phone"],
    check: (record): FieldMessages =>
      record.marketing_sms_opt_in === true && !isGiven(record.phone) ? { marketing_sms_opt_in: "Marketing texts need a phone number" } : {},
  },
];

/**
 * The cross-field rules, field → message. A route handling a partial update
 * calls it on the merged record, e.g.
 * `checkCustomerRules({ ...customerToFormValues(current), ...patch }, Object.keys(patch))`
 * (form values use "" for empty, which counts as not given).
 */
export function checkCustomerRules(merged: RuleRecord, changed?: Iterable<string>): FieldMessages {
  return runRules(CUSTOMER_RULES, merged, changed);
}

/**
 * When "billing same as physical" is ticked, the (hidden) billing inputs are
 * ignored, not validated: a stale value in a field the user can't see must not
 * block the save. The output then carries a copy of the physical address.
 */
export const ignoreBillingWhenSame = ignoreFieldsWhen("billing_same_as_physical", BILLING_FIELDS);

type WithAddresses = Partial<Record<AddressField, string | null>> & { billing_same_as_physical?: boolean | undefined };

/** With "billing same as physical", billing becomes a copy of the physical address parts given. */
export function copyPhysicalToBilling<T extends WithAddresses>(value: T): T {
  if (value.billing_same_as_physical !== true) return value;
  const copy: WithAddresses = { ...value };
  for (const [physical, billing] of ADDRESS_COPIES) {
    if (value[physical] !== undefined) copy[billing] = value[physical];
  }
  return copy as T;
}
