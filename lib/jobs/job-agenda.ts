import { JOB_STATUSES, type JobStatus } from "@/lib/jobs/job-enums";
import { personName, scheduledDay } from "@/lib/jobs/job-format";
import type { JobListItem } from "@/lib/jobs/job-types";
import type { AgendaJob } from "@/lib/overview/overview-types";

/** Work not yet invoiced: what the day at a glance looks at. */
export const OPEN_STATUSES: readonly JobStatus[] = JOB_STATUSES.filter((status) => status !== "Invoiced" && status !== "Complete");

/** Statuses before anyone has started: a past date in one of these means the visit is overdue. */
const NOT_STARTED: readonly JobStatus[] = ["New", "Contacted", "Estimate Sent", "Estimate Approved", "Scheduled"];

export function isUrgentJob(job: Pick<AgendaJob, "isUrgent" | "isEmergency" | "priority">): boolean {
  return job.isUrgent || job.isEmergency || job.priority === "Emergency";
}

/** The compact form the overview sends to the browser, or null when the job belongs in no list. */
export function toAgendaJob(job: JobListItem, status: JobStatus): AgendaJob | null {
  const agenda: AgendaJob = {
    uuid: job.uuid,
    jobNumber: job.job_number,
    title: job.title,
    status,
    priority: job.priority,
    isUrgent: job.is_urgent,
    isEmergency: job.is_emergency,
    scheduledDate: scheduledDay(job.scheduled_date),
    timeStart: job.scheduled_time_start,
    timeEnd: job.scheduled_time_end,
    customerName: personName(job.customer) || "Unknown customer",
    assigneeName: personName(job.assigned_user) || null,
  };
  return agenda.scheduledDate !== null || isUrgentJob(agenda) ? agenda : null;
}

export interface DayAgenda {
  today: AgendaJob[];
  overdue: AgendaJob[];
  urgent: AgendaJob[];
}

const byTime = (a: AgendaJob, b: AgendaJob) => (a.timeStart ?? "99:99").localeCompare(b.timeStart ?? "99:99");
const byDate = (a: AgendaJob, b: AgendaJob) => (a.scheduledDate ?? "").localeCompare(b.scheduledDate ?? "") || byTime(a, b);

/**
 * Sorts open jobs into the day's lists for `today` (YYYY-MM-DD, the viewer's
 * calendar day): scheduled today (by start time), overdue (a past date, not
 * started; oldest first) and urgent or emergency (emergencies first).
 */
export function splitAgenda(jobs: readonly AgendaJob[], today: string): DayAgenda {
  return {
    today: jobs.filter((job) => job.scheduledDate === today).sort(byTime),
    overdue: jobs.filter((job) => job.scheduledDate !== null && job.scheduledDate < today && NOT_STARTED.includes(job.status)).sort(byDate),
    urgent: jobs
      .filter(isUrgentJob)
      .sort((a, b) => Number(b.isEmergency || b.priority === "Emergency") - Number(a.isEmergency || a.priority === "Emergency") || byDate(a, b)),
  };
}
