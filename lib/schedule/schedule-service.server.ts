import "server-only";
import { assigneeLabel, withLinkedAccounts } from "@/lib/jobs/assignees";
import { queryJobs, scheduleJobs } from "@/lib/mirror/mirror-queries.server";
import { mirrorAssignees } from "@/lib/mirror/mirror-technicians.server";
import type { MirrorAsOf, MirrorJobRow } from "@/lib/mirror/mirror-types";
import { MAX_LIMIT } from "@/lib/mirror/mirror-query-input";
import { daysOf } from "@/lib/schedule/schedule-dates";
import { TRAY_LIMIT, TRAY_STATUSES, UNASSIGNED, type ScheduleData, type ScheduleJob, type ScheduleQuery } from "@/lib/schedule/schedule-types";
import { listCrmUserLinks } from "@/lib/users/manage-users.server";

/** A week of a large company is a few thousand jobs at most; past this the answer stops rather than grow without bound. */
const MAX_SCHEDULED_JOBS = 5_000;

function assigneeFilter(technician: string | null) {
  if (technician === null) return {};
  return technician === UNASSIGNED ? { unassigned: true } : { assigned_to_user_id: technician };
}

/** Every job scheduled in the range, read from the mirror a page at a time. */
async function scheduledBetween(from: string, to: string, technician: string | null): Promise<{ rows: MirrorJobRow[]; asOf: MirrorAsOf }> {
  const rows: MirrorJobRow[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await scheduleJobs({ from, to, ...assigneeFilter(technician), page, limit: MAX_LIMIT });
    rows.push(...answer.rows);
    if (answer.rows.length < MAX_LIMIT || rows.length >= answer.total || rows.length >= MAX_SCHEDULED_JOBS) return { rows, asOf: answer.asOf };
  }
}

/** A mirror row cut to what the schedule shows and moves with: the page carries every job of the week twice (HTML and data). */
function scheduleJob(row: MirrorJobRow): ScheduleJob {
  return {
    uuid: row.uuid,
    job_number: row.job_number,
    title: row.title,
    customer_name: row.customer_name,
    status: row.status,
    priority: row.priority,
    is_urgent: row.is_urgent,
    is_emergency: row.is_emergency,
    scheduled_date: row.scheduled_date,
    scheduled_time_start: row.scheduled_time_start,
    scheduled_time_end: row.scheduled_time_end,
    assigned_to_user_id: row.assigned_to_user_id,
    assignee_name: row.assignee_name,
    estimated_amount: row.estimated_amount,
    updated_at: row.updated_at,
  };
}

/** The older of two answers' ages: the screen is as fresh as its stalest part. */
function olderOf(a: MirrorAsOf, b: MirrorAsOf): MirrorAsOf {
  const oldest = [a.oldestConfirmedAt, b.oldestConfirmedAt].filter((at): at is string => at !== null).sort()[0] ?? null;
  return { ...a, oldestConfirmedAt: oldest };
}

/**
 * The schedule of a day or a week, answered from the mirror alone (no CRM
 * request): the jobs in range, the open jobs with no date (most urgent
 * first), and the lanes' people (everyone seen on jobs, and every account an
 * admin linked to a CRM user).
 */
export async function getSchedule(query: ScheduleQuery): Promise<ScheduleData> {
  const days = daysOf(query.view, query.date);
  const from = days[0] ?? query.date;
  const to = days.at(-1) ?? query.date;
  const [scheduled, tray, seen, links] = await Promise.all([
    scheduledBetween(from, to, query.technician),
    queryJobs({
      filters: { unscheduled: true, statuses: [...TRAY_STATUSES], ...assigneeFilter(query.technician) },
      sort: "priority",
      direction: "desc",
      limit: TRAY_LIMIT,
    }),
    mirrorAssignees(),
    listCrmUserLinks(),
  ]);
  return {
    view: query.view,
    date: query.date,
    from,
    to,
    days,
    technician: query.technician,
    technicians: withLinkedAccounts(seen, links).map((person) => ({ id: person.id.toLowerCase(), name: assigneeLabel(person) })),
    jobs: scheduled.rows.map(scheduleJob),
    tray: { jobs: tray.rows.map(scheduleJob), total: tray.total },
    asOf: olderOf(scheduled.asOf, tray.asOf),
  };
}
