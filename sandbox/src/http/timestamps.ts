/**
 * ISO 8601 input parsing. The docs promise UTC ISO strings out and accept ISO
 * in; Date.parse alone is too lenient (it takes "2025-02-30" and RFC 2822), so
 * the accepted forms are spelled out and every component range-checked.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Years outside this range either cannot round-trip through Postgres
// (there is no year 0) or are certainly typos; rejecting them keeps bad input a 400.
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/** `2025-02-18T14:30:00.000Z`, `2025-02-18T14:30:00Z`, `...+02:00`; no offset means UTC. */
export function parseDateTime(text: string): Date | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = "0", fraction = "", zone = "Z"] = match;
  const millis = Number(fraction.padEnd(3, "0").slice(0, 3));
  const utc = utcFromParts(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second), millis);
  if (utc === null) return null;
  const offsetMinutes = parseOffset(zone);
  if (offsetMinutes === null) return null;
  return new Date(utc - offsetMinutes * 60_000);
}

/** A date-time as above, or a date alone (`YYYY-MM-DD`, read as midnight UTC). */
export function parseDateOrDateTime(text: string): Date | null {
  const match = DATE_ONLY.exec(text);
  if (!match) return parseDateTime(text);
  const [, year, month, day] = match;
  const utc = utcFromParts(Number(year), Number(month), Number(day), 0, 0, 0, 0);
  return utc === null ? null : new Date(utc);
}

export function toIsoOrNull(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function utcFromParts(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): number | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(utc);
  // Date.UTC rolls 2025-02-30 over to March; a round-trip mismatch means the date does not exist.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return utc;
}

function parseOffset(zone: string): number | null {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}
