import { z } from "zod";

/**
 * Form-field building blocks both features' schemas use (customers and jobs).
 * Forms send "" for empty inputs; every optional text field turns "" (and
 * whitespace) into null, so "not given" has one representation.
 */

/** The 50 states, DC and the five inhabited territories (USPS codes). */
export const US_STATE_CODES = [
  "AL",
  "AK",
  "AZ",
  "AR",
  "CA",
  "CO",
  "CT",
  "DE",
  "FL",
  "GA",
  "HI",
  "ID",
  "IL",
  "IN",
  "IA",
  "KS",
  "KY",
  "LA",
  "ME",
  "MD",
  "MA",
  "MI",
  "MN",
  "MS",
  "MO",
  "MT",
  "NE",
  "NV",
  "NH",
  "NJ",
  "NM",
  "NY",
  "NC",
  "ND",
  "OH",
  "OK",
  "OR",
  "PA",
  "RI",
  "SC",
  "SD",
  "TN",
  "TX",
  "UT",
  "VT",
  "VA",
  "WA",
  "WV",
  "WI",
  "WY",
  "DC",
  "AS",
  "GU",
  "MP",
  "PR",
  "VI",
] as const;
const US_STATES = new Set<string>(US_STATE_CODES);

export const blankToNull = (value: string): string | null => (value === "" ? null : value);

/** Optional free text: trimmed, "" → null, bounded. */
export function optionalText(max: number, tooLong: string) {
  return z.string().trim().max(max, tooLong).transform(blankToNull).nullable();
}

export const addressLineField = optionalText(100, "Address lines can be at most 100 characters");
export const cityField = optionalText(60, "City can be at most 60 characters");

export const usStateField = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => value === "" || US_STATES.has(value), "Enter a 2-letter US state code, like WA")
  .transform(blankToNull)
  .nullable();

// 9 digits with a space or nothing between the parts is accepted and written the USPS way.
const ZIP = /^(\d{5})(?:[-\s]?(\d{4}))?$/;
export const usZipField = z
  .string()
  .trim()
  .refine((value) => value === "" || ZIP.test(value), "Enter a ZIP code like 98101 or 98101-1234")
  .transform((value) => {
    const match = ZIP.exec(value);
    if (!match) return null;
    return match[2] ? `${match[1]}-${match[2]}` : (match[1] ?? null);
  })
  .nullable();

/**
 * An id of a CRM record. Any 8-4-4-4-12 hex shape, like the CRM accepts:
 * it promises UUIDs, not a version, and fixtures use ids such as
 * 5a1b2c3d-0000-4000-8000-000000000001.
 */
export function optionalId(message: string) {
  return z
    .string()
    .trim()
    .refine((value) => value === "" || z.guid().safeParse(value).success, message)
    .transform(blankToNull)
    .nullable();
}

export const booleanField = (label: string) => z.boolean({ error: `${label} must be true or false` });

export const expectedUpdatedAtField = z.iso.datetime({
  offset: true,
  error: "This form is missing the record's last-updated time; reload the page and try again",
});
