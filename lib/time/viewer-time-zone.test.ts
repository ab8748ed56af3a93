import { describe, expect, it } from "vitest";
import { dayInTimeZone, isTimeZone, possibleDays } from "@/lib/time/viewer-time-zone";

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

describe("possibleDays", () => {
  it("names the day before, the day of and the day after UTC when the world spans three days", () => {
    expect(possibleDays(new Date("2026-03-08T11:30:00Z"))).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
  });

  it("names two days when no zone has reached the next one", () => {
    // 09:30 UTC: UTC−12 is still on the 7th, UTC+14 is at 23:30 on the 8th.
    expect(possibleDays(new Date("2026-03-08T09:30:00Z"))).toEqual(["2026-03-07", "2026-03-08"]);
  });

  it.each(["America/Los_Angeles", "Pacific/Pago_Pago", "Pacific/Kiritimati", "Asia/Kolkata", "Pacific/Chatham"])("always includes the day in %s", (zone) => {
    for (let hour = 0; hour < 48; hour += 1) {
      const instant = new Date(Date.UTC(2026, 11, 31, hour, 45));
      expect(possibleDays(instant)).toContain(dayInTimeZone(zone, instant));
    }
  });
});
