import { toIso, toIsoOrNull } from "../../http/timestamps";
import { serializeCustomer, type CustomerRow } from "../customers/serialize";
import { serializeLocation, type LocationRow } from "../locations/serialize";

/** The Job object's fields in documented order. */
export const JOB_COLUMNS = [
  "uuid",
  "job_number",
  "customer_uuid",
  "location_uuid",
  "assigned_to_user_id",
  "title",
  "description",
  "status",
  "priority",
  "is_urgent",
  "is_emergency",
  "service_address1",
  "service_address2",
  "service_city",
  "service_state",
  "service_zip",
  "estimated_amount",
  "actual_amount",
  "scheduled_date",
  "scheduled_time_start",
  "scheduled_time_end",
  "started_at",
  "completed_at",
  "invoiced_at",
  "paid_at",
  "internal_notes",
  "customer_notes",
  "created_at",
  "updated_at",
  "deleted_at",
].join(", ");

export interface JobRow {
  uuid: string;
  job_number: string | null;
  customer_uuid: string;
  location_uuid: string | null;
  assigned_to_user_id: string | null;
  title: string;
  description: string | null;
  status: string;
  priority: string;
  is_urgent: boolean;
  is_emergency: boolean;
  service_address1: string | null;
  service_address2: string | null;
  service_city: string | null;
  service_state: string | null;
  service_zip: string | null;
  /** numeric comes back from both drivers as a decimal string. */
  estimated_amount: string | number | null;
  actual_amount: string | number | null;
  scheduled_date: Date | null;
  scheduled_time_start: string | null;
  scheduled_time_end: string | null;
  started_at: Date | null;
  completed_at: Date | null;
  invoiced_at: Date | null;
  paid_at: Date | null;
  internal_notes: string | null;
  customer_notes: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export interface JobListRow extends JobRow {
  customer_first_name: string;
  customer_last_name: string;
  user_first_name: string | null;
  user_last_name: string | null;
}

export interface UserRow {
  id: string;
  first_name: string;
  last_name: string;
}

const amount = (value: string | number | null): number | null => (value === null ? null : Number(value));

export function serializeJob(row: JobRow) {
  return {
    uuid: row.uuid,
    job_number: row.job_number,
    customer_uuid: row.customer_uuid,
    location_uuid: row.location_uuid,
    assigned_to_user_id: row.assigned_to_user_id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    is_urgent: row.is_urgent,
    is_emergency: row.is_emergency,
    service_address1: row.service_address1,
    service_address2: row.service_address2,
    service_city: row.service_city,
    service_state: row.service_state,
    service_zip: row.service_zip,
    estimated_amount: amount(row.estimated_amount),
    actual_amount: amount(row.actual_amount),
    scheduled_date: toIsoOrNull(row.scheduled_date),
    scheduled_time_start: row.scheduled_time_start,
    scheduled_time_end: row.scheduled_time_end,
    started_at: toIsoOrNull(row.started_at),
    completed_at: toIsoOrNull(row.completed_at),
    invoiced_at: toIsoOrNull(row.invoiced_at),
    paid_at: toIsoOrNull(row.paid_at),
    internal_notes: row.internal_notes,
    customer_notes: row.customer_notes,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
    deleted_at: toIsoOrNull(row.deleted_at),
  };
}

const serializeUser = (user: UserRow) => ({ id: user.id, first_name: user.first_name, last_name: user.last_name });

/** List item: the job plus a short customer and the assignee (CRM-API decision 11). */
export function serializeJobListItem(row: JobListRow) {
  return {
    ...serializeJob(row),
    customer: { uuid: row.customer_uuid, first_name: row.customer_first_name, last_name: row.customer_last_name },
    assigned_user:
      row.assigned_to_user_id !== null && row.user_first_name !== null && row.user_last_name !== null
        ? serializeUser({ id: row.assigned_to_user_id, first_name: row.user_first_name, last_name: row.user_last_name })
        : null,
  };
}

export interface JobRelations {
  customer: CustomerRow;
  location: LocationRow | null;
  user: UserRow | null;
}

/** Single job (GET, and the answer to POST and PUT): full customer, location and assignee. */
export function serializeJobDetail(row: JobRow, relations: JobRelations) {
  return {
    ...serializeJob(row),
    customer: serializeCustomer(relations.customer),
    location: relations.location ? serializeLocation(relations.location) : null,
    assigned_user: relations.user ? serializeUser(relations.user) : null,
  };
}
