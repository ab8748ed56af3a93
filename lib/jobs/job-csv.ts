import type { CsvColumn } from "@/lib/csv/to-csv";
import { locationLabel } from "@/lib/jobs/location-label";
import { personName, scheduledDay } from "@/lib/jobs/job-format";
import type { JobListItem, Location } from "@/lib/jobs/job-types";

/**
 * The job export's columns: every field of the CRM's Job object, in the order
 * of its table (CRM-API 002), spelled out for a spreadsheet (plain numbers for
 * amounts, ISO dates and times), with the names beside the ids they stand for
 * (customer, location, assignee). `field` names the documented field a column holds.
 */
export function jobCsvColumns(locations: readonly Location[]): Array<CsvColumn<JobListItem> & { field: string }> {
  const locationName = (uuid: string | null | undefined) => locationLabel(uuid, locations);
  return [
    { field: "uuid", header: "Job ID", value: (job) => job.uuid },
    { field: "job_number", header: "Job number", value: (job) => job.job_number },
    { field: "customer_uuid", header: "Customer ID", value: (job) => job.customer_uuid ?? job.customer?.uuid ?? null },
    { field: "customer_uuid", header: "Customer", value: (job) => personName(job.customer) },
    { field: "location_uuid", header: "Location ID", value: (job) => job.location_uuid },
    { field: "location_uuid", header: "Location", value: (job) => locationName(job.location_uuid) },
    { field: "assigned_to_user_id", header: "Assigned to ID", value: (job) => job.assigned_to_user_id },
    { field: "assigned_to_user_id", header: "Assigned to", value: (job) => personName(job.assigned_user) },
    { field: "title", header: "Title", value: (job) => job.title },
    { field: "description", header: "Description", value: (job) => job.description },
    { field: "status", header: "Status", value: (job) => job.status },
    { field: "priority", header: "Priority", value: (job) => job.priority },
    { field: "is_urgent", header: "Urgent", value: (job) => job.is_urgent },
    { field: "is_emergency", header: "Emergency", value: (job) => job.is_emergency },
    { field: "service_address1", header: "Service address line 1", value: (job) => job.service_address1 },
    { field: "service_address2", header: "Service address line 2", value: (job) => job.service_address2 },
    { field: "service_city", header: "Service city", value: (job) => job.service_city },
    { field: "service_state", header: "Service state", value: (job) => job.service_state },
    { field: "service_zip", header: "Service ZIP code", value: (job) => job.service_zip },
    { field: "estimated_amount", header: "Estimated amount", value: (job) => job.estimated_amount },
    { field: "actual_amount", header: "Actual amount", value: (job) => job.actual_amount },
    { field: "scheduled_date", header: "Scheduled date", value: (job) => scheduledDay(job.scheduled_date) },
    { field: "scheduled_time_start", header: "Start time", value: (job) => job.scheduled_time_start },
    { field: "scheduled_time_end", header: "End time", value: (job) => job.scheduled_time_end },
    { field: "started_at", header: "Started", value: (job) => job.started_at },
    { field: "completed_at", header: "Completed", value: (job) => job.completed_at },
    { field: "invoiced_at", header: "Invoiced", value: (job) => job.invoiced_at },
    { field: "paid_at", header: "Paid", value: (job) => job.paid_at },
    { field: "internal_notes", header: "Internal notes", value: (job) => job.internal_notes },
    { field: "customer_notes", header: "Notes for the customer", value: (job) => job.customer_notes },
    { field: "created_at", header: "Created", value: (job) => job.created_at },
    { field: "updated_at", header: "Last changed", value: (job) => job.updated_at },
    { field: "deleted_at", header: "Deleted", value: (job) => job.deleted_at },
  ];
}
