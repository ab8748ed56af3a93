import type { JobDetail } from "@/lib/jobs/job-types";
import { scheduledDay } from "@/lib/jobs/job-format";
import { TRAY_STATUSES, UNASSIGNED, type ScheduleData, type ScheduleJob } from "@/lib/schedule/schedule-types";
import type { JobStatus } from "@/lib/jobs/job-enums";

/**
 * Pure edits of a loaded schedule, for a move shown at once and its
 * reversal: the job leaves wherever it was and goes where its fields now say
 * (a day in range, the tray, or out of sight).
 */
export function withPlacedJob(data: ScheduleData | undefined, job: ScheduleJob): ScheduleData | undefined {
  if (!data) return data;
  const wasInTray = data.tray.jobs.some((entry) => entry.uuid === job.uuid);
  const jobs = data.jobs.filter((entry) => entry.uuid !== job.uuid);
  const tray = data.tray.jobs.filter((entry) => entry.uuid !== job.uuid);
  const lane = job.assigned_to_user_id?.toLowerCase() ?? UNASSIGNED;
  const shownLane = data.technician === null || data.technician === lane;
  let total = data.tray.total - (wasInTray ? 1 : 0);
  if (job.scheduled_date && job.scheduled_date >= data.from && job.scheduled_date <= data.to && shownLane) jobs.push(job);
  if (!job.scheduled_date && (TRAY_STATUSES as readonly string[]).includes(job.status) && shownLane) {
    tray.unshift(job);
    total += 1;
  }
  return { ...data, jobs, tray: { jobs: tray, total } };
}

/** A schedule row from the CRM's answer (a save, or the newer version a conflict carries). */
export function scheduleJobFromDetail(detail: JobDetail, before: ScheduleJob): ScheduleJob {
  const person = detail.assigned_user;
  const assignee = person ? `${person.first_name} ${person.last_name}`.trim() : "";
  const customer = detail.customer ? `${detail.customer.first_name} ${detail.customer.last_name}`.trim() : before.customer_name;
  return {
    ...before,
    job_number: detail.job_number ?? before.job_number,
    title: detail.title,
    customer_name: customer,
    status: detail.status as JobStatus,
    priority: detail.priority,
    is_urgent: detail.is_urgent,
    is_emergency: detail.is_emergency,
    scheduled_date: scheduledDay(detail.scheduled_date),
    scheduled_time_start: detail.scheduled_time_start?.slice(0, 5) ?? null,
    scheduled_time_end: detail.scheduled_time_end?.slice(0, 5) ?? null,
    assigned_to_user_id: detail.assigned_to_user_id?.toLowerCase() ?? null,
    assignee_name: assignee === "" ? null : assignee,
    estimated_amount: detail.estimated_amount ?? null,
    updated_at: detail.updated_at ?? before.updated_at,
  };
}
