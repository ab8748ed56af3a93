import "server-only";
import { cookies } from "next/headers";
import { dayInTimeZone, isTimeZone, TIME_ZONE_COOKIE } from "@/lib/time/viewer-time-zone";

/**
 * The viewer's calendar day (YYYY-MM-DD) from the time-zone cookie, or null
 * when the browser has not told us its zone yet (or sent something that is
 * not one): then the page renders a placeholder and the browser fills it in.
 */
export async function viewerToday(now: Date = new Date()): Promise<string | null> {
  const raw = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  if (raw === undefined) return null;
  let zone: string;
  try {
    zone = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return isTimeZone(zone) ? dayInTimeZone(zone, now) : null;
}
