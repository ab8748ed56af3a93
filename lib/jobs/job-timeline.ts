import type { JobListItem } from "@/lib/jobs/job-types";
import { formatMoment, formatSchedule } from "@/lib/jobs/job-format";

export interface TimelineStep {
  key: "created" | "scheduled" | "started" | "completed" | "invoiced" | "paid";
  label: string;
  /** When it happened (or is planned), in words; null when it hasn't. */
  when: string | null;
  /** The machine-readable moment for <time>, when there is one. */
  dateTime: string | null;
  done: boolean;
}

/**
 * The life of a job in workflow order: created, scheduled, started, completed,
 * invoiced, paid. The CRM stamps started/completed/invoiced when the status
 * moves there; paid comes from billing.
 */
export function jobTimeline(
  job: Pick<
    JobListItem,
    "created_at" | "scheduled_date" | "scheduled_time_start" | "scheduled_time_end" | "started_at" | "completed_at" | "invoiced_at" | "paid_at"
  >,
  timeZone: string,
): TimelineStep[] {
  const moment = (key: TimelineStep["key"], label: string, value: string | null | undefined): TimelineStep => ({
    key,
    label,
    when: formatMoment(value, timeZone),
    dateTime: value ?? null,
    done: Boolean(value),
  });
  return [
    moment("created", "Created", job.created_at),
    {
      key: "scheduled",
      label: "Scheduled",
      when: job.scheduled_date ? formatSchedule(job) : null,
      dateTime: job.scheduled_date ? job.scheduled_date.slice(0, 10) : null,
      done: Boolean(job.scheduled_date),
    },
    moment("started", "Started", job.started_at),
    moment("completed", "Completed", job.completed_at),
    moment("invoiced", "Invoiced", job.invoiced_at),
    moment("paid", "Paid", job.paid_at),
  ];
}
