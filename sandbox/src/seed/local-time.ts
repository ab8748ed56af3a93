import type { Metro } from "./addresses";

/**
 * Wall-clock time in the company's metro. Jobs are scheduled in local office
 * hours (07:00–18:00), and "today" on the dispatch board is the local day, so
 * UTC timestamps are derived from local days and minutes, not the reverse.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A local calendar day as whole days since 1970-01-01. */
export type LocalDay = number;

export function offsetMinutes(metro: Metro, instant: number): number {
  return metro.utcOffsetMinutes + (metro.observesDst && isUsDst(instant) ? 60 : 0);
}

export function localDayOf(metro: Metro, instant: number): LocalDay {
  return Math.floor((instant + offsetMinutes(metro, instant) * MINUTE_MS) / DAY_MS);
}

/** Minutes after local midnight. */
export function localMinutesOf(metro: Metro, instant: number): number {
  const local = instant + offsetMinutes(metro, instant) * MINUTE_MS;
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/** The UTC instant of a local day and time. */
export function atLocal(metro: Metro, day: LocalDay, minutes: number): number {
  const guess = day * DAY_MS + minutes * MINUTE_MS;
  return guess - offsetMinutes(metro, guess - metro.utcOffsetMinutes * MINUTE_MS) * MINUTE_MS;
}

/**
 * scheduled_date is a date, carried in a timestamp field. Noon UTC keeps the
 * same calendar date in every US time zone, so a client that converts it to
 * local time before formatting still shows the right day.
 */
export function scheduledDateOf(day: LocalDay): Date {
  return new Date(day * DAY_MS + 12 * HOUR_MS);
}

export function dayOfWeek(day: LocalDay): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}

export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * US daylight saving time: second Sunday of March to first Sunday of November.
 * The hour of the switch is ignored; demo data needs the right side of the
 * date, not a second-exact transition.
 */
function isUsDst(instant: number): boolean {
  const year = new Date(instant).getUTCFullYear();
  let bounds = DST_BOUNDS.get(year);
  if (!bounds) {
    bounds = [nthSunday(year, 2, 2), nthSunday(year, 10, 1)];
    DST_BOUNDS.set(year, bounds);
  }
  return instant >= bounds[0] && instant < bounds[1];
}

const DST_BOUNDS = new Map<number, readonly [number, number]>();

function nthSunday(year: number, month: number, nth: number): number {
  const first = Date.UTC(year, month, 1);
  const firstWeekday = new Date(first).getUTCDay();
  const firstSunday = 1 + ((7 - firstWeekday) % 7);
  return Date.UTC(year, month, firstSunday + (nth - 1) * 7, 10);
}
