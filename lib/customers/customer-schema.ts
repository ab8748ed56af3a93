import { z } from "zod";
import { unknownFieldsError } from "@/lib/api/field-errors";
import { CUSTOMER_TYPES, NOTIFY_CHANNELS } from "@/lib/customers/customer-enums";
import {
  ALWAYS_FOR_OBJECTS,
  addRuleIssues,
  isGiven,
  isRecord,
  runRules,
  type CrossFieldRule,
  type FieldMessages,
  type RuleRecord,
} from "@/lib/forms/cross-field-rules";
import {
  addressLineField,
  blankToNull,
  booleanField,
  cityField,
  expectedUpdatedAtField,
  optionalId,
  optionalText,
  usStateField,
  usZipField,
} from "@/lib/forms/fields";
import { normalizeUsPhone } from "@/lib/phone/us-phone-parsing";

/**
 * The customer form's schema, used by react-hook-form's zodResolver in the
 * browser and by the customer routes on the server, plus the mapping to and
 * from the CRM's Customer object (doc 000). The rules are doc 003's, which the
 * CRM itself doesn't enforce (api-docs README, decision 10).
 * The generic field kinds and the rule runner are in lib/forms/.
 */

// ── Customer fields ──────────────────────────────────────────────────────────

/** Where customers hear about the business; the office's list, stored in internal_flags. */
export const LEAD_SOURCES = [
  "Google",
  "Referral",
  "Repeat customer",
  "Yard sign",
  "Facebook",
  "Nextdoor",
  "Yelp",
  "Home show",
  "Other",
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

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
    z
      .string({ error: "Tags must be text" })
      .trim()
      .min(1, "Tags can't be blank")
      .max(MAX_TAG_LENGTH, `Each tag can be at most ${MAX_TAG_LENGTH} characters`),
    { error: "Tags must be a list" },
  )
  .transform(dedupeTags)
  .refine((tags) => tags.length <= MAX_TAGS, `Use at most ${MAX_TAGS} tags`);

