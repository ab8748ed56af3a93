import { phoneSearchDigits } from "@/lib/phone/us-phone";

export type LookupQuery =
  { kind: "phone"; digits: string; display: string } | { kind: "email"; value: string } | { kind: "name"; value: string } | { kind: "too_short" };

// Digits and the punctuation people write numbers with; the same test the CRM's
// phone search uses to decide whether a term is a phone fragment.
const PHONE_LIKE = /^[\d\s().+-]+$/;
// Three digits is where a fragment starts to narrow things down (an area code,
// an exchange, or the last four a caller reads out), matching the CRM's phone
// search; below that every customer with a "3" in their number would match.
const MIN_PHONE_DIGITS = 3;

/**
 * What the caller lookup box was given. Heuristics, in order:
 * 1. Fewer than 2 characters (after trimming) → too_short: nothing to search yet.
 * 2. Contains "@" → email, lowercased (partial addresses like "jo@" still search).
 * 3. Only digits and phone punctuation, with at least 3 digits → phone. A whole
 *    number (10 digits, or 11 starting with 1 or written +1) is reduced to its 10
 *    digits and shown as 206-555-1234; a fragment keeps exactly the digits typed
 *    (a leading 1 is kept unless written +1: "1234" may be the last four) and is shown as typed:
 *    formatting a fragment as if it began the number would misplace it
 *    ("5551234" is not "(555) 123-4").
 * 4. Anything else → name, with runs of spaces collapsed.
 */
export function classifyLookupQuery(raw: string): LookupQuery {
  const text = raw.trim().replace(/\s+/g, " ");
  if (text.length < 2) return { kind: "too_short" };
  if (text.includes("@")) return { kind: "email", value: text.toLowerCase() };

  if (PHONE_LIKE.test(text)) {
    // A typed "+1" is the country code, which stored numbers don't contain.
    const typed = text.replace(/^\+\s*1/, "").replace(/\D/g, "");
    if (typed.length >= MIN_PHONE_DIGITS) {
      const whole = phoneSearchDigits(text);
      if (whole) {
        return { kind: "phone", digits: whole, display: `${whole.slice(0, 3)}-${whole.slice(3, 6)}-${whole.slice(6)}` };
      }
      return { kind: "phone", digits: typed, display: text };
    }
  }
  return { kind: "name", value: text };
}

/**
 * Whether the box holds a whole phone number, so the lookup can ask at once
 * instead of waiting for a pause in typing: the caller's number is complete
 * and nothing more is coming. Ten digits that start with 1 are not whole even
 * though phoneSearchDigits would take them: no US area code starts with 1, so
 * that is "1 206 555 123" on its way to eleven digits.
 */
export function isWholePhoneNumber(raw: string): boolean {
  const text = raw.trim();
  if (!PHONE_LIKE.test(text) || phoneSearchDigits(text) === null) return false;
  const digits = text.replace(/\D/g, "");
  return !(digits.length === 10 && digits.startsWith("1") && !text.startsWith("+"));
}

/** Nine digits is a ZIP+4 ("98103-1234"); a longer run of digits is a phone number, never part of an address. */
const MAX_ADDRESS_DIGITS = 9;

/**
 * Whether the lookup also searches addresses (answered from Tradesdesk's copy
 * of the CRM) for what was typed, besides the CRM's own search:
 * - a name: one word may as well be a street or a city ("Greenwood",
 *   "Seattle"), and a house number with words ("986 Greenwood") reads as a
 *   name above, since a company can be called "7 Eleven";
 * - a phone fragment of up to 9 digits: it may as well be a house number
 *   ("986") or a ZIP or its start ("981", "98103-1234");
 * - never an email, a whole phone number or a longer run of digits.
 * Both answers are shown, each under its own heading.
 */
export function asksAddresses(query: LookupQuery): boolean {
  if (query.kind === "name") return true;
  return query.kind === "phone" && query.digits.length <= MAX_ADDRESS_DIGITS;
}
