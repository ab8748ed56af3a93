import type { CrmCustomerRecord } from "@/lib/customers/customer-crm-mapping";
import { JOB_PRIORITIES, JOB_STATUSES, type JobPriority, type JobStatus } from "@/lib/jobs/job-enums";
import { type SERVICE_ADDRESS_FIELDS, jobFields } from "@/lib/jobs/job-fields";
import { jobFormDefaults, type JobFormState, type JobInput } from "@/lib/jobs/job-schema";

/** The job form's fields to and from the CRM's Job object (CRM-API 002). */

type CrmJobField = Exclude<keyof JobFormState, "use_customer_address">;

/** The documented writable Job fields of CRM-API 002: every form field but use_customer_address, the dashboard's. */
const CRM_JOB_FIELDS = Object.keys(jobFields).filter((field) => field !== "use_customer_address") as CrmJobField[];

/** The fields the edit form copies as text, null as "": the documented ones but those mapped below. */
const MAPPED_APART = [
  "customer_uuid",
  "title",
  "status",
  "priority",
  "is_urgent",
  "is_emergency",
  "estimated_amount",
  "actual_amount",
  "scheduled_date",
  "scheduled_time_start",
  "scheduled_time_end",
] as const;
type CrmJobTextField = Exclude<CrmJobField, (typeof MAPPED_APART)[number]>;
const CRM_TEXT_FIELDS = CRM_JOB_FIELDS.filter((field) => !(MAPPED_APART as readonly string[]).includes(field)) as CrmJobTextField[];

/**
 * The CRM request body for a create (full input) or update (partial input):
 * documented field names only (use_customer_address and expected_updated_at are
 * the dashboard's), scheduled_date as YYYY-MM-DD, amounts as numbers.
 */
export function toCrmJobBody(input: Partial<JobInput>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of CRM_JOB_FIELDS) {
    if (input[field] !== undefined) body[field] = input[field];
  }
  return body;
}

/** A customer's physical address as a job's service address (for "use the customer's address"). */
export function serviceAddressFromCustomer(
  customer: Pick<CrmCustomerRecord, "physical_address1" | "physical_address2" | "physical_city" | "physical_state" | "physical_zip">,
): Pick<JobInput, (typeof SERVICE_ADDRESS_FIELDS)[number]> {
  return {
    service_address1: customer.physical_address1 ?? null,
    service_address2: customer.physical_address2 ?? null,
    service_city: customer.physical_city ?? null,
    service_state: customer.physical_state ?? null,
    service_zip: customer.physical_zip ?? null,
  };
}

/** The fields of a CRM Job (CRM-API 002) the form needs; lib/crm's parsed jobs fit. */
export type CrmJobRecord = { title: string } & { [K in CrmJobTextField]?: string | null } & {
  customer_uuid?: string | null;
  customer?: { uuid: string } | null;
  status?: string | null;
  priority?: string | null;
  is_urgent?: boolean | null;
  is_emergency?: boolean | null;
  estimated_amount?: number | string | null;
  actual_amount?: number | string | null;
  scheduled_date?: string | null;
  scheduled_time_start?: string | null;
  scheduled_time_end?: string | null;
};

function amountToText(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) ? number.toFixed(2) : String(value);
}

/**
 * The edit form's starting values. The CRM may return scheduled_date as a
 * timestamp ("2025-01-20T10:00:00Z", CRM-API 002's example): its UTC calendar date
 * is taken, the same day a YYYY-MM-DD write stores. Times are cut to HH:MM.
 * Unknown status or priority values fall back to the defaults the selects show.
 */
export function jobToFormValues(job: CrmJobRecord): JobFormState {
  const text = (value: string | null | undefined) => value ?? "";
  const status = JOB_STATUSES.find((known): known is JobStatus => known === job.status);
  const priority = JOB_PRIORITIES.find((known): known is JobPriority => known === job.priority);
  const time = (value: string | null | undefined) => /^\d{2}:\d{2}/.exec(value ?? "")?.[0] ?? "";
  const values: JobFormState = { ...jobFormDefaults };
  for (const field of CRM_TEXT_FIELDS) values[field] = text(job[field]);
  return {
    ...values,
    customer_uuid: job.customer_uuid ?? job.customer?.uuid ?? "",
    title: job.title,
    status: status ?? jobFormDefaults.status,
    priority: priority ?? jobFormDefaults.priority,
    is_urgent: job.is_urgent === true,
    is_emergency: job.is_emergency === true,
    // The service address is shown as stored, not replaced by the customer's current one.
    use_customer_address: false,
    estimated_amount: amountToText(job.estimated_amount),
    actual_amount: amountToText(job.actual_amount),
    scheduled_date: /^\d{4}-\d{2}-\d{2}/.exec(job.scheduled_date ?? "")?.[0] ?? "",
    scheduled_time_start: time(job.scheduled_time_start),
    scheduled_time_end: time(job.scheduled_time_end),
  };
}
