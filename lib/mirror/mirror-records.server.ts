import "server-only";
import { z } from "zod";
import { customerSchema, jobListItemSchema, locationSchema, type Customer, type JobListItem, type Location } from "@/lib/crm/schemas.server";
import { CUSTOMER_TYPES } from "@/lib/customers/customer-enums";
import { customerExtrasFromFlags } from "@/lib/customers/customer-crm-mapping";
import { JOB_PRIORITIES, JOB_STATUSES } from "@/lib/jobs/job-enums";
import type { MirrorRowValues } from "@/lib/mirror/mirror-db.server";

/**
 * CRM records turned into mirror rows: the record as parsed (jsonb) plus the
 * columns the queries filter and sort on. A record the mirror cannot file
 * (not the documented shape, an unknown status, no timestamps) is refused
 * here with a reason; the sync lists it among its problems and goes on.
 */
const uuidText = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "not a UUID");

// A customer without its timestamps (a list that leaves them out, as CRM-API 000's example does) is a partial record: not mirrored.
const mirrorCustomerSchema = customerSchema.extend({
  uuid: uuidText,
  customer_type: z.enum(CUSTOMER_TYPES),
  created_at: z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not an ISO 8601 timestamp"),
  updated_at: z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not an ISO 8601 timestamp"),
});

const mirrorJobSchema = jobListItemSchema.extend({
  uuid: uuidText,
  status: z.enum(JOB_STATUSES),
  priority: z.enum(JOB_PRIORITIES),
  created_at: z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not an ISO 8601 timestamp"),
  updated_at: z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not an ISO 8601 timestamp"),
});

const mirrorLocationSchema = locationSchema.extend({ uuid: uuidText });

