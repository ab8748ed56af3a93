import type { Customer, JobListItem } from "@/lib/crm/crm-types";
import type { TrashSummary } from "@/lib/db/tables";

/**
 * What the trash keeps of a deleted record to list and search it without
 * asking the CRM: a label, a few fields to tell records apart, and a
 * lower-case search text (phone numbers also as bare digits, as the CRM's own
 * search compares them).
 */
export interface TrashSnapshot {
  label: string;
  summary: TrashSummary;
  searchText: string;
}

type CustomerFields = Pick<Customer, "uuid" | "first_name" | "last_name" | "company_name" | "email" | "phone" | "physical_city">;
type JobFields = Pick<JobListItem, "uuid" | "job_number" | "title" | "status" | "scheduled_date" | "customer">;

export function customerSnapshot(customer: CustomerFields): TrashSnapshot {
  const name = `${customer.first_name} ${customer.last_name}`.trim();
  const label = name || customer.company_name || "Unnamed customer";
  return {
    label,
    summary: { company_name: customer.company_name, phone: customer.phone, email: customer.email, city: customer.physical_city },
    searchText: searchText([label, customer.company_name, customer.email, customer.phone, digits(customer.phone), customer.uuid]),
  };
}

export function jobSnapshot(job: JobFields): TrashSnapshot {
  const customerName = job.customer ? `${job.customer.first_name} ${job.customer.last_name}`.trim() : null;
  return {
    label: job.title,
    summary: {
      job_number: job.job_number,
      status: job.status,
      scheduled_date: job.scheduled_date ? job.scheduled_date.slice(0, 10) : null,
      customer_uuid: job.customer?.uuid ?? null,
      customer_name: customerName,
    },
    searchText: searchText([job.title, job.job_number, customerName, job.uuid]),
  };
}

function digits(value: string | null): string | null {
  const only = value?.replace(/\D/g, "") ?? "";
  return only.length > 0 ? only : null;
}

function searchText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .join(" \u0001 ")
    .toLowerCase();
}

/**
 * A search term as the trash matches it: lower-case, and digits only when it
 * looks like a phone number (a leading US country code dropped, as the CRM
 * stores ten digits).
 */
export function trashSearchTerm(raw: string): string {
  const term = raw.trim().toLowerCase();
  if (!/^[\d\s().+-]+$/.test(term)) return term;
  const digits = term.replace(/\D/g, "");
  if (digits.length < 3) return term;
  return digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
}
