import type { CsvColumn } from "@/lib/csv/to-csv";
import { personName, scheduledDay } from "@/lib/jobs/job-format";
import type { JobListItem, Location } from "@/lib/jobs/job-types";

/**
 * The job export's columns: what the table shows, spelled out for a
 * spreadsheet (names rather than ids, plain numbers for amounts, ISO dates).
 */
export function jobCsvColumns(locations: readonly Location[]): CsvColumn<JobListItem>[] {
  const locationName = (uuid: string | null) => (uuid ? (locations.find((location) => location.uuid === uuid)?.name ?? "") : "");
  return [
    { header: "Job number", value: (job) => job.job_number },
    { header: "Title", value: (job) => job.title },
    { header: "Customer", value: (job) => personName(job.customer) },
    { header: "Status", value: (job) => job.status },
    { header: "Priority", value: (job) => job.priority },
    { header: "Urgent", value: (job) => job.is_urgent },
    { header: "Emergency", value: (job) => job.is_emergency },
    { header: "Scheduled date", value: (job) => scheduledDay(job.scheduled_date) },
    { header: "Start time", value: (job) => job.scheduled_time_start },
    { header: "End time", value: (job) => job.scheduled_time_end },
    { header: "Assigned to", value: (job) => personName(job.assigned_user) },
    { header: "Location", value: (job) => locationName(job.location_uuid) },
    {
      header: "Service address",
      value: (job) => [job.service_address1, job.service_address2, job.service_city, job.service_state, job.service_zip].filter(Boolean).join(", "),
    },
    { header: "Estimated amount", value: (job) => job.estimated_amount },
    { header: "Actual amount", value: (job) => job.actual_amount },
    { header: "Created", value: (job) => job.created_at },
    { header: "Deleted", value: (job) => job.deleted_at },
  ];
}
