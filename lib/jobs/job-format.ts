/**
 * How job values read on screen. Dates on the schedule are calendar days
 * (the CRM's scheduled_date, whose UTC date is the day it was written for),
 * so they are formatted in UTC; moments (started_at, …) in the viewer's zone.
 */

import { formatInZone } from "@/lib/time/moment-format";

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const wholeMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const calendarDay = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

export function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : money.format(value);
}

/** Column totals: whole dollars are enough at a glance. */
export function formatMoneyRounded(value: number): string {
  return wholeMoney.format(value);
}

/** The YYYY-MM-DD of a scheduled_date, which the CRM may send as a timestamp. */
export function scheduledDay(value: string | null | undefined): string | null {
  return /^\d{4}-\d{2}-\d{2}/.exec(value ?? "")?.[0] ?? null;
}

export function formatScheduledDate(value: string | null | undefined): string | null {
  const day = scheduledDay(value);
  return day ? calendarDay.format(new Date(`${day}T00:00:00Z`)) : null;
}

/** "09:00–11:30", "from 09:00", or null. */
export function formatTimeWindow(start: string | null | undefined, end: string | null | undefined): string | null {
  const from = start?.slice(0, 5);
  const to = end?.slice(0, 5);
  if (from && to) return `${from}–${to}`;
  if (from) return `from ${from}`;
  if (to) return `until ${to}`;
  return null;
}

/** "Tue, Mar 3, 2026, 09:00–11:30", or "Not scheduled". */
export function formatSchedule(job: { scheduled_date: string | null; scheduled_time_start: string | null; scheduled_time_end: string | null }): string {
  const date = formatScheduledDate(job.scheduled_date);
  if (!date) return "Not scheduled";
  const window = formatTimeWindow(job.scheduled_time_start, job.scheduled_time_end);
  return window ? `${date}, ${window}` : date;
}

/** A moment (created_at, started_at, …) in the viewer's zone: useViewerTimeZone in the browser, viewerTimeZone() on the server. */
export function formatMoment(value: string | null | undefined, timeZone: string): string | null {
  return value ? formatInZone(value, timeZone, "dateTime") : null;
}

export function personName(person: { first_name: string; last_name: string } | null | undefined): string {
  return person ? `${person.first_name} ${person.last_name}`.trim() : "";
}

/** The local calendar day of the viewer, YYYY-MM-DD. */
export function localDay(date: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "JOB-0012 Water heater replacement": how a job is named in messages. */
export function jobLabel(job: { job_number?: string | null; title: string }): string {
  return job.job_number ? `${job.job_number} ${job.title}` : job.title;
}
