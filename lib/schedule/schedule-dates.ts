import type { ScheduleView } from "@/lib/schedule/schedule-types";

/**
 * Calendar days as YYYY-MM-DD, computed in UTC so that a day is a day
 * whatever the machine's zone (the CRM's scheduled_date is a calendar day).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return toDay(date);
}

/** The Monday of the week a day is in (offices plan Monday to Sunday). */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The days a view shows for a date: the day itself, or its week. */
export function daysOf(view: ScheduleView, date: string): string[] {
  if (view === "day") return [date];
  const monday = weekStart(date);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** Where Previous and Next go: a day or a week away. */
export function stepDate(view: ScheduleView, date: string, direction: 1 | -1): string {
  return addDays(date, direction * (view === "day" ? 1 : 7));
}

const weekdayFormat = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
const longFormat = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });
const shortFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const yearFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

const at = (day: string) => new Date(`${day}T00:00:00Z`);

/** "Tue, Mar 14" */
export function formatWeekday(day: string): string {
  return weekdayFormat.format(at(day));
}

/** "Tuesday, March 14, 2031" */
export function formatLongDay(day: string): string {
  return longFormat.format(at(day));
}

/** "Mar 10 – 16, 2031" style heading of a week: "Mar 10 – Mar 16, 2031". */
export function formatRange(from: string, to: string): string {
  return from === to ? formatLongDay(from) : `${shortFormat.format(at(from))} – ${yearFormat.format(at(to))}`;
}
