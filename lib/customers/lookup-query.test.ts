import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asksAddresses, classifyLookupQuery, isWholePhoneNumber } from "@/lib/customers/lookup-query";

describe("classifyLookupQuery", () => {
  it.each(["", " ", "J", " @ ", "5"])("%j is too short", (raw) => {
    expect(classifyLookupQuery(raw)).toEqual({ kind: "too_short" });
  });

  it.each([
    ["(206) 555-1234", "2065551234"],
    ["206.555.1234", "2065551234"],
    ["+1 206 555 1234", "2065551234"],
    ["1-206-555-1234", "2065551234"],
    ["12065551234", "2065551234"],
    [" 2065551234 ", "2065551234"],
  ])("reads the whole number %j as its 10 digits", (raw, digits) => {
    expect(classifyLookupQuery(raw)).toEqual({ kind: "phone", digits, display: "206-555-1234" });
  });

  it.each([
    ["206 555", "206555", "206 555"],
    ["555-1234", "5551234", "555-1234"],
    ["1234", "1234", "1234"],
    ["206", "206", "206"],
    ["(206)   55", "20655", "(206) 55"],
    ["+44 20 7946 0958", "442079460958", "+44 20 7946 0958"],
    ["+1 206 555", "206555", "+1 206 555"],
  ])("reads the fragment %j as the digits typed", (raw, digits, display) => {
    expect(classifyLookupQuery(raw)).toEqual({ kind: "phone", digits, display });
  });

  it("keeps a leading 1 in a fragment: it may be part of the last four", () => {
    expect(classifyLookupQuery("1234")).toMatchObject({ kind: "phone", digits: "1234" });
    expect(classifyLookupQuery("1206555")).toMatchObject({ kind: "phone", digits: "1206555" });
  });

  it.each(["john@example.com", " John@Example.COM ", "jo@", "@example"])("reads %j as an email", (raw) => {
    expect(classifyLookupQuery(raw)).toEqual({ kind: "email", value: raw.trim().toLowerCase() });
  });

  it.each([
    ["John Smith", "John Smith"],
    ["  john   smith ", "john smith"],
    ["Jo", "Jo"],
    ["O'Brien", "O'Brien"],
    ["12", "12"],
    ["JOB-0012", "JOB-0012"],
    ["206 Main St", "206 Main St"],
    ["Apt 5", "Apt 5"],
  ])("reads %j as a name", (raw, value) => {
    expect(classifyLookupQuery(raw)).toEqual({ kind: "name", value });
  });

  it("reads every formatting of a whole NANP number as that number", () => {
    const digits = fc
      .tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 }))
      .map(([a, b, c]) => `${a}${b}${String(c).padStart(4, "0")}`);
    const written = fc.tuple(digits, fc.constantFrom("", "1 ", "+1 ", "1-"), fc.constantFrom("", " ", "-", "."), fc.boolean());
    fc.assert(
      fc.property(written, ([number, prefix, separator, parens]) => {
        const area = parens ? `(${number.slice(0, 3)}) ` : `${number.slice(0, 3)}${separator}`;
        const raw = `${prefix}${area}${number.slice(3, 6)}${separator}${number.slice(6)}`;
        expect(classifyLookupQuery(raw)).toEqual({
          kind: "phone",
          digits: number,
          display: `${number.slice(0, 3)}-${number.slice(3, 6)}-${number.slice(6)}`,
        });
      }),
    );
  });

  it("never throws, and classifies by the documented order", () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const result = classifyLookupQuery(raw);
        const text = raw.trim();
        if (text.replace(/\s+/g, " ").length < 2) expect(result.kind).toBe("too_short");
        else if (text.includes("@")) expect(result.kind).toBe("email");
        else if (result.kind === "phone") expect(result.digits).toMatch(/^\d{3,}$/);
        else expect(result).toEqual({ kind: "name", value: text.replace(/\s+/g, " ") });
      }),
      { numRuns: 500 },
    );
  });
});

describe("isWholePhoneNumber (the lookup asks at once, without waiting for a pause)", () => {
  it.each(["(206) 555-1234", "206.555.1234", "2065551234", " 206-555-1234 ", "+1 206 555 1234", "1-206-555-1234", "12065551234"])(
    "%j is a whole number",
    (raw) => {
      expect(isWholePhoneNumber(raw)).toBe(true);
    },
  );

  it.each([
    "(206) 555-123", // one digit short
    "1 206 555 123", // ten digits starting with 1: an eleven-digit number on its way
    "1206555123",
    "+1 206 555 123",
    "206-555-12345", // too long
    "Lee",
    "lee@example.com",
    "206 Main St",
    "",
  ])("%j is not", (raw) => {
    expect(isWholePhoneNumber(raw)).toBe(false);
  });

  it("is whole only where classifyLookupQuery reads a 10-digit phone search", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("1", "2", "0", "9", "-", " ", "(", ")", "+", "a"), maxLength: 16 }), (raw) => {
        const query = classifyLookupQuery(raw);
        if (isWholePhoneNumber(raw)) expect(query).toMatchObject({ kind: "phone", digits: expect.stringMatching(/^\d{10}$/) });
      }),
    );
  });
});

describe("asksAddresses (what the lookup also matches against addresses)", () => {
  it.each(["986 Greenwood", "Greenwood", "Seattle", "Jo", "7 Eleven", "986", "981", "98103", "98103-1234", "206 555"])(
    "%j may be part of an address",
    (raw) => {
      expect(asksAddresses(classifyLookupQuery(raw))).toBe(true);
    },
  );

  it.each(["(206) 555-1234", "+1 206 555 1234", "12065551234", "+44 20 7946 0958", "lee@example.com", "J", ""])("%j cannot", (raw) => {
    expect(asksAddresses(classifyLookupQuery(raw))).toBe(false);
  });

  it("never for an email or a run of ten digits or more", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (raw) => {
        const query = classifyLookupQuery(raw);
        if (query.kind === "email" || query.kind === "too_short") expect(asksAddresses(query)).toBe(false);
        if (query.kind === "phone" && query.digits.length >= 10) expect(asksAddresses(query)).toBe(false);
        if (query.kind === "name") expect(asksAddresses(query)).toBe(true);
      }),
    );
  });
});
