import type { CustomerFormState } from "@/lib/customers/customer-schema";
import { fieldLabelling } from "@/lib/forms/field-labels";

/**
 * Customer fields in the words office staff use, in the order the form shows
 * them: for the change history, the "someone else changed this" comparison
 * and the error summary. Address parts say which address they belong to,
 * since these lists show them out of their form section.
 */
export type CustomerField = keyof CustomerFormState;

export const CUSTOMER_FIELD_LABELS: Record<CustomerField, string> = {
  first_name: "First name",
  last_name: "Last name",
  company_name: "Company",
  customer_type: "Customer type",
  is_vip: "VIP",
  phone: "Phone",
  email: "Email",
  physical_address1: "Physical address: street",
  physical_address2: "Physical address: apartment, suite, unit",
  physical_city: "Physical address: city",
  physical_state: "Physical address: state",
  physical_zip: "Physical address: ZIP code",
  billing_same_as_physical: "Billing address same as physical",
  billing_address1: "Billing address: street",
  billing_address2: "Billing address: apartment, suite, unit",
  billing_city: "Billing address: city",
  billing_state: "Billing address: state",
  billing_zip: "Billing address: ZIP code",
  primary_service_location_uuid: "Primary service location",
  on_my_way_notify_via: "On-my-way notification",
  marketing_email_opt_in: "Marketing emails",
  marketing_sms_opt_in: "Marketing texts",
  tags: "Tags",
  lead_source: "Lead source",
  notes: "Notes",
};

const labelling = fieldLabelling(CUSTOMER_FIELD_LABELS);
export const CUSTOMER_FIELDS = labelling.fields;
export const isCustomerField = labelling.isField;
/** The label for a field name from the API or the audit log; unknown names read as words. */
export const customerFieldLabel = labelling.labelOf;

export const NOTIFY_LABELS: Record<string, string> = {
  "": "None",
  email: "Email",
  sms: "Text message (SMS)",
  both: "Email and text message",
};

/** A stored or typed value as a person reads it: "Yes"/"No", "(empty)", a list joined with commas. */
export function formatCustomerValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.map(String).join(", ");
  if (field === "on_my_way_notify_via" && typeof value === "string") return NOTIFY_LABELS[value] ?? value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
