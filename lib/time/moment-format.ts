/**
 * Moments (created_at, updated_at, an audit entry's time) as the screens show
 * them, always in a named zone: the viewer's, which the server reads from the
 * `tz` cookie and hands to the browser (ViewerTimeZoneProvider), so the first
 * paint and the hydrated page say the same thing. A formatter without a zone
 * would use the server's on first paint and the browser's after.
 */
export type MomentStyle = "date" | "dateTime" | "dateTimeSeconds";

const OPTIONS: Record<MomentStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  dateTimeSeconds: { dateStyle: "medium", timeStyle: "medium" },
};

// Building a formatter is the costly part; a table formats hundreds of cells in one zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatInZone(iso: string, timeZone: string, style: MomentStyle = "dateTime"): string {
  const key = `${style} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { ...OPTIONS[style], timeZone });
    formatters.set(key, format);
  }
  // ICU versions differ on the space before AM/PM (U+202F or a plain one): one spelling, so the server's and the browser's text match.
  return format.format(new Date(iso)).replace(/\u202f/g, " ");
}
