/**
 * US phone numbers read with libphonenumber-js: normalizeUsPhone (the rule for
 * saving one, used by the customer schema) and formatUsPhoneAsTyped (what a
 * phone input shows while typing). Only code that validates or formats a phone
 * input should import this module: the library and its metadata are about
 * 46 KB gzip in the browser. Digit-only helpers live in lib/phone/us-phone.ts.
 */

// The `min` metadata (~80 kB raw, the package default, imported explicitly so a
// later switch is a deliberate edit): it carries the length and country rules we
// rely on. `max` adds ~65 kB of digit-pattern regexes only `isValid()` needs,
// and we deliberately don't call `isValid()` (see normalizeUsPhone).
import { AsYouType, parsePhoneNumberFromString } from "libphonenumber-js/min";
import { cleanUpPhoneInput, PHONE_CHARACTERS } from "@/lib/phone/us-phone";

export type UsPhoneResult = { ok: true; value: string } | { ok: false; message: string };

const TEN_DIGITS_MESSAGE = "Enter a 10-digit US phone number, like 206-555-1234";
const OUTSIDE_US_MESSAGE = "Enter a US phone number; numbers outside the US can't be saved in the CRM";
const EXTENSION_MESSAGE = "The CRM can't store phone extensions. Enter the 10-digit number and put the extension in the notes";
const NANP_SHAPE_MESSAGE = "Check the number: US area codes and the next three digits can't start with 0 or 1";

// "x5", "ext. 5", "extension 5", "#5" at the end of the number.
const EXTENSION = /(?:e?xt?(?:ension)?\.?|#)\s*:?\s*\d+$/i;
// NANP: area code and exchange both start with 2-9. This is the whole shape check
// (see normalizeUsPhone for why not isValid()).
const NANP_TEN_DIGITS = /^[2-9]\d{2}[2-9]\d{6}$/;

/**
 * Turns any common way of writing a US number into the CRM's `xxx-xxx-xxxx`.
 *
 * Decisions:
 * - Country calling code 1 and exactly 10 national digits, i.e. any NANP number.
 *   That includes Canada and the Caribbean: they fit `xxx-xxx-xxxx`, are dialled
 *   and texted from the US like domestic numbers, and trades near a border have
 *   such customers. Everything else (+44 …, 011 44 …) is refused.
 * - `isPossible()` plus the NANP shape (area code and exchange start with 2-9),
 *   NOT `isValid()`: the CRM's own examples and our fixtures use 555 numbers
 *   (206-555-1234, 206-555-0100) that real-number validation may reject, and with
 *   the `min` metadata `isValid()` is only a length check anyway.
 * - Extensions are refused with a clear message: the CRM stores 10 digits and a
 *   silently dropped extension would lose the part the office actually needs.
 */
export function normalizeUsPhone(input: string): UsPhoneResult {
  const text = cleanUpPhoneInput(input);
  if (text === "") return { ok: false, message: TEN_DIGITS_MESSAGE };
  if (EXTENSION.test(text) && PHONE_CHARACTERS.test(text.replace(EXTENSION, ""))) {
    return { ok: false, message: EXTENSION_MESSAGE };
  }
  if (!PHONE_CHARACTERS.test(text)) return { ok: false, message: TEN_DIGITS_MESSAGE };

  const parsed = parsePhoneNumberFromString(text, { defaultCountry: "US" });
  if (!parsed) return { ok: false, message: TEN_DIGITS_MESSAGE };
  if (parsed.countryCallingCode !== "1") return { ok: false, message: OUTSIDE_US_MESSAGE };
  if (parsed.ext) return { ok: false, message: EXTENSION_MESSAGE };
  const digits = parsed.nationalNumber;
  if (digits.length !== 10 || !parsed.isPossible()) return { ok: false, message: TEN_DIGITS_MESSAGE };
  if (!NANP_TEN_DIGITS.test(digits)) return { ok: false, message: NANP_SHAPE_MESSAGE };
  return { ok: true, value: `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}` };
}

/**
 * What a phone input shows while the user types: `2065551` becomes `(206) 555-1`.
 *
 * Pass the previous value when you have it: on a deletion the input is returned
 * untouched, otherwise backspacing over `)` would put it straight back. Input
 * that isn't purely a phone number (letters, an extension) is returned as typed,
 * so nothing the user wrote disappears; validation then explains the problem.
 */
export function formatUsPhoneAsTyped(input: string, previous?: string): string {
  if (previous !== undefined && input.length < previous.length) return input;
  const text = cleanUpPhoneInput(input);
  if (text === "" || !PHONE_CHARACTERS.test(text)) return input;
  const digits = text.replace(/\D/g, "");
  if (digits.length > 11) return input;
  const formatted = new AsYouType("US").input(text);
  // AsYouType drops what it can't place (a "+" mid-number and what follows);
  // showing the user fewer digits than they typed would be worse than no formatting.
  return formatted.replace(/\D/g, "") === digits ? formatted : input;
}
