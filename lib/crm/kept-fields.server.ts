import "server-only";

/**
 * Which fields of a write the CRM's answer shows were not applied. The CRM's
 * docs do not list every field the dashboard sends on create (addresses,
 * `actual_amount`), so a CRM that follows them to the letter may drop them
 * silently; the answer is the only place that says so.
 *
 * Differences that are not a loss do not count: null and "" are the same,
 * text is compared trimmed and without case (a CRM may normalise "wa" to "WA"),
 * numbers by value ("150.00" is 150), a date by its calendar day (the CRM may
 * answer `2025-01-20T12:00:00Z` for `2025-01-20`), a time by its HH:MM, and an
 * object by the keys sent (the CRM may hold more, as internal_flags does).
 */
export function fieldsNotKept(sent: Readonly<Record<string, unknown>>, answer: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(sent).filter((field) => !sameValue(field, sent[field], answer[field]));
}

function sameValue(field: string, sent: unknown, kept: unknown): boolean {
  if (isBlank(sent)) return isBlank(kept);
  if (isBlank(kept)) return false;
  if (typeof sent === "boolean" || typeof kept === "boolean") return asBoolean(sent) === asBoolean(kept);
  if (typeof sent === "number" || typeof kept === "number") return Number(sent) === Number(kept);
  if (typeof sent === "string" && typeof kept === "string") {
    if (field.endsWith("_date")) return sent.slice(0, 10) === kept.slice(0, 10);
    const time = /^(\d{2}:\d{2})(:\d{2})?$/;
    const [sentTime, keptTime] = [time.exec(sent)?.[1], time.exec(kept)?.[1]];
    if (sentTime && keptTime) return sentTime === keptTime;
    return sent.trim().toLowerCase() === kept.trim().toLowerCase();
  }
  if (isObject(sent) && isObject(kept)) return Object.keys(sent).every((key) => sameValue(key, sent[key], kept[key]));
  return JSON.stringify(sent) === JSON.stringify(kept);
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function asBoolean(value: unknown): boolean | null {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
