import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { phoneSearchDigits } from "@/lib/phone/us-phone";
import { formatUsPhoneAsTyped, normalizeUsPhone } from "@/lib/phone/us-phone-parsing";

const TEN_DIGITS = "Enter a 10-digit US phone number, like 206-555-1234";
const OUTSIDE_US = "Enter a US phone number; numbers outside the US can't be saved in the CRM";
const EXTENSION = "The CRM can't store phone extensions. Enter the 10-digit number and put the extension in the notes";
const NANP_SHAPE = "Check the number: US area codes and the next three digits can't start with 0 or 1";

/** A valid NANP number as its 10 digits: area code and exchange start with 2-9. */
const nanpDigits = fc
  .tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 }))
  .map(([area, exchange, line]) => `${area}${exchange}${String(line).padStart(4, "0")}`);

/** Any common way of writing those digits. */
const writtenAs = (digits: string) =>
  fc
    .record({
      prefix: fc.constantFrom("", "1", "1-", "1 ", "+1 ", "+1", "+1-", "+1 ("),
      parens: fc.boolean(),
      separator: fc.constantFrom("", " ", "-", ".", "/", "–", "\u00a0"),
      padding: fc.constantFrom("", " ", "  "),
    })
    .map(({ prefix, parens, separator, padding }) => {
      const area = digits.slice(0, 3);
      const rest = `${digits.slice(3, 6)}${separator}${digits.slice(6)}`;
      if (prefix.endsWith("(")) return `${padding}${prefix}${area}) ${rest}${padding}`;
      return `${padding}${prefix}${parens ? `(${area}) ` : `${area}${separator}`}${rest}${padding}`;
    });