function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLocaleLowerCase("en-US");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every field once, without defaults: the create schema adds defaults, the update schema makes them optional. */
const customerFields = {
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
const ADDRESS_COPIES = [
  ["physical_address1", "billing_address1"],
  ["physical_address2", "billing_address2"],
  ["physical_city", "billing_city"],
  ["physical_state", "billing_state"],
  ["physical_zip", "billing_zip"],
] as const;
const PHYSICAL_FIELDS = ADDRESS_COPIES.map(([physical]) => physical);
const BILLING_FIELDS = ADDRESS_COPIES.map(([, billing]) => billing);
type AddressField = (typeof ADDRESS_COPIES)[number][number];

// ── Cross-field rules ────────────────────────────────────────────────────────

/**
 * Doc 003's contact rules. Where the messages go (decision): "Add an email or a
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
      isGiven(record.email) || isGiven(record.phone)
        ? {}
        : { email: "Add an email or a phone number", phone: "Add an email or a phone number" },
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
          return email && phone
            ? {}
            : { on_my_way_notify_via: "Notifications by email and SMS need both an email address and a phone number" };
        default:
          return {};
      }
    },
  },
  {
    fields: ["marketing_email_opt_in", "email"],
    check: (record): FieldMessages =>
      record.marketing_email_opt_in === true && !isGiven(record.email)
        ? { marketing_email_opt_in: "Marketing emails need an email address" }
        : {},
  },
  {
    fields: ["marketing_sms_opt_in", "phone"],
    check: (record): FieldMessages =>
      record.marketing_sms_opt_in === true && !isGiven(record.phone)
        ? { marketing_sms_opt_in: "Marketing texts need a phone number" }
        : {},
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
function ignoreBillingWhenSame<T>(raw: T): T {
  if (!isRecord(raw) || raw.billing_same_as_physical !== true) return raw;
  const copy: Record<string, unknown> = { ...raw };
  for (const field of BILLING_FIELDS) delete copy[field];
  return copy as T;
}

type WithAddresses = Partial<Record<AddressField, string | null>> & { billing_same_as_physical?: boolean | undefined };

/** With "billing same as physical", billing becomes a copy of the physical address parts given. */
function copyPhysicalToBilling<T extends WithAddresses>(value: T): T {
  if (value.billing_same_as_physical !== true) return value;
  const copy: WithAddresses = { ...value };
  for (const [physical, billing] of ADDRESS_COPIES) {
    if (value[physical] !== undefined) copy[billing] = value[physical];
  }
  return copy as T;
}

// ── Schemas ──────────────────────────────────────────────────────────────────

const customerCreateObject = z
  .strictObject({
    ...customerFields,
    company_name: customerFields.company_name.default(null),
    customer_type: customerFields.customer_type.default("Residential"),
    is_vip: customerFields.is_vip.default(false),
    email: customerFields.email.default(null),
    phone: customerFields.phone.default(null),
    on_my_way_notify_via: customerFields.on_my_way_notify_via.default(null),
    physical_address1: customerFields.physical_address1.default(null),
    physical_address2: customerFields.physical_address2.default(null),
    physical_city: customerFields.physical_city.default(null),
    physical_state: customerFields.physical_state.default(null),
    physical_zip: customerFields.physical_zip.default(null),
    billing_same_as_physical: customerFields.billing_same_as_physical.default(false),
    billing_address1: customerFields.billing_address1.default(null),
    billing_address2: customerFields.billing_address2.default(null),
    billing_city: customerFields.billing_city.default(null),
    billing_state: customerFields.billing_state.default(null),
    billing_zip: customerFields.billing_zip.default(null),
    primary_service_location_uuid: customerFields.primary_service_location_uuid.default(null),
    notes: customerFields.notes.default(null),
    tags: customerFields.tags.default([]),
    lead_source: customerFields.lead_source.default(null),
    marketing_email_opt_in: customerFields.marketing_email_opt_in.default(false),
    marketing_sms_opt_in: customerFields.marketing_sms_opt_in.default(false),
  }, unknownFieldsError("customer field"))
  .superRefine((value, ctx) => addRuleIssues(checkCustomerRules(value), ctx), ALWAYS_FOR_OBJECTS)
  .transform(copyPhysicalToBilling);

/** Create (and full-form) input: unknown fields are refused, every rule is checked. */
export const customerInputSchema = z.preprocess(
  (raw: z.input<typeof customerCreateObject>) => ignoreBillingWhenSame(raw),
  customerCreateObject,
);
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
export const customerUpdateSchema = z.preprocess(
  (raw: z.input<typeof customerPatchObject>) => ignoreBillingWhenSame(raw),
  customerPatchObject,
);
export type CustomerUpdateInput = z.output<typeof customerUpdateSchema>;

/** Form values with every field present, as react-hook-form's defaultValues want them. */
export type CustomerFormState = Required<CustomerFormValues>;

/** An empty new-customer form. Billing starts as "same as physical", the common case. */
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

// ── The CRM mapping ──────────────────────────────────────────────────────────

/** The dashboard's extras live in the CRM customer's `internal_flags` under this key. */
export const TRADESDESK_FLAGS_KEY = "tradesdesk";

export interface CustomerExtras {
  tags: string[];
  lead_source: LeadSource | null;
  marketing_email_opt_in: boolean;
  marketing_sms_opt_in: boolean;
}
const EXTRA_FIELDS = ["tags", "lead_source", "marketing_email_opt_in", "marketing_sms_opt_in"] as const;

/** The documented writable fields of doc 000, in the order of its table. */
const CRM_CUSTOMER_FIELDS = [
  "first_name",
  "last_name",
  "company_name",
  "email",
  "phone",
  "customer_type",
  "is_vip",
  ...PHYSICAL_FIELDS,
  ...BILLING_FIELDS,
  "primary_service_location_uuid",
  "notes",
  "on_my_way_notify_via",
] as const;

/**
 * The CRM request body for a create (full input) or update (partial input):
 * documented field names only, billing resolved, and the extras merged into the
 * record's current internal_flags so that keys other integrations wrote (and
 * keys inside ours that a newer dashboard wrote) survive. internal_flags is only
 * sent when an extra is part of the input.
 */
export function toCrmCustomerBody(
  input: Partial<CustomerInput>,
  currentInternalFlags: Record<string, unknown> | null,
): Record<string, unknown> {
  const resolved = copyPhysicalToBilling(input);
  const body: Record<string, unknown> = {};
  for (const field of CRM_CUSTOMER_FIELDS) {
    if (resolved[field] !== undefined) body[field] = resolved[field];
  }
  const extras: Record<string, unknown> = {};
  for (const field of EXTRA_FIELDS) {
    if (resolved[field] !== undefined) extras[field] = resolved[field];
  }
  if (Object.keys(extras).length > 0) {
    const flags = isRecord(currentInternalFlags) ? currentInternalFlags : {};
    const ours = isRecord(flags[TRADESDESK_FLAGS_KEY]) ? flags[TRADESDESK_FLAGS_KEY] : {};
    body.internal_flags = { ...flags, [TRADESDESK_FLAGS_KEY]: { ...ours, ...extras } };
  }
  return body;
}

/**
 * The extras as stored, read tolerantly: internal_flags is free-form JSON that
 * any integration may write. Whatever isn't what we'd write reads as the default
 * (an unknown lead source as null, non-text tags dropped).
 */
export function customerExtrasFromFlags(internalFlags: unknown): CustomerExtras {
  const ours = isRecord(internalFlags) ? internalFlags[TRADESDESK_FLAGS_KEY] : undefined;
  const stored = isRecord(ours) ? ours : {};
  const tags = Array.isArray(stored.tags)
    ? dedupeTags(
        stored.tags
          .filter((tag): tag is string => typeof tag === "string")
          .map((tag) => tag.trim())
          .filter((tag) => tag !== "" && tag.length <= MAX_TAG_LENGTH),
      ).slice(0, MAX_TAGS)
    : [];
  const leadSource = LEAD_SOURCES.find((source) => source === stored.lead_source) ?? null;
  return {
    tags,
    lead_source: leadSource,
    marketing_email_opt_in: stored.marketing_email_opt_in === true,
    marketing_sms_opt_in: stored.marketing_sms_opt_in === true,
  };
}

/** The fields of a CRM Customer (doc 000) the form needs; lib/crm's parsed customer fits. */
export interface CrmCustomerRecord {
  first_name: string;
  last_name: string;
  company_name?: string | null;
  email?: string | null;
  phone?: string | null;
  customer_type?: string | null;
  is_vip?: boolean | null;
  physical_address1?: string | null;
  physical_address2?: string | null;
  physical_city?: string | null;
  physical_state?: string | null;
  physical_zip?: string | null;
  billing_address1?: string | null;
  billing_address2?: string | null;
  billing_city?: string | null;
  billing_state?: string | null;
  billing_zip?: string | null;
  primary_service_location_uuid?: string | null;
  notes?: string | null;
  internal_flags?: unknown;
  on_my_way_notify_via?: string | null;
}

/**
 * The edit form's starting values. Values the form's selects can't show are
 * mapped to what it can (an unknown customer type to Residential, an unknown
 * channel to none); "billing same as physical" starts ticked when the two
 * addresses are equal.
 */
export function customerToFormValues(customer: CrmCustomerRecord): CustomerFormState {
  const text = (value: string | null | undefined) => value ?? "";
  const type = CUSTOMER_TYPES.find((known) => known.toLowerCase() === customer.customer_type?.trim().toLowerCase());
  const channel = NOTIFY_CHANNELS.find((known) => known === customer.on_my_way_notify_via?.trim().toLowerCase());
  const extras = customerExtrasFromFlags(customer.internal_flags);
  const sameAddress = ADDRESS_COPIES.every(
    ([physical, billing]) => text(customer[physical]).trim() === text(customer[billing]).trim(),
  );
  return {
    first_name: customer.first_name,
    last_name: customer.last_name,
    company_name: text(customer.company_name),
    customer_type: type ?? "Residential",
    is_vip: customer.is_vip === true,
    email: text(customer.email),
    phone: text(customer.phone),
    on_my_way_notify_via: channel ?? "",
    physical_address1: text(customer.physical_address1),
    physical_address2: text(customer.physical_address2),
    physical_city: text(customer.physical_city),
    physical_state: text(customer.physical_state),
    physical_zip: text(customer.physical_zip),
    billing_same_as_physical: sameAddress,
    billing_address1: text(customer.billing_address1),
    billing_address2: text(customer.billing_address2),
    billing_city: text(customer.billing_city),
    billing_state: text(customer.billing_state),
    billing_zip: text(customer.billing_zip),
    primary_service_location_uuid: text(customer.primary_service_location_uuid),
    notes: text(customer.notes),
    tags: extras.tags,
    lead_source: extras.lead_source ?? "",
    marketing_email_opt_in: extras.marketing_email_opt_in,
    marketing_sms_opt_in: extras.marketing_sms_opt_in,
  };
}