export type Parsed<T> = { ok: true; value: T } | { ok: false; uuid: string | null; reason: string };

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): Parsed<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const uuid = typeof raw === "object" && raw !== null && typeof (raw as { uuid?: unknown }).uuid === "string" ? (raw as { uuid: string }).uuid : null;
  const reason = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "record"}: ${issue.message}`)
    .join("; ");
  return { ok: false, uuid, reason };
}

export const parseMirrorCustomer = (raw: unknown) => parseWith<Customer>(mirrorCustomerSchema as z.ZodType<Customer>, raw);
export const parseMirrorJob = (raw: unknown) => parseWith<JobListItem>(mirrorJobSchema as z.ZodType<JobListItem>, raw);
export const parseMirrorLocation = (raw: unknown) => parseWith<Location>(mirrorLocationSchema as z.ZodType<Location>, raw);

/** Words only: lower case, anything but letters, digits and '#' as one space ("1423 Maple St., Apt 2" → "1423 maple st apt 2"). */
export function addressWords(...parts: ReadonlyArray<string | null | undefined>): string {
  const words = addressText(parts);
  // A leading space, so "starts a word" is one LIKE pattern ('% 14%') the trigram index serves.
  return words === "" ? "" : ` ${words}`;
}

export function addressText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((part): part is string => typeof part === "string" && part.trim() !== "")
    .join(" ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, " ")
    .trim();
}

const SEPARATOR = "\u001f";

export function digitsOf(value: string | null | undefined): string {
  return (value ?? "").replace(/\D/g, "");
}

export type CustomerRowValues = MirrorRowValues<"mirror_customers">;

const lowerOrNull = (value: string | null | undefined) => (value && value.trim() !== "" ? value.trim().toLowerCase() : null);

export function customerRow(customer: Customer): CustomerRowValues {
  const extras = customerExtrasFromFlags(customer.internal_flags);
  return {
    uuid: customer.uuid.toLowerCase(),
    record: JSON.stringify(customer),
    first_name: customer.first_name,
    last_name: customer.last_name,
    sort_name: `${customer.last_name} ${customer.first_name}`.trim().toLowerCase(),
    company_name: lowerOrNull(customer.company_name),
    email: lowerOrNull(customer.email),
    phone: customer.phone,
    phone_digits: digitsOf(customer.phone),
    customer_type: customer.customer_type,
    is_vip: customer.is_vip,
    city: lowerOrNull(customer.physical_city),
    zip: lowerOrNull(customer.physical_zip),
    state: customer.physical_state,
    tags: extras.tags.map((tag) => tag.toLowerCase()),
    lead_source: extras.lead_source,
    email_opt_in: extras.marketing_email_opt_in,
    sms_opt_in: extras.marketing_sms_opt_in,
    // The CRM's own search fields (CRM-API decision 5), one segment each so a match never spans two.
    search_text: [
      customer.first_name,
      customer.last_name,
      `${customer.first_name} ${customer.last_name}`,
      customer.company_name ?? "",
      customer.email ?? "",
      customer.phone ?? "",
      customer.uuid,
    ]
      .join(SEPARATOR)
      .toLowerCase(),
    physical_text: addressWords(customer.physical_address1, customer.physical_address2, customer.physical_city, customer.physical_state, customer.physical_zip),
    billing_text: addressWords(customer.billing_address1, customer.billing_address2, customer.billing_city, customer.billing_state, customer.billing_zip),
    // Unreachable fallback: parseMirrorCustomer lets no customer without timestamps through.
    created_at: customer.created_at ?? new Date(0).toISOString(),
    updated_at: customer.updated_at ?? new Date(0).toISOString(),
    deleted_at: customer.deleted_at,
  };
}

export type JobRowValues = MirrorRowValues<"mirror_jobs">;

/**
 * A job as a list item: GET /jobs/{uuid} embeds the whole customer and the
 * location, a list only their names; the mirror keeps the list's shape so a
 * row is the same whichever answer it came from.
 */
export function jobListShape(job: JobListItem & { location?: unknown }): JobListItem {
  const { location: _location, ...rest } = job;
  void _location;
  const customer = rest.customer ? { uuid: rest.customer.uuid, first_name: rest.customer.first_name, last_name: rest.customer.last_name } : null;
  return { ...rest, customer };
}

export function jobRow(job: JobListItem): JobRowValues {
  const shaped = jobListShape(job);
  const customerName = shaped.customer ? `${shaped.customer.first_name} ${shaped.customer.last_name}`.trim() : "";
  const assignee = shaped.assigned_user ? `${shaped.assigned_user.first_name} ${shaped.assigned_user.last_name}`.trim() : null;
  return {
    uuid: shaped.uuid.toLowerCase(),
    record: JSON.stringify(shaped),
    job_number: shaped.job_number,
    title: shaped.title,
    customer_uuid: shaped.customer_uuid ?? shaped.customer?.uuid ?? null,
    customer_name: customerName.toLowerCase(),
    customer_sort: shaped.customer ? `${shaped.customer.last_name} ${shaped.customer.first_name}`.trim().toLowerCase() : "",
    location_uuid: shaped.location_uuid,
    status: shaped.status,
    priority: shaped.priority,
    priority_rank: Math.max(0, (JOB_PRIORITIES as readonly string[]).indexOf(shaped.priority)),
    status_rank: Math.max(0, (JOB_STATUSES as readonly string[]).indexOf(shaped.status)),
    is_urgent: shaped.is_urgent,
    is_emergency: shaped.is_emergency,
    city: lowerOrNull(shaped.service_city),
    zip: lowerOrNull(shaped.service_zip),
    // The CRM's scheduled_date is a calendar day carried as a timestamp (lib/jobs/job-format scheduledDay).
    scheduled_date: /^\d{4}-\d{2}-\d{2}/.exec(shaped.scheduled_date ?? "")?.[0] ?? null,
    scheduled_time_start: shaped.scheduled_time_start,
    scheduled_time_end: shaped.scheduled_time_end,
    assigned_to_user_id: shaped.assigned_to_user_id,
    assignee_name: assignee ? assignee.toLowerCase() : null,
    estimated_amount: shaped.estimated_amount,
    search_text: [shaped.title, shaped.description ?? "", shaped.job_number ?? ""].join(SEPARATOR).toLowerCase(),
    address_text: addressWords(shaped.service_address1, shaped.service_address2, shaped.service_city, shaped.service_state, shaped.service_zip),
    created_at: shaped.created_at ?? new Date(0).toISOString(),
    updated_at: shaped.updated_at ?? new Date(0).toISOString(),
    deleted_at: shaped.deleted_at,
  };
}

export type LocationRowValues = MirrorRowValues<"mirror_locations">;

export function locationRow(location: Location): LocationRowValues {
  return {
    uuid: location.uuid.toLowerCase(),
    record: JSON.stringify(location),
    name: location.name,
    address_text: addressWords(location.address1, location.address2, location.city, location.state, location.zip),
    created_at: location.created_at ?? null,
    updated_at: location.updated_at ?? null,
    deleted_at: location.deleted_at,
  };
}
