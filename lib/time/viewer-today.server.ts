import "server-only";
import { cookies } from "next/headers";
import { dayInTimeZone, isTimeZone, TIME_ZONE_COOKIE } from "@/lib/time/viewer-time-zone";

/** The zone the browser told us in its cookie, or null when it has not (or sent something that is not one). */
async function cookieTimeZone(): Promise<string | null> {
  const raw = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  if (raw === undefined) return null;
  try {
    const zone = decodeURIComponent(raw);
    return isTimeZone(zone) ? zone : null;
  } catch {
    return null;
  }
}

/**
 * The viewer's calendar day (YYYY-MM-DD) from the time-zone cookie, or null
 * when the browser has not told us its zone yet (or sent something that is
 * not one): then the page renders a placeholder and the browser fills it in.
 */
export async function viewerToday(now: Date = new Date()): Promise<string | null> {
  const zone = await cookieTimeZone();
  return zone === null ? null : dayInTimeZone(zone, now);
}

/**
 * The viewer's time zone for times rendered on the server, so the first paint
 * and the browser's render agree; UTC until the browser has said (the cookie
 * is set on every page, the sign-in page included, so that is rare).
 */
export async function viewerTimeZone(): Promise<string> {
  return (await cookieTimeZone()) ?? "UTC";
}
