import type { ScheduleSlot } from "@/lib/schedule/queries/reschedule-job";
import { timeOf, windowOf, ASSUMED_MINUTES } from "@/lib/schedule/schedule-layout";
import { UNASSIGNED, type ScheduleJob } from "@/lib/schedule/schedule-types";

/**
 * What a drop target stands for: a lane on a day (the week view: the job
 * keeps its times), a lane at a time (the day view: the window moves there
 * and keeps its length), or a lane's "No set time" (the times are cleared).
 */
export interface DropTarget {
  lane: string;
  day: string;
  minutes?: number | "none";
}

export function dropTargetId(target: DropTarget): string {
  return `${target.lane}|${target.day}|${target.minutes ?? "day"}`;
}

export function dropTarget(data: unknown): DropTarget | null {
  const value = data as Partial<DropTarget> | null | undefined;
  return value && typeof value.lane === "string" && typeof value.day === "string" ? (value as DropTarget) : null;
}

/** Where a job dropped on a target goes. */
export function slotFor(job: ScheduleJob, target: DropTarget): ScheduleSlot {
  const assigned = target.lane === UNASSIGNED ? null : target.lane;
  const base = { assigned_to_user_id: assigned, scheduled_date: target.day };
  if (target.minutes === undefined) return { ...base, scheduled_time_start: job.scheduled_time_start, scheduled_time_end: job.scheduled_time_end };
  if (target.minutes === "none") return { ...base, scheduled_time_start: null, scheduled_time_end: null };
  const window = windowOf(job);
  const length = window ? window.end - window.start : ASSUMED_MINUTES;
  // A job that had only a start keeps having only a start.
  const end = job.scheduled_time_start && !job.scheduled_time_end ? null : timeOf(Math.min(target.minutes + length, 23 * 60 + 59));
  return { ...base, scheduled_time_start: timeOf(target.minutes), scheduled_time_end: end };
}
