import type { ScheduleJob, Technician } from "@/lib/schedule/schedule-types";
import { UNASSIGNED } from "@/lib/schedule/schedule-types";

/**
 * Where jobs go on the schedule and what each lane adds up to: pure, so the
 * screen, the dialog's warning and the tests agree.
 */

export interface Lane {
  /** A technician's id, or UNASSIGNED. */
  id: string;
  name: string;
}

export const UNASSIGNED_LANE: Lane = { id: UNASSIGNED, name: "Unassigned" };

/** The lane a job is in. */
export const laneIdOf = (job: Pick<ScheduleJob, "assigned_to_user_id">) => job.assigned_to_user_id?.toLowerCase() ?? UNASSIGNED;

/**
 * Unassigned first (what still needs someone), then every technician by
 * name, including anyone on a job shown who is not in the list (a person
 * the mirror has not seen on any other job yet).
 */
export function lanesOf(technicians: readonly Technician[], jobs: readonly ScheduleJob[]): Lane[] {
  const byId = new Map<string, Lane>();
  for (const person of technicians) byId.set(person.id.toLowerCase(), { id: person.id.toLowerCase(), name: person.name });
  for (const job of jobs) {
    const id = laneIdOf(job);
    if (id !== UNASSIGNED && !byId.has(id)) byId.set(id, { id, name: job.assignee_name ?? "A team member" });
  }
  return [UNASSIGNED_LANE, ...[...byId.values()].sort((a, b) => a.name.localeCompare(b.name))];
}

const TIME = /^(\d{1,2}):(\d{2})/;

/** "09:30" → 570 minutes after midnight; null for no time. */
export function minutesOf(time: string | null | undefined): number | null {
  const match = TIME.exec(time ?? "");
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 570 → "09:30". */
export function timeOf(minutes: number): string {
  const clamped = Math.max(0, Math.min(minutes, 23 * 60 + 59));
  return `${String(Math.floor(clamped / 60)).padStart(2, "0")}:${String(clamped % 60).padStart(2, "0")}`;
}

/** A visit with a start and no end is taken to last an hour (ADR-020): it still takes the technician's time. */
export const ASSUMED_MINUTES = 60;

/** A job's window in minutes, or null when it has no start time. */
export function windowOf(job: Pick<ScheduleJob, "scheduled_time_start" | "scheduled_time_end">): { start: number; end: number } | null {
  const start = minutesOf(job.scheduled_time_start);
  if (start === null) return null;
  const end = minutesOf(job.scheduled_time_end);
  return { start, end: end !== null && end > start ? end : Math.min(start + ASSUMED_MINUTES, 24 * 60) };
}

type Placed = Pick<ScheduleJob, "uuid" | "assigned_to_user_id" | "scheduled_date" | "scheduled_time_start" | "scheduled_time_end">;

/**
 * For every job whose window overlaps another job of the same technician on
 * the same day, the jobs it overlaps (in start order). Unassigned jobs
 * overlap nobody: nobody is double-booked.
 */
export function overlapsOf<T extends Placed>(jobs: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, Array<{ job: T; start: number; end: number }>>();
  for (const job of jobs) {
    const window = windowOf(job);
    if (!window || !job.scheduled_date || !job.assigned_to_user_id) continue;
    const key = `${job.assigned_to_user_id.toLowerCase()}|${job.scheduled_date}`;
    groups.set(key, [...(groups.get(key) ?? []), { job, ...window }]);
  }
  const result = new Map<string, T[]>();
  for (const group of groups.values()) {
    group.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const a of group) {
      const others = group.filter((b) => b !== a && a.start < b.end && b.start < a.end).map((b) => b.job);
      if (others.length > 0) result.set(a.job.uuid, others);
    }
  }
  return result;
}

/** The jobs a proposed window would overlap: the dialog's warning. */
export function overlapsWith<T extends Placed>(jobs: readonly T[], proposed: Placed): T[] {
  const others = jobs.filter((job) => job.uuid !== proposed.uuid);
  return (
    overlapsOf<Placed>([...others, proposed])
      .get(proposed.uuid)
      ?.map((job) => job as T) ?? []
  );
}

/** What a lane's jobs add up to on a day (or a week): hours booked and the estimates' total. */
export function totalsOf(jobs: ReadonlyArray<Pick<ScheduleJob, "scheduled_time_start" | "scheduled_time_end" | "estimated_amount">>): {
  minutes: number;
  amount: number;
} {
  let minutes = 0;
  let amount = 0;
  for (const job of jobs) {
    const window = windowOf(job);
    if (window) minutes += window.end - window.start;
    amount += job.estimated_amount ?? 0;
  }
  return { minutes, amount: Math.round(amount * 100) / 100 };
}

/** 150 → "2.5 h", 0 → "0 h". */
export function formatHours(minutes: number): string {
  const hours = Math.round((minutes / 60) * 100) / 100;
  return `${hours} h`;
}

/** Jobs in the order a day is worked: timed ones by start, then those with no time, by number. */
export function byStartTime<T extends Pick<ScheduleJob, "scheduled_time_start" | "job_number" | "uuid">>(jobs: readonly T[]): T[] {
  return [...jobs].sort((a, b) => {
    const [x, y] = [minutesOf(a.scheduled_time_start), minutesOf(b.scheduled_time_start)];
    if (x !== y) return x === null ? 1 : y === null ? -1 : x - y;
    return (a.job_number ?? a.uuid).localeCompare(b.job_number ?? b.uuid);
  });
}

/** The hours a day view shows: 7:00 to 19:00, widened to take in every job. */
export function dayHours(jobs: ReadonlyArray<Pick<ScheduleJob, "scheduled_time_start" | "scheduled_time_end">>): { first: number; last: number } {
  let first = 7;
  let last = 19;
  for (const job of jobs) {
    const window = windowOf(job);
    if (!window) continue;
    first = Math.min(first, Math.floor(window.start / 60));
    last = Math.max(last, Math.ceil(window.end / 60));
  }
  return { first, last: Math.min(last, 24) };
}
