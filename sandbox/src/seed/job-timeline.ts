import type { Metro } from "./addresses";
import type { WorkKind } from "./job-catalog";
import { atLocal, DAY_MS, formatMinutes, HOUR_MS, localDayOf, localMinutesOf, MINUTE_MS, scheduledDateOf, type LocalDay } from "./local-time";
import type { Random } from "./random";
import { laterMoment } from "./seed-context";

export const JOB_STATUSES = [
  "New",
  "Contacted",
  "Estimate Sent",
  "Estimate Approved",
  "Scheduled",
  "In Progress",
  "Needs Approval",
  "Ready to Invoice",
  "Invoiced",
  "Complete",
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses in which a technician has been on site, so started_at is set. */
export const STARTED_STATUSES: ReadonlySet<JobStatus> = new Set(["In Progress", "Needs Approval", "Ready to Invoice", "Invoiced", "Complete"]);
/** Statuses whose work is finished, so the final amount is known. */
export const BILLABLE_STATUSES: ReadonlySet<JobStatus> = new Set(["Ready to Invoice", "Invoiced", "Complete"]);

type StatusWeights = ReadonlyArray<readonly [JobStatus, number]>;

/**
 * How a job created N days ago is most likely doing today: fresh jobs are
 * still in the pipeline, older ones are mostly closed. The last bucket keeps
 * a trickle of stale open jobs, as every real board has.
 */
const STATUS_BY_AGE: ReadonlyArray<readonly [maxAgeDays: number, weights: StatusWeights]> = [
  [
    2,
    [
      ["New", 28],
      ["Contacted", 16],
      ["Estimate Sent", 8],
      ["Estimate Approved", 3],
      ["Scheduled", 30],
      ["In Progress", 8],
      ["Needs Approval", 2],
      ["Ready to Invoice", 3],
      ["Invoiced", 1],
      ["Complete", 1],
    ],
  ],
  [
    14,
    [
      ["New", 5],
      ["Contacted", 7],
      ["Estimate Sent", 12],
      ["Estimate Approved", 7],
      ["Scheduled", 24],
      ["In Progress", 5],
      ["Needs Approval", 4],
      ["Ready to Invoice", 8],
      ["Invoiced", 12],
      ["Complete", 16],
    ],
  ],
  [
    60,
    [
      ["New", 1],
      ["Contacted", 2],
      ["Estimate Sent", 8],
      ["Estimate Approved", 3],
      ["Scheduled", 6],
      ["In Progress", 1.5],
      ["Needs Approval", 2],
      ["Ready to Invoice", 4],
      ["Invoiced", 18],
      ["Complete", 55],
    ],
  ],
  [
    Infinity,
    [
      ["New", 0.2],
      ["Contacted", 0.4],
      ["Estimate Sent", 3],
      ["Estimate Approved", 0.3],
      ["Scheduled", 0.3],
      ["In Progress", 0.2],
      ["Needs Approval", 0.3],
      ["Ready to Invoice", 0.4],
      ["Invoiced", 4],
      ["Complete", 91],
    ],
  ],
];

/** Emergencies skip the estimate stages: someone goes out the same day. */
const EMERGENCY_BY_AGE: ReadonlyArray<readonly [maxAgeDays: number, weights: StatusWeights]> = [
  [
    1,
    [
      ["New", 10],
      ["Contacted", 5],
      ["Scheduled", 35],
      ["In Progress", 35],
      ["Needs Approval", 5],
      ["Ready to Invoice", 6],
      ["Complete", 4],
    ],
  ],
  [
    14,
    [
      ["Scheduled", 5],
      ["In Progress", 4],
      ["Needs Approval", 4],
      ["Ready to Invoice", 12],
      ["Invoiced", 30],
      ["Complete", 45],
    ],
  ],
  [
    Infinity,
    [
      ["Invoiced", 4],
      ["Complete", 96],
    ],
  ],
];

export function pickStatus(rng: Random, ageMs: number, emergency: boolean): JobStatus {
  const table = emergency ? EMERGENCY_BY_AGE : STATUS_BY_AGE;
  const ageDays = ageMs / DAY_MS;
  const row = table.find(([maxAge]) => ageDays < maxAge) ?? table[table.length - 1];
  if (!row) throw new Error("status table is empty");
  return rng.weighted(row[1]);
}

export interface Timeline {
  status: JobStatus;
  scheduledDate: Date | null;
  timeStart: string | null;
  timeEnd: string | null;
  startedAt: number | null;
  completedAt: number | null;
  invoicedAt: number | null;
  paidAt: number | null;
  /** The latest moment anything happened to the job, for updated_at. */
  lastEvent: number;
}

export interface TimelineInput {
  metro: Metro;
  now: number;
  createdAt: number;
  status: JobStatus;
  kind: WorkKind;
  hours: readonly [number, number];
}

interface Slot {
  day: LocalDay;
  start: number;
  end: number;
}

const OPEN = 7 * 60;
const CLOSE = 18 * 60;
const STEP = 30;

/**
 * Dates and timestamps consistent with the status: a Complete job was
 * scheduled, started, invoiced and closed in that order, all between its
 * creation and now; a Scheduled job has a window today or later (or a few
 * days overdue). When the status cannot fit (a job created minutes ago
 * cannot already be invoiced), the job is booked as Scheduled instead.
 */
export function buildTimeline(rng: Random, input: TimelineInput): Timeline {
  const duration = durationMinutes(rng, input.hours);
  const { status } = input;
  if (status === "Needs Approval" || status === "Ready to Invoice" || status === "Invoiced" || status === "Complete") {
    return pastWork(rng, input, duration) ?? upcoming(rng, { ...input, status: "Scheduled" }, duration, true);
  }
  if (status === "In Progress") return inProgress(rng, input, duration) ?? upcoming(rng, { ...input, status: "Scheduled" }, duration, true);
  if (status === "Scheduled") return upcoming(rng, input, duration, true);
  const tentative = status === "Estimate Approved" ? 0.35 : status === "Contacted" ? 0.12 : 0;
  if (rng.chance(tentative)) return upcoming(rng, input, duration, false);
  return timeline(status, null, null, null, null, null, laterMoment(rng, input.createdAt, rng.int(0, 3 * 24) * HOUR_MS, input.now));
}

function pastWork(rng: Random, input: TimelineInput, duration: number): Timeline | null {
  const { metro, now, createdAt, status } = input;
  const createdDay = localDayOf(metro, createdAt);
  const today = localDayOf(metro, now);
  const lead = leadDays(rng, input.kind);
  const preferred = Math.min(createdDay + lead, today);
  // Travel time: nobody is on site within half an hour of the call.
  const slot = findSlot(rng, metro, preferred, createdDay, today, duration, createdAt + 30 * MINUTE_MS, now, now);
  if (!slot) return null;
  const startedAt = clamp(atLocal(metro, slot.day, slot.start) + rng.int(-10, 25) * MINUTE_MS, createdAt, now);
  const workEnd = clamp(atLocal(metro, slot.day, slot.end) + rng.int(-20, 40) * MINUTE_MS, startedAt, now);
  if (status === "Needs Approval") return timeline(status, slot, startedAt, null, null, null, laterMoment(rng, startedAt, rng.int(30, 180) * MINUTE_MS, now));
  if (status === "Ready to Invoice") return timeline(status, slot, startedAt, null, null, null, workEnd);
  const invoiceGap = rng.weighted([
    [rng.int(10, 120) * MINUTE_MS, 5],
    [DAY_MS, 3],
    [rng.int(2, 5) * DAY_MS, 2],
  ] as const);
  const invoicedAt = laterMoment(rng, workEnd, invoiceGap, now);
  if (status === "Invoiced") return timeline(status, slot, startedAt, null, invoicedAt, null, invoicedAt);
  const paidAt = rng.chance(0.85) ? laterMoment(rng, invoicedAt, rng.chance(0.35) ? rng.int(1, 30) * MINUTE_MS : rng.int(1, 30) * DAY_MS, now) : null;
  const completedAt = laterMoment(rng, paidAt ?? invoicedAt, paidAt === null ? rng.int(1, 45) * DAY_MS : rng.int(0, 48) * HOUR_MS, now);
  return timeline(status, slot, startedAt, completedAt, invoicedAt, paidAt, completedAt);
}

function inProgress(rng: Random, input: TimelineInput, duration: number): Timeline | null {
  const { metro, now, createdAt } = input;
  const createdDay = localDayOf(metro, createdAt);
  const today = localDayOf(metro, now);
  // Mostly today's visits; some multi-day projects and a few forgotten status updates.
  const back = rng.weighted([
    [0, 75],
    [1, 12],
    [rng.int(2, 4), 9],
    [rng.int(5, 40), 4],
  ] as const);
  const preferred = Math.max(createdDay, today - back);
  const slot = findSlot(rng, metro, preferred, createdDay, today, duration, createdAt + 30 * MINUTE_MS, now, null);
  if (!slot) return null;
  const startedAt = clamp(atLocal(metro, slot.day, slot.start) + rng.int(-10, 25) * MINUTE_MS, createdAt, now);
  return timeline("In Progress", slot, startedAt, null, null, null, startedAt);
}

/** A window today or in the next two weeks; for Scheduled jobs, sometimes already overdue. */
function upcoming(rng: Random, input: TimelineInput, duration: number, mayBeOverdue: boolean): Timeline {
  const { metro, now, createdAt, status } = input;
  const createdDay = localDayOf(metro, createdAt);
  const today = localDayOf(metro, now);
  const overdue = mayBeOverdue && createdDay < today && rng.chance(0.08);
  const offset = overdue
    ? -rng.int(1, Math.min(10, today - createdDay))
    : rng.weighted([
        [0, 18],
        [1, 17],
        [2, 12],
        [3, 10],
        [4, 9],
        [5, 7],
        [6, 6],
        [7, 5],
        [rng.int(8, 14), 16],
      ] as const);
  const day = today + offset;
  const slot = findSlot(rng, metro, day, Math.max(createdDay, day), today + 21, duration, createdAt + 30 * MINUTE_MS, null, null);
  const booked = laterMoment(rng, createdAt, rng.int(5, 48 * 60) * MINUTE_MS, now);
  return timeline(status, slot, null, null, null, null, booked);
}

/**
 * A window on `preferred`, or the nearest day in [first, last] that has one.
 * Windows lie within office hours; the start is not before earliestStart,
 * not after latestStart, and the end not after latestEnd (when given).
 */
function findSlot(
  rng: Random,
  metro: Metro,
  preferred: LocalDay,
  first: LocalDay,
  last: LocalDay,
  duration: number,
  earliestStart: number,
  latestStart: number | null,
  latestEnd: number | null,
): Slot | null {
  for (let distance = 0; distance <= last - first; distance += 1) {
    // The preferred day first, then alternately earlier and later days.
    for (let side = distance === 0 ? 1 : -1; side <= 1; side += 2) {
      const day = preferred + side * distance;
      if (day < first || day > last) continue;
      const slot = slotOn(rng, metro, day, duration, earliestStart, latestStart, latestEnd);
      if (slot) return slot;
    }
  }
  return null;
}

function slotOn(
  rng: Random,
  metro: Metro,
  day: LocalDay,
  duration: number,
  earliestStart: number,
  latestStart: number | null,
  latestEnd: number | null,
): Slot | null {
  let min = OPEN;
  let max = CLOSE - duration;
  const dayStart = atLocal(metro, day, 0);
  const dayEnd = dayStart + DAY_MS;
  if (earliestStart >= dayEnd) return null;
  if (earliestStart > dayStart) min = Math.max(min, roundUp(localMinutesOf(metro, earliestStart)));
  if (latestStart !== null) {
    if (latestStart < dayStart) return null;
    if (latestStart < dayEnd) max = Math.min(max, roundDown(localMinutesOf(metro, latestStart)));
  }
  if (latestEnd !== null) {
    if (latestEnd < dayStart) return null;
    if (latestEnd < dayEnd) max = Math.min(max, roundDown(localMinutesOf(metro, latestEnd)) - duration);
  }
  if (min > max) return null;
  // Mornings book up first.
  const slots = (max - min) / STEP;
  const start = min + Math.floor(Math.pow(rng.next(), 1.3) * (slots + 1)) * STEP;
  return { day, start, end: start + duration };
}

function durationMinutes(rng: Random, [min, max]: readonly [number, number]): number {
  const minutes = rng.int(min * 2, max * 2) * STEP;
  return Math.min(minutes, CLOSE - OPEN - 2 * 60);
}

function leadDays(rng: Random, kind: WorkKind): number {
  switch (kind) {
    case "emergency":
      return rng.weighted([
        [0, 85],
        [1, 15],
      ] as const);
    case "repair":
      return rng.weighted([
        [0, 25],
        [1, 35],
        [2, 20],
        [rng.int(3, 6), 20],
      ] as const);
    case "routine":
      return rng.int(1, 21);
    case "install":
      return rng.int(3, 30);
  }
}

function timeline(
  status: JobStatus,
  slot: Slot | null,
  startedAt: number | null,
  completedAt: number | null,
  invoicedAt: number | null,
  paidAt: number | null,
  lastEvent: number,
): Timeline {
  return {
    status,
    scheduledDate: slot ? scheduledDateOf(slot.day) : null,
    timeStart: slot ? formatMinutes(slot.start) : null,
    timeEnd: slot ? formatMinutes(slot.end) : null,
    startedAt,
    completedAt,
    invoicedAt,
    paidAt,
    lastEvent,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function roundUp(minutes: number): number {
  return Math.ceil(minutes / STEP) * STEP;
}

function roundDown(minutes: number): number {
  return Math.floor(minutes / STEP) * STEP;
}
