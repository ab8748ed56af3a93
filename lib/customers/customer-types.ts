import type { Customer, JobListItem } from "@/lib/crm/crm-types";
import type { CustomerExtras } from "@/lib/customers/customer-crm-mapping";

/** A customer as the dashboard's API returns it: the CRM record plus the dashboard's extras, read out of internal_flags. */
export type CustomerDto = Customer & { extras: CustomerExtras };

/** A caller lookup's match: the customer, with their open jobs for the first few matches. */
export interface LookupMatch extends CustomerDto {
  open_jobs: { total: number; items: JobListItem[] } | null;
}
