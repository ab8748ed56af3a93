import { fieldLabelling } from "@/lib/forms/field-labels";
import type { JobFormState } from "@/lib/jobs/job-schema";

/**
 * Job fields in the words office staff use, in the order the form shows
 * them: for the conflict review, the change history and error summaries.
 */
export type JobField = keyof JobFormState;

export const JOB_FIELD_LABELS: Record<JobField, string> = {
  customer_uuid: "Customer",
  title: "Title",
  description: "Description",
  status: "Status",
  priority: "Priority",
  is_urgent: "Urgent",
  is_emergency: "Emergency",
  location_uuid: "Location",
  assigned_to_user_id: "Assigned to",
  use_customer_address: "Use the customer's address",
  service_address1: "Service address: street",
  service_address2: "Service address: apartment, suite, unit",
  service_city: "Service address: city",
  service_state: "Service address: state",
  service_zip: "Service address: ZIP code",
  estimated_amount: "Estimated amount",
  actual_amount: "Actual amount",
  scheduled_date: "Scheduled date",
  scheduled_time_start: "Start time",
  scheduled_time_end: "End time",
  internal_notes: "Internal notes",
  customer_notes: "Customer notes",
};

const labelling = fieldLabelling(JOB_FIELD_LABELS);
export const JOB_FIELDS = labelling.fields;
export const isJobField = labelling.isField;
/** The label for a field name from the API or the audit log; others read as words. */
export const jobFieldLabel = labelling.labelOf;
