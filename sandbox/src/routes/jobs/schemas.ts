import { z } from "zod";
import {
  booleanLike,
  nullableAmount,
  nullableDateOrDateTime,
  nullableDateTime,
  nullableNonEmptyText,
  nullableText,
  nullableTime,
  nullableUuid,
  oneOf,
  requiredText,
  uuidField,
} from "../../http/fields";

export const JOB_STATUSES = [
  "New",
  "Contacted",
  "Scheduled",
  "In Progress",
  "Needs Approval",
  "Ready to Invoice",
  "Invoiced",
  "Complete",
  "Estimate Sent",
  "Estimate Approved",
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_PRIORITIES = ["Low", "Normal", "High", "Emergency"] as const;

/**
 * The writable Job fields with CRM-API 002's checks only: required customer and
 * title, exact enums, HH:MM times, ISO dates, numeric amounts. There is no
 * "end after start" rule; that is the dashboard's (CRM-API decision 10).
 * Unknown and read-only keys are stripped, as for customers.
 */
export const jobCreateSchema = z.object({
  job_number: nullableNonEmptyText("job_number").optional(),
  customer_uuid: uuidField("customer_uuid"),
  location_uuid: nullableUuid("location_uuid").optional(),
  assigned_to_user_id: nullableUuid("assigned_to_user_id").optional(),
  title: requiredText("title"),
  description: nullableText("description").optional(),
  status: oneOf("status", JOB_STATUSES).optional(),
  priority: oneOf("priority", JOB_PRIORITIES).optional(),
  is_urgent: booleanLike("is_urgent").optional(),
  is_emergency: booleanLike("is_emergency").optional(),
  service_address1: nullableText("service_address1").optional(),
  service_address2: nullableText("service_address2").optional(),
  service_city: nullableText("service_city").optional(),
  service_state: nullableText("service_state").optional(),
  service_zip: nullableText("service_zip").optional(),
  estimated_amount: nullableAmount("estimated_amount").optional(),
  actual_amount: nullableAmount("actual_amount").optional(),
  scheduled_date: nullableDateOrDateTime("scheduled_date").optional(),
  scheduled_time_start: nullableTime("scheduled_time_start").optional(),
  scheduled_time_end: nullableTime("scheduled_time_end").optional(),
  started_at: nullableDateTime("started_at").optional(),
  completed_at: nullableDateTime("completed_at").optional(),
  invoiced_at: nullableDateTime("invoiced_at").optional(),
  paid_at: nullableDateTime("paid_at").optional(),
  internal_notes: nullableText("internal_notes").optional(),
  customer_notes: nullableText("customer_notes").optional(),
});

export const jobUpdateSchema = jobCreateSchema.partial();

export type JobInput = z.output<typeof jobUpdateSchema>;
