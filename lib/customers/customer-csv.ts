import type { CsvColumn } from "@/lib/csv/to-csv";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { NOTIFY_LABELS } from "@/lib/customers/customer-field-labels";

/**
 * The customer export's columns: every field office staff work with, each
 * address part in its own column (so a mail merge can use them), timestamps
 * as "YYYY-MM-DD HH:MM" in the office's time zone (Excel reads that as a date,
 * not the CRM's ISO form), and the CRM id last, to find the record again.
 */
function spreadsheetTime(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export const CUSTOMER_CSV_COLUMNS: readonly CsvColumn<CustomerDto>[] = [
  { header: "First name", value: (c) => c.first_name },
  { header: "Last name", value: (c) => c.last_name },
  { header: "Company", value: (c) => c.company_name },
  { header: "Customer type", value: (c) => c.customer_type },
  { header: "VIP", value: (c) => c.is_vip },
  { header: "Phone", value: (c) => c.phone },
  { header: "Email", value: (c) => c.email },
  { header: "Physical address line 1", value: (c) => c.physical_address1 },
  { header: "Physical address line 2", value: (c) => c.physical_address2 },
  { header: "Physical city", value: (c) => c.physical_city },
  { header: "Physical state", value: (c) => c.physical_state },
  { header: "Physical ZIP code", value: (c) => c.physical_zip },
  { header: "Billing address line 1", value: (c) => c.billing_address1 },
  { header: "Billing address line 2", value: (c) => c.billing_address2 },
  { header: "Billing city", value: (c) => c.billing_city },
  { header: "Billing state", value: (c) => c.billing_state },
  { header: "Billing ZIP code", value: (c) => c.billing_zip },
  { header: "On-my-way notification", value: (c) => (c.on_my_way_notify_via ? (NOTIFY_LABELS[c.on_my_way_notify_via] ?? c.on_my_way_notify_via) : "") },
  { header: "Tags", value: (c) => c.extras.tags.join(", ") },
  { header: "Lead source", value: (c) => c.extras.lead_source },
  { header: "Marketing emails", value: (c) => c.extras.marketing_email_opt_in },
  { header: "Marketing texts", value: (c) => c.extras.marketing_sms_opt_in },
  { header: "Notes", value: (c) => c.notes },
  { header: "Added", value: (c) => spreadsheetTime(c.created_at) },
  { header: "Deleted", value: (c) => spreadsheetTime(c.deleted_at) },
  { header: "Customer ID", value: (c) => c.uuid },
];
