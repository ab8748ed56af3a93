import type { Customer, JobListItem } from "@/lib/crm/crm-types";
import type { CustomerExtras } from "@/lib/customers/customer-crm-mapping";

/** A customer as the dashboard's API returns it: the CRM record plus the dashboard's extras, read out of internal_flags. */
export type CustomerDto = Customer & { extras: CustomerExtras };

/** A caller lookup's match: the customer, with their open jobs for the first few matches. */
export interface LookupMatch extends CustomerDto {
  /** as_of: when the open jobs come from the mirror, when sync last looked at the CRM (ADR-018); null when the CRM listed them just now. */
  open_jobs: { total: number; items: JobListItem[]; as_of: string | null } | null;
}
