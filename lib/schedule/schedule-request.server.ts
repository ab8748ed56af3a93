import "server-only";
import { MirrorQueryError } from "@/lib/mirror/mirror-query-error";
import { checkScheduleParams } from "@/lib/schedule/schedule-params";
import type { ScheduleQuery } from "@/lib/schedule/schedule-types";
import { dayInTimeZone, isTimeZone, TIME_ZONE_COOKIE } from "@/lib/time/viewer-time-zone";

/** The caller's calendar day from the time-zone cookie the browser sets (UTC without one): what "no date" means. */
export function requestToday(request: Request, now: Date = new Date()): string {
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${TIME_ZONE_COOKIE}=`));
  let zone = "UTC";
  try {
    const named = cookie ? decodeURIComponent(cookie.slice(TIME_ZONE_COOKIE.length + 1)) : "";
    if (isTimeZone(named)) zone = named;
  } catch {
    // A cookie that is not valid percent-encoding is no zone at all.
  }
  return dayInTimeZone(zone, now);
}

/**
 * The schedule a request asks for. A parameter given twice is refused rather
 * than one of them picked; anything not offered is a MirrorQueryError, which
 * the route answers with a 400 naming the field and the allowed values.
 */
export function scheduleQueryOf(request: Request): ScheduleQuery {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(raw, key)) throw new MirrorQueryError({ field: key, message: `"${key}" is given more than once.` });
    raw[key] = value;
  }
  const check = checkScheduleParams(raw, requestToday(request));
  if (!check.ok) throw new MirrorQueryError(check.problem);
  return check.query;
}
