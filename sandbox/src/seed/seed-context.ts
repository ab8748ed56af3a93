import type { Metro } from "./addresses";
import { atLocal, DAY_MS, dayOfWeek, localDayOf, MINUTE_MS } from "./local-time";
import type { Random } from "./random";

/** How far back demo data goes: three years of customers and jobs. */
export const HISTORY_MS = 3 * 365 * DAY_MS;

export interface LocationRef {
  uuid: string;
  city: string | null;
  state: string | null;
}

/** What the generators know about the company they fill. */
export interface SeedContext {
  companyUuid: string;
  /** Epoch milliseconds; nothing generated lies after it. */
  now: number;
  metro: Metro;
  locations: readonly LocationRef[];
  technicianIds: readonly string[];
}

/**
 * A moment in [from, to] when an office is open: weekday daytime, local time.
 * recency > 1 makes recent moments likelier (a growing business has more new
 * records lately than three years ago); 1 is uniform.
 */
export function officeMoment(rng: Random, metro: Metro, from: number, to: number, recency: number): number {
  const span = to - from;
  if (span <= 0) return to;
  const raw = to - span * Math.pow(rng.next(), recency);
  let day = localDayOf(metro, raw);
  const weekday = dayOfWeek(day);
  // Offices take a few calls at weekends, most on weekdays.
  if ((weekday === 0 || weekday === 6) && rng.chance(0.7)) day -= weekday === 6 ? 1 : 2;
  const moment = atLocal(metro, day, rng.int(7 * 60 + 30, 18 * 60 + 30)) + rng.int(0, MINUTE_MS - 1);
  if (moment >= from && moment <= to) return moment;
  // The window is too short for office hours (a record made minutes ago): stay inside it.
  return from + Math.floor(rng.next() * span);
}

/** A moment after `from`, about `gap` later, never past `limit`. */
export function laterMoment(rng: Random, from: number, gap: number, limit: number): number {
  const room = limit - from;
  if (room <= 0) return from;
  return from + Math.min(gap, Math.floor(room * rng.float(0.2, 1)));
}

/**
 * Oldest first, uuid as tie-break: the order the CRM would have numbered them
 * in, and the order lists read in. Sorts positions over a typed array of
 * times, several times faster than comparing Dates for 300k rows.
 */
export function sortedByCreatedAt<Row extends { created_at: Date; uuid: string }>(rows: readonly Row[]): Row[] {
  const times = new Float64Array(rows.length);
  const order = new Uint32Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    times[index] = (rows[index] as Row).created_at.getTime();
    order[index] = index;
  }
  order.sort((a, b) => {
    const difference = (times[a] ?? 0) - (times[b] ?? 0);
    if (difference !== 0) return difference;
    const left = (rows[a] as Row).uuid;
    const right = (rows[b] as Row).uuid;
    return left < right ? -1 : left > right ? 1 : 0;
  });
  return Array.from(order, (index) => rows[index] as Row);
}
