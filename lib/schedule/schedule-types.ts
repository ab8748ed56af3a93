import type { JobStatus } from "@/lib/jobs/job-enums";
import { JOB_STATUSES } from "@/lib/jobs/job-enums";
import type { MirrorAsOf, MirrorJobRow } from "@/lib/mirror/mirror-types";

/**
 * What the schedule's route answers and its screen shows (no server-only
 * imports here): the jobs of a day or a week from the mirror, the people
 * they can be given to, and the tray of open jobs with no date.
 */
export const SCHEDULE_VIEWS = ["day", "week"] as const;
export type ScheduleView = (typeof SCHEDULE_VIEWS)[number];

/** The query parameters GET /api/schedule takes; anything else is a 400 naming these. */
export const SCHEDULE_PARAMS = ["view", "date", "technician"] as const;

/** The technician filter's value for jobs with nobody assigned (and the Unassigned lane's id). */
export const UNASSIGNED = "unassigned";

/** The tray holds open jobs: every status but the two that mean the work is done. */
export const TRAY_STATUSES: readonly JobStatus[] = JOB_STATUSES.filter((status) => status !== "Complete" && status !== "Invoiced");

/** How many undated jobs the tray lists (most urgent first); its total says how many there are. */
export const TRAY_LIMIT = 100;

export interface ScheduleQuery {
  view: ScheduleView;
  /** The day shown, or any day of the week shown (YYYY-MM-DD). */
  date: string;
  /** One technician's id, UNASSIGNED, or null for everyone. */
  technician: string | null;
}

export interface Technician {
  id: string;
  name: string;
}

/** What a job on the schedule carries: what its card, its dialog and a move need, and no more (a busy week holds a thousand). */
export type ScheduleJob = Pick<
  MirrorJobRow,
  | "uuid"
  | "job_number"
  | "title"
  | "customer_name"
  | "status"
  | "priority"
  | "is_urgent"
  | "is_emergency"
  | "scheduled_date"
  | "scheduled_time_start"
  | "scheduled_time_end"
  | "assigned_to_user_id"
  | "assignee_name"
  | "estimated_amount"
  | "updated_at"
>;

export interface ScheduleData {
  view: ScheduleView;
  date: string;
  /** The first and last day shown (the week runs Monday to Sunday). */
  from: string;
  to: string;
  days: string[];
  technician: string | null;
  /** Everyone seen on jobs in the mirror and every account linked to a CRM user, by name. */
  technicians: Technician[];
  jobs: ScheduleJob[];
  tray: { jobs: ScheduleJob[]; total: number };
  asOf: MirrorAsOf;
}
