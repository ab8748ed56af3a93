import {
  ADDRESS_COPIES,
  LEAD_SOURCES,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  copyPhysicalToBilling,
  customerFields,
  dedupeTags,
  type LeadSource,
} from "@/lib/customers/customer-fields";
import { CUSTOMER_TYPES, NOTIFY_CHANNELS } from "@/lib/customers/customer-enums";
import { customerFormDefaults, type CustomerFormState, type CustomerInput } from "@/lib/customers/customer-schema";
import { isRecord } from "@/lib/forms/cross-field-rules";
import { TRADESDESK_FLAGS_KEY } from "@/lib/customers/customer-flags-key";

/**
 * The customer form's fields to and from the CRM's Customer object (CRM-API 000).
 * The documented fields go as they are; the dashboard's extras (tags, lead
 * source, marketing consent) live in the record's internal_flags.
 */

export { TRADESDESK_FLAGS_KEY };

export interface CustomerExtras {
  tags: string[];
  lead_source: LeadSource | null;
  marketing_email_opt_in: boolean;
  marketing_sms_opt_in: boolean;
}
const EXTRA_FIELDS = ["tags", "lead_source", "marketing_email_opt_in", "marketing_sms_opt_in"] as const;

/** Form fields the CRM has no field for: the extras, and a choice the form resolves before sending. */
const DASHBOARD_ONLY = new Set<string>([...EXTRA_FIELDS, "billing_same_as_physical"]);
type CrmCustomerField = Exclude<keyof CustomerFormState, (typeof EXTRA_FIELDS)[number] | "billing_same_as_physical">;

/** The documented writable fields of CRM-API 000: every form field but the dashboard's own. */
const CRM_CUSTOMER_FIELDS = Object.keys(customerFields).filter((field) => !DASHBOARD_ONLY.has(field)) as CrmCustomerField[];

/** The fields the edit form copies as text, null as "": the documented ones but those mapped below. */
const MAPPED_APART = new Set<string>(["customer_type", "is_vip", "on_my_way_notify_via"]);
type CrmCustomerTextField = Exclude<CrmCustomerField, "customer_type" | "is_vip" | "on_my_way_notify_via">;
const CRM_TEXT_FIELDS = CRM_CUSTOMER_FIELDS.filter((field) => !MAPPED_APART.has(field)) as CrmCustomerTextField[];

/**
 * The CRM request body for a create (full input) or update (partial input):
 * documented field names only, billing resolved, and the extras merged into the
 * record's current internal_flags so that keys other integrations wrote (and
 * keys inside ours that a newer dashboard wrote) survive. internal_flags is only
 * sent when an extra is part of the input.
 */
export function toCrmCustomerBody(input: Partial<CustomerInput>, currentInternalFlags: Record<string, unknown> | null): Record<string, unknown> {
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

/** The fields of a CRM Customer (CRM-API 000) the form needs; lib/crm's parsed customer fits. */
export type CrmCustomerRecord = { first_name: string; last_name: string } & {
  [K in Exclude<CrmCustomerTextField, "first_name" | "last_name">]?: string | null;
} & {
  customer_type?: string | null;
  is_vip?: boolean | null;
  on_my_way_notify_via?: string | null;
  internal_flags?: unknown;
};

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
  const values: CustomerFormState = { ...customerFormDefaults };
  for (const field of CRM_TEXT_FIELDS) values[field] = text(customer[field]);
  return {
    ...values,
    customer_type: type ?? customerFormDefaults.customer_type,
    is_vip: customer.is_vip === true,
    on_my_way_notify_via: channel ?? customerFormDefaults.on_my_way_notify_via,
    billing_same_as_physical: ADDRESS_COPIES.every(([physical, billing]) => text(customer[physical]).trim() === text(customer[billing]).trim()),
    tags: extras.tags,
    lead_source: extras.lead_source ?? "",
    marketing_email_opt_in: extras.marketing_email_opt_in,
    marketing_sms_opt_in: extras.marketing_sms_opt_in,
  };
}
