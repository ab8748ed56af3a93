/**
 * US phone numbers as plain text: the character rules shared by every phone
 * helper, and the digit work that needs no phone metadata. This module must
 * not import libphonenumber-js: the caller lookup (lib/customers/lookup-query)
 * runs in the browser on every keystroke and only needs the digits. Saving and
 * as-you-type formatting, which do need the library, are in
 * lib/phone/us-phone-parsing.ts.
 */

// Copy-pasted numbers bring typographic dashes and non-breaking spaces.
const UNICODE_DASHES = /[\u2010-\u2015\u2212\uFE63\uFF0D]/g;
// Digits plus the punctuation people write numbers with. Anything else (letters,
// "tel:", notes like "call after 5") is refused rather than guessed around:
// libphonenumber would quietly drop trailing junk such as "206-555-123a".
export const PHONE_CHARACTERS = /^[\d\s().+/-]+$/;

/** Typographic dashes made plain and the ends trimmed: what every phone helper reads. */
export function cleanUpPhoneInput(input: string): string {
  return input.replace(UNICODE_DASHES, "-").trim();
}

/**
 * The 10 digits to search the CRM with when the input is a whole US number in
 * any format (`+1 (206) 555-1234` → `2065551234`), else null. Deliberately looser
 * than normalizeUsPhone: it finds records whatever their digits, it never saves.
 */
export function phoneSearchDigits(input: string): string | null {
  const text = cleanUpPhoneInput(input);
  if (text === "" || !PHONE_CHARACTERS.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  if (text.startsWith("+")) return digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : null;
  if (digits.length === 11 && digits.startsWith("1")) return digits.slice(1);
  return digits.length === 10 ? digits : null;
}
