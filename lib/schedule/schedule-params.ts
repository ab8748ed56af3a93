import type { MirrorQueryProblem } from "@/lib/mirror/mirror-types";
import { isDay } from "@/lib/schedule/schedule-dates";
import { SCHEDULE_PARAMS, SCHEDULE_VIEWS, UNASSIGNED, type ScheduleQuery, type ScheduleView } from "@/lib/schedule/schedule-types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ScheduleParamsCheck = { ok: true; query: ScheduleQuery } | { ok: false; problem: MirrorQueryProblem };

/**
 * The schedule's parameters, as a URL carries them, checked the same way by
 * the route (a 400 naming the allowed values) and by the page (a message
 * instead of a schedule). A missing view is the week, a missing date today.
 */
export function checkScheduleParams(raw: Record<string, string | undefined>, today: string): ScheduleParamsCheck {
  for (const key of Object.keys(raw)) {
    if (!(SCHEDULE_PARAMS as readonly string[]).includes(key))
      return { ok: false, problem: { field: key, message: `"${key}" is not a schedule parameter.`, allowed: SCHEDULE_PARAMS } };
  }
  const view = raw.view ?? "week";
  if (!(SCHEDULE_VIEWS as readonly string[]).includes(view))
    return { ok: false, problem: { field: "view", message: `View "${view}" is not offered.`, allowed: SCHEDULE_VIEWS } };
  const date = raw.date ?? today;
  if (!isDay(date)) return { ok: false, problem: { field: "date", message: `Date must be a day written YYYY-MM-DD, like ${today}; "${date}" is not.` } };
  const technician = raw.technician === undefined || raw.technician === "" ? null : raw.technician.toLowerCase();
  if (technician !== null && technician !== UNASSIGNED && !UUID.test(technician))
    return {
      ok: false,
      problem: { field: "technician", message: `Technician must be a team member's id or "${UNASSIGNED}"; "${raw.technician}" is neither.` },
    };
  return { ok: true, query: { view: view as ScheduleView, date, technician } };
}

/** The API URL of a schedule (defaults left out). */
export function scheduleApiUrl(query: ScheduleQuery): string {
  const params = new URLSearchParams({ view: query.view, date: query.date });
  if (query.technician) params.set("technician", query.technician);
  return `/api/schedule?${params.toString()}`;
}