const dashed = (digits: string) => `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;

describe("normalizeUsPhone", () => {
  it.each([
    "(206) 555-1234",
    "206.555.1234",
    "206-555-1234",
    "2065551234",
    "+1 206 555 1234",
    "1-206-555-1234",
    "+1 (206) 555-1234",
    "12065551234",
    "(206)5551234",
    "206/555-1234",
    "  206 555 1234  ",
    "206–555–1234",
  ])("accepts %j as 206-555-1234", (input) => {
    expect(normalizeUsPhone(input)).toEqual({ ok: true, value: "206-555-1234" });
  });

  it("accepts 555 numbers, which the CRM's own examples and our fixtures use", () => {
    expect(normalizeUsPhone("206-555-0100")).toEqual({ ok: true, value: "206-555-0100" });
    expect(normalizeUsPhone("(800) 555-0199")).toEqual({ ok: true, value: "800-555-0199" });
  });

  it("accepts other NANP numbers (Canada, the Caribbean): they fit xxx-xxx-xxxx", () => {
    expect(normalizeUsPhone("+1 905 555 1234")).toEqual({ ok: true, value: "905-555-1234" });
    expect(normalizeUsPhone("+1 876 555 1234")).toEqual({ ok: true, value: "876-555-1234" });
  });

  it.each(["+44 20 7946 0958", "011 44 20 7946 0958", "+33 1 23 45 67 89", "+2065551234"])("refuses the non-US number %j", (input) => {
    expect(normalizeUsPhone(input)).toEqual({ ok: false, message: OUTSIDE_US });
  });

  it.each(["555-1234", "", "   ", "20655512345", "206 555 12345", "001 206 555 1234", "+1 206 555 1234 5", "(206"])(
    "refuses %j, which isn't 10 digits",
    (input) => {
      expect(normalizeUsPhone(input)).toEqual({ ok: false, message: TEN_DIGITS });
    },
  );

  it.each(["206-555-123a", "2O6-555-1234", "call 206-555-1234", "206 555 1234 after 5pm", "tel:+1-206-555-1234"])(
    "refuses %j rather than guessing around the letters",
    (input) => {
      expect(normalizeUsPhone(input)).toEqual({ ok: false, message: TEN_DIGITS });
    },
  );

  it.each(["+1 (206) 555-1234 ext. 5", "206-555-1234 x5", "206-555-1234x12", "206-555-1234 #5", "206 555 1234 extension 7", "206-555-1234 ext 5"])(
    "refuses the extension in %j with a message saying why",
    (input) => {
      expect(normalizeUsPhone(input)).toEqual({ ok: false, message: EXTENSION });
    },
  );

  it.each(["123-456-7890", "206-055-1234", "006-555-1234", "+1 206 155 1234"])("refuses %j: area code and exchange can't start with 0 or 1", (input) => {
    expect(normalizeUsPhone(input)).toEqual({ ok: false, message: NANP_SHAPE });
  });

  it("normalizes any formatting of a valid 10-digit number to the same xxx-xxx-xxxx", () => {
    fc.assert(
      fc.property(
        nanpDigits.chain((digits) => fc.tuple(fc.constant(digits), writtenAs(digits))),
        ([digits, written]) => {
          expect(normalizeUsPhone(written)).toEqual({ ok: true, value: dashed(digits) });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("is idempotent: a normalized number normalizes to itself", () => {
    fc.assert(
      fc.property(nanpDigits, (digits) => {
        expect(normalizeUsPhone(dashed(digits))).toEqual({ ok: true, value: dashed(digits) });
      }),
    );
  });

  it("never throws, and only ever returns xxx-xxx-xxxx or a message", () => {
    const phoneish = fc.string({ unit: fc.constantFrom(..."0123456789 ()-.+/x#ext1") });
    fc.assert(
      fc.property(fc.oneof(fc.string(), phoneish), (input) => {
        const result = normalizeUsPhone(input);
        if (result.ok) expect(result.value).toMatch(/^[2-9]\d{2}-[2-9]\d{2}-\d{4}$/);
        else expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("formatUsPhoneAsTyped", () => {
  it("formats as the user types", () => {
    const shown = [..."2065551234"].map((_, index) => formatUsPhoneAsTyped("2065551234".slice(0, index + 1)));
    expect(shown).toEqual(["2", "20", "(206)", "(206) 5", "(206) 55", "(206) 555", "(206) 555-1", "(206) 555-12", "(206) 555-123", "(206) 555-1234"]);
  });

  it("keeps formatting input that is already partly formatted", () => {
    expect(formatUsPhoneAsTyped("(206) 555-12")).toBe("(206) 555-12");
    expect(formatUsPhoneAsTyped("+1 2065551234")).toBe("+1 206 555 1234");
  });

  it("leaves a deletion alone, so backspace can remove the punctuation", () => {
    expect(formatUsPhoneAsTyped("(206", "(206)")).toBe("(206");
    expect(formatUsPhoneAsTyped("(206) 555-", "(206) 555-1")).toBe("(206) 555-");
    expect(formatUsPhoneAsTyped("(2065", "(206")).toBe("(206) 5");
  });

  it("shows non-phone input as typed, so nothing the user wrote disappears", () => {
    expect(formatUsPhoneAsTyped("206-555-1234 ext. 5")).toBe("206-555-1234 ext. 5");
    expect(formatUsPhoneAsTyped("call me")).toBe("call me");
    expect(formatUsPhoneAsTyped("")).toBe("");
    expect(formatUsPhoneAsTyped("206555123456")).toBe("206555123456");
  });

  it("never loses a digit the user typed", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789 ()-.+") }), (input) => {
        const digits = (text: string) => text.replace(/\D/g, "");
        expect(digits(formatUsPhoneAsTyped(input))).toBe(digits(input));
      }),
      { numRuns: 500 },
    );
  });
});

describe("phoneSearchDigits", () => {
  it.each([
    ["(206) 555-1234", "2065551234"],
    ["+1 206 555 1234", "2065551234"],
    ["1-206-555-1234", "2065551234"],
    ["2065551234", "2065551234"],
    // Search is looser than saving: it finds records whatever their digits.
    ["123-456-7890", "1234567890"],
  ])("reads %j as %j", (input, digits) => {
    expect(phoneSearchDigits(input)).toBe(digits);
  });

  it.each(["555-1234", "John Smith", "john@example.com", "+44 20 7946 0958", "+2065551234", "206-555-1234 x5", "", "20655512345"])(
    "returns null for %j",
    (input) => {
      expect(phoneSearchDigits(input)).toBeNull();
    },
  );

  it("agrees with normalizeUsPhone on every formatting of a valid number", () => {
    fc.assert(
      fc.property(
        nanpDigits.chain((digits) => fc.tuple(fc.constant(digits), writtenAs(digits))),
        ([digits, written]) => {
          expect(phoneSearchDigits(written)).toBe(digits);
        },
      ),
    );
  });
});
