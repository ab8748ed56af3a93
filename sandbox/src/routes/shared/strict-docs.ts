import { badRequest } from "../../http/api-error";
import { parseDateTime } from "../../http/timestamps";

/**
 * SANDBOX_STRICT_DOCS=1: the sandbox does what the CRM's published docs say,
 * to the letter, where the real CRM may well do so and the full sandbox is
 * generous (docs/sandbox.md, "Strict docs"):
 * - create takes only the parameters its doc lists (CRM-API 000 "Create a
 *   customer", CRM-API 002 "Create a job"); anything else is ignored, as a
 *   lenient API ignores what it does not know;
 * - list items carry only the fields the list examples show;
 * - scheduled_date is a full ISO timestamp, as the Job object shows
 *   ("2025-01-20T10:00:00Z"): a date alone is refused.
 * Update is partial over every field of the object, as its doc says.
 */
export const CUSTOMER_CREATE_PARAMETERS = [
  "first_name",
  "last_name",
  "company_name",
  "email",
  "phone",
  "customer_type",
  "is_vip",
  "primary_service_location_uuid",
  "notes",
  "internal_flags",
  "on_my_way_notify_via",
] as const;

export const JOB_CREATE_PARAMETERS = [
  "customer_uuid",
  "title",
  "location_uuid",
  "assigned_to_user_id",
  "description",
  "status",
  "priority",
  "is_urgent",
  "is_emergency",
  "estimated_amount",
  "scheduled_date",
  "scheduled_time_start",
  "scheduled_time_end",
  "internal_notes",
  "customer_notes",
] as const;

/** The fields of CRM-API 000's list example. */
export const CUSTOMER_LIST_FIELDS = ["uuid", "first_name", "last_name", "email", "phone", "customer_type", "is_vip"] as const;
/** The fields of CRM-API 002's list example (customer as the short embed). */
export const JOB_LIST_FIELDS = ["uuid", "job_number", "title", "status", "priority", "customer", "scheduled_date"] as const;

/** The body with only the named keys (the rest is ignored, not refused). */
export function onlyDocumented(body: Record<string, unknown>, parameters: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => parameters.includes(key)));
}

/** A record with only the named fields. */
export function pick<T extends Record<string, unknown>>(record: T, fields: readonly string[]): Partial<T> {
  return Object.fromEntries(fields.filter((field) => field in record).map((field) => [field, record[field]])) as Partial<T>;
}

/** In strict mode a date alone is not a scheduled_date: the docs show a timestamp. */
export function requireScheduledTimestamp(body: Record<string, unknown>): void {
  const value = body.scheduled_date;
  if (typeof value === "string" && parseDateTime(value) === null) {
    throw badRequest("scheduled_date must be an ISO 8601 timestamp, like 2025-01-20T10:00:00Z");
  }
}
