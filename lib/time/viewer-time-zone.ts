/**
 * The viewer's time zone, told to the server in a cookie so that a page whose
 * content depends on "today" (the overview's agenda) can render the viewer's
 * day on the server instead of a placeholder that the browser replaces after
 * hydration, moving everything below it. Set by TimeZoneCookie on every page,
 * the sign-in page included, so it is there before the first overview.
 */
export const TIME_ZONE_COOKIE = "tz";

/** IANA names are short; anything longer is not one, and is not worth asking Intl about. */
const MAX_TIME_ZONE_LENGTH = 64;

export function isTimeZone(name: string): boolean {
  if (name === "" || name.length > MAX_TIME_ZONE_LENGTH) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day (YYYY-MM-DD) of `date` in `timeZone`, as localDay() gives it in a browser set to that zone. */
export function dayInTimeZone(timeZone: string, date: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The zones furthest behind and ahead of UTC (UTC−12 and UTC+14): every place on Earth is between them. */
const EARLIEST_ZONE = "Etc/GMT+12";
const LATEST_ZONE = "Pacific/Kiritimati";

/**
 * Every calendar day some viewer can be in at `now` (two or three): what a
 * page renders for when it does not know the viewer's zone, leaving the
 * browser to show its own (ADR-025).
 */
export function possibleDays(now: Date = new Date()): [string, ...string[]] {
  const [earliest, ...later] = [...new Set([EARLIEST_ZONE, "UTC", LATEST_ZONE].map((zone) => dayInTimeZone(zone, now)))];
  return [earliest ?? dayInTimeZone("UTC", now), ...later];
}
