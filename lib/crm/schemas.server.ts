import "server-only";
import { z } from "zod";

/**
 * The CRM's documented objects (CRM-API 000 and 002), read tolerantly
 * (ADR-019): unknown fields are dropped; timestamps may come with or without
 * milliseconds; a field the docs show in one example and not in another
 * (created_at and updated_at are missing from the customer list example, the
 * addresses too) may be missing and reads as null, "unknown"; and in a list,
 * one record that cannot be read is reported on its own (`unreadable`) instead
 * of failing the list.
 */
const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not an ISO 8601 timestamp");
const nullableText = z
  .string()
  .nullable()
  .optional()
  .transform((value) => value ?? null);
// The CRM serialises money as numbers; accept numeric strings too, as Postgres-backed APIs often do.
const amount = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ])
  .nullable()
  .optional()
  .transform((value) => value ?? null);

export const paginationSchema = z.object({
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
  total_pages: z.number().int(),
});
export type Pagination = z.infer<typeof paginationSchema>;

export const customerSchema = z.object({
  uuid: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  company_name: nullableText,
  email: nullableText,
  phone: nullableText,
  customer_type: z.string(),
  is_vip: z.boolean(),
  physical_address1: nullableText,
  physical_address2: nullableText,
  physical_city: nullableText,
  physical_state: nullableText,
  physical_zip: nullableText,
  billing_address1: nullableText,
  billing_address2: nullableText,
  billing_city: nullableText,
  billing_state: nullableText,
  billing_zip: nullableText,
  primary_service_location_uuid: nullableText,
  notes: nullableText,
  internal_flags: z
    .record(z.string(), z.unknown())
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  on_my_way_notify_via: nullableText,
  created_at: timestamp
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  updated_at: timestamp
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  deleted_at: timestamp
    .nullable()
    .optional()
    .transform((value) => value ?? null),
});
export type Customer = z.infer<typeof customerSchema>;

const customerRefSchema = z.object({ uuid: z.string(), first_name: z.string(), last_name: z.string() });
const assignedUserSchema = z.object({ id: z.string(), first_name: z.string(), last_name: z.string() });

export const jobListItemSchema = z.object({
  uuid: z.string(),
  job_number: nullableText,
  customer_uuid: z.string().optional(),
  location_uuid: nullableText,
  assigned_to_user_id: nullableText,
  title: z.string(),
  description: nullableText,
  status: z.string(),
  priority: z.string(),
  is_urgent: z.boolean().optional().default(false),
  is_emergency: z.boolean().optional().default(false),
  service_address1: nullableText,
  service_address2: nullableText,
  service_city: nullableText,
  service_state: nullableText,
  service_zip: nullableText,
  estimated_amount: amount,
  actual_amount: amount,
  scheduled_date: timestamp
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  scheduled_time_start: nullableText,
  scheduled_time_end: nullableText,
  started_at: timestamp
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  completed_at: timestamp
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  invoiced_at: timestamp
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  paid_at: timestamp
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  internal_notes: nullableText,
  customer_notes: nullableText,
  customer: customerRefSchema
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  assigned_user: assignedUserSchema
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  deleted_at: timestamp
    .nullable()
    .optional()
    .transform((value) => value ?? null),
});
export type JobListItem = z.infer<typeof jobListItemSchema>;

export const locationSchema = z.object({
  uuid: z.string(),
  name: z.string(),
  address1: nullableText,
  address2: nullableText,
  city: nullableText,
  state: nullableText,
  zip: nullableText,
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  deleted_at: timestamp
    .nullable()
    .optional()
    .transform((value) => value ?? null),
});
export type Location = z.infer<typeof locationSchema>;

/** GET /jobs/{uuid} embeds the full customer and location (CRM-API decision 11). */
export const jobDetailSchema = jobListItemSchema.extend({
  customer: customerSchema
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  location: locationSchema
    .nullable()
    .optional()
    .transform((value) => value ?? null),
});
export type JobDetail = z.infer<typeof jobDetailSchema>;

export const deletedSchema = z.object({ message: z.string() });

/** A list record the dashboard could not read: its uuid when it has one, and what was wrong (for the log, not the screen). */
export interface UnreadableRecordProblem {
  uuid: string | null;
  problem: string;
}

/** Each record of a list parsed on its own: the readable ones, and the others listed. */
function eachRecord<Item extends z.ZodType>(item: Item) {
  return z.array(z.unknown()).transform((records) => {
    const rows: Array<z.infer<Item>> = [];
    const unreadable: UnreadableRecordProblem[] = [];
    for (const record of records) {
      const parsed = item.safeParse(record);
      if (parsed.success) rows.push(parsed.data);
      else
        unreadable.push({
          uuid: uuidOf(record),
          problem: parsed.error.issues.map((issue) => `${issue.path.join(".") || "record"}: ${issue.message}`).join("; "),
        });
    }
    return { rows, unreadable };
  });
}

function uuidOf(record: unknown): string | null {
  const uuid = typeof record === "object" && record !== null ? (record as { uuid?: unknown }).uuid : undefined;
  return typeof uuid === "string" && uuid.length <= 100 ? uuid : null;
}

export const customerListSchema = z
  .object({ customers: eachRecord(customerSchema), pagination: paginationSchema })
  .transform(({ customers, pagination }) => ({ customers: customers.rows, unreadable: customers.unreadable, pagination }));
export const jobListSchema = z
  .object({ jobs: eachRecord(jobListItemSchema), pagination: paginationSchema })
  .transform(({ jobs, pagination }) => ({ jobs: jobs.rows, unreadable: jobs.unreadable, pagination }));
export const locationListSchema = z
  .object({ locations: eachRecord(locationSchema), pagination: paginationSchema })
  .transform(({ locations, pagination }) => ({ locations: locations.rows, unreadable: locations.unreadable, pagination }));
