import type { CsvColumn } from "@/lib/csv/to-csv";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { NOTIFY_LABELS } from "@/lib/customers/customer-field-labels";
import { TRADESDESK_FLAGS_KEY } from "@/lib/customers/customer-flags-key";

/**
 * The customer export's columns: every field of the CRM's Customer object, in
 * the order of its table (CRM-API 000), with the dashboard's extras (tags,
 * lead source, marketing opt-ins) as their own columns where internal_flags
 * stands, and other integrations' flags as one JSON column. Each address part
 * has its own column (so a mail merge can use them); timestamps are
 * "YYYY-MM-DD HH:MM" in the office's time zone (Excel reads that as a date,
 * not the CRM's ISO form). `field` names the documented field a column holds.
 */
function spreadsheetTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** internal_flags without the dashboard's own key (its extras have columns of their own), as JSON; empty when nothing else is there. */
function otherFlags(flags: unknown): string {
  if (typeof flags !== "object" || flags === null || Array.isArray(flags)) return "";
  const { [TRADESDESK_FLAGS_KEY]: _ours, ...rest } = flags as Record<string, unknown>;
  return Object.keys(rest).length > 0 ? JSON.stringify(rest) : "";
}

export type DocumentedCsvColumn<Row> = CsvColumn<Row> & { field: string };

export const CUSTOMER_CSV_COLUMNS: readonly DocumentedCsvColumn<CustomerDto>[] = [
  { field: "uuid", header: "Customer ID", value: (c) => c.uuid },
  { field: "first_name", header: "First name", value: (c) => c.first_name },
  { field: "last_name", header: "Last name", value: (c) => c.last_name },
  { field: "company_name", header: "Company", value: (c) => c.company_name },
  { field: "email", header: "Email", value: (c) => c.email },
  { field: "phone", header: "Phone", value: (c) => c.phone },
  { field: "customer_type", header: "Customer type", value: (c) => c.customer_type },
  { field: "is_vip", header: "VIP", value: (c) => c.is_vip },
  { field: "physical_address1", header: "Physical address line 1", value: (c) => c.physical_address1 },
  { field: "physical_address2", header: "Physical address line 2", value: (c) => c.physical_address2 },
  { field: "physical_city", header: "Physical city", value: (c) => c.physical_city },
  { field: "physical_state", header: "Physical state", value: (c) => c.physical_state },
  { field: "physical_zip", header: "Physical ZIP code", value: (c) => c.physical_zip },
  { field: "billing_address1", header: "Billing address line 1", value: (c) => c.billing_address1 },
  { field: "billing_address2", header: "Billing address line 2", value: (c) => c.billing_address2 },
  { field: "billing_city", header: "Billing city", value: (c) => c.billing_city },
  { field: "billing_state", header: "Billing state", value: (c) => c.billing_state },
  { field: "billing_zip", header: "Billing ZIP code", value: (c) => c.billing_zip },
  { field: "primary_service_location_uuid", header: "Primary service location ID", value: (c) => c.primary_service_location_uuid },
  { field: "notes", header: "Notes", value: (c) => c.notes },
  { field: "internal_flags", header: "Tags", value: (c) => c.extras.tags.join(", ") },
  { field: "internal_flags", header: "Lead source", value: (c) => c.extras.lead_source },
  { field: "internal_flags", header: "Marketing emails", value: (c) => c.extras.marketing_email_opt_in },
  { field: "internal_flags", header: "Marketing texts", value: (c) => c.extras.marketing_sms_opt_in },
  { field: "internal_flags", header: "Other internal flags", value: (c) => otherFlags(c.internal_flags) },
  {
    field: "on_my_way_notify_via",
    header: "On-my-way notification",
    value: (c) => (c.on_my_way_notify_via ? (NOTIFY_LABELS[c.on_my_way_notify_via] ?? c.on_my_way_notify_via) : ""),
  },
  { field: "created_at", header: "Added", value: (c) => spreadsheetTime(c.created_at) },
  { field: "updated_at", header: "Last changed", value: (c) => spreadsheetTime(c.updated_at) },
  { field: "deleted_at", header: "Deleted", value: (c) => spreadsheetTime(c.deleted_at) },
];
