import { z } from "zod";
import { isStorableJson, isStorableText } from "./text";
import { parseDateOrDateTime, parseDateTime } from "./timestamps";
import { isUuid } from "./uuid";

/**
 * Zod builders for request-body fields. Every message names its field, so the
 * first issue alone is a complete, clear `error` for the 400 envelope.
 * The checks are only those the CRM documents (CRM-API decision 10); the
 * dashboard's stricter rules deliberately live in the dashboard.
 */

const storable = (field: string) => ({ error: `${field} contains characters that cannot be stored (NUL or an unpaired surrogate)` });

export function requiredText(field: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a non-empty string`) })
    .refine((value) => value.trim().length > 0, { error: `${field} must be a non-empty string` })
    .refine(isStorableText, storable(field));
}

export function nullableText(field: string) {
  return z
    .string({ error: `${field} must be a string or null` })
    .refine(isStorableText, storable(field))
    .nullable();
}

/** A string that, when given, must not be blank; null clears the field. */
export function nullableNonEmptyText(field: string) {
  return z
    .string({ error: `${field} must be a non-empty string or null` })
    .refine((value) => value.trim().length > 0, { error: `${field} must be a non-empty string or null` })
    .refine(isStorableText, storable(field))
    .nullable();
}

export function nullableMatching(field: string, pattern: RegExp, formatMessage: string) {
  return z
    .string({ error: `${field} must be a string or null` })
    .regex(pattern, { error: `${field} ${formatMessage}` })
    .nullable();
}

/** The docs type booleans as `string "boolean"` in request tables, so "true"/"false" are accepted too. */
export function booleanLike(field: string) {
  return z.preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean({ error: `${field} must be a boolean` }));
}

export function oneOf<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, { error: `${field} must be one of ${values.map((value) => `'${value}'`).join(", ")}` });
}

export function nullableOneOf<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, { error: `${field} must be one of ${values.map((value) => `'${value}'`).join(", ")} or null` }).nullable();
}

export function uuidField(field: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a UUID string`) })
    .refine(isUuid, { error: `${field} must be a UUID` })
    .transform((value) => value.toLowerCase());
}

export function nullableUuid(field: string) {
  return z
    .string({ error: `${field} must be a UUID string or null` })
    .refine(isUuid, { error: `${field} must be a UUID` })
    .transform((value) => value.toLowerCase())
    .nullable();
}

/** A JSON object, or a string holding one (the docs type internal_flags as "string: JSONB object"). */
export function nullableJsonObject(field: string) {
  return z.preprocess(
    (value) => (typeof value === "string" ? parseJsonOrKeep(value) : value),
    z
      .custom<Record<string, unknown>>((value) => typeof value === "object" && value !== null && !Array.isArray(value), {
        error: `${field} must be a JSON object or null`,
      })
      .refine(isStorableJson, { error: `${field} must be a JSON object without NUL characters, unpaired surrogates or nesting deeper than 32 levels` })
      .nullable(),
  );
}

export function nullableDateTime(field: string) {
  return z
    .string({ error: `${field} must be an ISO 8601 timestamp string or null` })
    .transform((value, context) => {
      const date = parseDateTime(value);
      if (date) return date;
      context.issues.push({ code: "custom", input: value, message: `${field} must be an ISO 8601 timestamp such as 2025-02-18T14:30:00.000Z` });
      return z.NEVER;
    })
    .nullable();
}

export function nullableDateOrDateTime(field: string) {
  return z
    .string({ error: `${field} must be an ISO 8601 date or timestamp string or null` })
    .transform((value, context) => {
      const date = parseDateOrDateTime(value);
      if (date) return date;
      context.issues.push({ code: "custom", input: value, message: `${field} must be an ISO 8601 date (2025-02-18) or timestamp (2025-02-18T14:30:00.000Z)` });
      return z.NEVER;
    })
    .nullable();
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function nullableTime(field: string) {
  return nullableMatching(field, HH_MM, "must be a time in HH:MM format (00:00 to 23:59)");
}

const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;
// numeric(12, 2): at most 10 integer digits once rounded to cents.
const AMOUNT_LIMIT = 1e10;

/**
 * A finite number (or numeric string), rounded to cents. Returned as the
 * decimal string that is stored, so what was validated is exactly what is written.
 */
export function nullableAmount(field: string) {
  return z.preprocess(
    (value) => (typeof value === "string" && NUMERIC_TEXT.test(value.trim()) ? Number(value.trim()) : value),
    z
      .number({ error: `${field} must be a number or null` })
      .transform((value, context) => {
        const cents = value.toFixed(2);
        if (Math.abs(Number(cents)) < AMOUNT_LIMIT) return cents;
        context.issues.push({ code: "custom", input: value, message: `${field} must be less than 10000000000 in absolute value` });
        return z.NEVER;
      })
      .nullable(),
  );
}

function parseJsonOrKeep(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
