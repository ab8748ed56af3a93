import { describe, expect, it } from "vitest";
import { dayInTimeZone, isTimeZone } from "@/lib/time/viewer-time-zone";

describe("dayInTimeZone", () => {
  // 2026-03-08T07:30Z: still the 7th in Seattle, already the 8th in London and Auckland.
  const instant = new Date("2026-03-08T07:30:00Z");

  it.each([
    ["America/Los_Angeles", "2026-03-07"],
    ["America/New_York", "2026-03-08"],
    ["Europe/London", "2026-03-08"],
    ["Pacific/Auckland", "2026-03-08"],
    ["Pacific/Pago_Pago", "2026-03-07"],
    ["UTC", "2026-03-08"],
  ])("gives the calendar day in %s", (zone, day) => {
    expect(dayInTimeZone(zone, instant)).toBe(day);
  });

  it("agrees with a browser's localDay() in the same zone (the process runs in UTC in tests)", () => {
    const noon = new Date("2026-12-31T12:00:00Z");
    expect(dayInTimeZone("UTC", noon)).toBe("2026-12-31");
    expect(dayInTimeZone("Pacific/Kiritimati", noon)).toBe("2027-01-01");
  });
});

describe("isTimeZone", () => {
  it.each(["America/Chicago", "UTC", "Europe/Berlin", "Asia/Kolkata"])("accepts %s", (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });

  it.each(["", "Mars/Olympus_Mons", "not a zone", "x".repeat(65), "America/Chicago\u0000"])("rejects %j", (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});
