import { describe, expect, it } from "vitest";
import { parseDateOrDateTime, parseDateTime } from "./timestamps";

describe("parseDateTime", () => {
  it.each([
    ["2025-02-18T14:30:00.000Z", "2025-02-18T14:30:00.000Z"],
    ["2025-02-18T14:30:00Z", "2025-02-18T14:30:00.000Z"],
    ["2025-02-18T14:30Z", "2025-02-18T14:30:00.000Z"],
    ["2025-02-18T14:30:00.5Z", "2025-02-18T14:30:00.500Z"],
    ["2025-02-18T14:30:00.123456Z", "2025-02-18T14:30:00.123Z"],
    ["2025-02-18T14:30:00+02:00", "2025-02-18T12:30:00.000Z"],
    ["2025-02-18T14:30:00-0530", "2025-02-18T20:00:00.000Z"],
    ["2025-02-18T14:30:00", "2025-02-18T14:30:00.000Z"],
    ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"],
  ])("reads %s", (input, expected) => {
    expect(parseDateTime(input)?.toISOString()).toBe(expected);
  });

  it.each([
    "2025-02-18",
    "2025-02-30T00:00:00Z",
    "2025-13-01T00:00:00Z",
    "2025-02-18T24:00:00Z",
    "2025-02-18T14:60:00Z",
    "2025-02-18T14:30:00+25:00",
    "0999-01-01T00:00:00Z",
    "Tue, 18 Feb 2025 14:30:00 GMT",
    "",
    "2025-02-18 14:30:00Z",
  ])("rejects %s", (input) => {
    expect(parseDateTime(input)).toBeNull();
  });
});

describe("parseDateOrDateTime", () => {
  it("reads a date alone as midnight UTC and a date-time as above", () => {
    expect(parseDateOrDateTime("2025-01-20")?.toISOString()).toBe("2025-01-20T00:00:00.000Z");
    expect(parseDateOrDateTime("2025-01-20T10:00:00Z")?.toISOString()).toBe("2025-01-20T10:00:00.000Z");
    expect(parseDateOrDateTime("2025-02-29")).toBeNull();
  });
});
