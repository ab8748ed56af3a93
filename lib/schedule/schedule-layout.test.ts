import { describe, expect, it } from "vitest";
import { addDays, daysOf, isDay, stepDate, weekStart } from "@/lib/schedule/schedule-dates";
import { byStartTime, dayHours, formatHours, lanesOf, overlapsOf, overlapsWith, totalsOf, windowOf } from "@/lib/schedule/schedule-layout";
import { checkScheduleParams } from "@/lib/schedule/schedule-params";
import type { ScheduleJob } from "@/lib/schedule/schedule-types";

const job = (uuid: string, fields: Partial<ScheduleJob> = {}): ScheduleJob => ({
  uuid,
  job_number: `JOB-${uuid}`,
  title: `Job ${uuid}`,
  customer_name: "",
  status: "Scheduled",
  priority: "Normal",
  is_urgent: false,
  is_emergency: false,
  scheduled_date: "2031-03-12",
  scheduled_time_start: null,
  scheduled_time_end: null,
  assigned_to_user_id: "tech-a",
  assignee_name: "ann able",
  estimated_amount: null,
  updated_at: "2031-01-01T00:00:00.000Z",
  ...fields,
});

describe("schedule days", () => {
  it("weeks run Monday to Sunday, across months and years", () => {
    expect(weekStart("2031-03-12")).toBe("2031-03-10");
    expect(weekStart("2031-03-16")).toBe("2031-03-10");
    expect(weekStart("2031-03-10")).toBe("2031-03-10");
    expect(daysOf("week", "2030-12-31")).toEqual(["2030-12-30", "2030-12-31", "2031-01-01", "2031-01-02", "2031-01-03", "2031-01-04", "2031-01-05"]);
    expect(daysOf("day", "2031-03-12")).toEqual(["2031-03-12"]);
    expect(stepDate("week", "2031-03-12", -1)).toBe("2031-03-05");
    expect(stepDate("day", "2031-02-28", 1)).toBe("2031-03-01");
    expect(addDays("2032-02-28", 1)).toBe("2032-02-29");
  });

  it("takes real days only", () => {
    expect(isDay("2031-02-28")).toBe(true);
    expect(isDay("2031-02-29")).toBe(false);
    expect(isDay("2031-2-3")).toBe(false);
    expect(isDay("2031-03-12T00:00")).toBe(false);
  });

  it("checks the URL's parameters as the route does", () => {
    expect(checkScheduleParams({}, "2031-03-12")).toEqual({ ok: true, query: { view: "week", date: "2031-03-12", technician: null } });
    expect(checkScheduleParams({ view: "year" }, "2031-03-12")).toMatchObject({ ok: false, problem: { field: "view", allowed: ["day", "week"] } });
    expect(checkScheduleParams({ sort: "name" }, "2031-03-12")).toMatchObject({
      ok: false,
      problem: { field: "sort", allowed: ["view", "date", "technician"] },
    });
    expect(checkScheduleParams({ technician: "UNASSIGNED" }, "2031-03-12")).toMatchObject({ ok: true, query: { technician: "unassigned" } });
  });
});

describe("schedule layout", () => {
  it("marks both jobs of a technician whose windows overlap, and only those", () => {
    const jobs = [
      job("1", { scheduled_time_start: "09:00", scheduled_time_end: "11:00" }),
      job("2", { scheduled_time_start: "10:30", scheduled_time_end: "12:00" }),
      // Back to back is not an overlap.
      job("3", { scheduled_time_start: "12:00", scheduled_time_end: "13:00" }),
      // Another technician, another day, nobody: no overlap with the first.
      job("4", { scheduled_time_start: "09:00", scheduled_time_end: "10:00", assigned_to_user_id: "tech-b" }),
      job("5", { scheduled_time_start: "09:00", scheduled_time_end: "10:00", scheduled_date: "2031-03-13" }),
      job("6", { scheduled_time_start: "09:00", scheduled_time_end: "10:00", assigned_to_user_id: null }),
      job("7", { scheduled_time_start: "09:00", scheduled_time_end: "10:00", assigned_to_user_id: null }),
    ];
    const overlaps = overlapsOf(jobs);
    expect([...overlaps.keys()].sort()).toEqual(["1", "2"]);
    expect(overlaps.get("1")?.map((other) => other.uuid)).toEqual(["2"]);
    expect(overlaps.get("2")?.map((other) => other.uuid)).toEqual(["1"]);
  });

  it("a start with no end takes an hour; a proposed window is checked against the day's jobs", () => {
    expect(windowOf(job("1", { scheduled_time_start: "09:00" }))).toEqual({ start: 540, end: 600 });
    expect(windowOf(job("1"))).toBeNull();
    const day = [job("1", { scheduled_time_start: "09:00" }), job("2", { scheduled_time_start: "14:00", scheduled_time_end: "16:00" })];
    expect(overlapsWith(day, job("new", { scheduled_time_start: "09:30", scheduled_time_end: "10:30" })).map((other) => other.uuid)).toEqual(["1"]);
    expect(overlapsWith(day, job("new", { scheduled_time_start: "10:00", scheduled_time_end: "14:00" }))).toEqual([]);
    // Moving a job onto its own old place is no overlap with itself.
    expect(overlapsWith(day, job("2", { scheduled_time_start: "15:00", scheduled_time_end: "16:00" }))).toEqual([]);
  });

  it("adds up a lane's hours and estimates, and orders a day by start", () => {
    const jobs = [
      job("b", { scheduled_time_start: "13:00", estimated_amount: 100.1 }),
      job("a", { scheduled_time_start: "08:00", scheduled_time_end: "09:30", estimated_amount: 200.2 }),
      job("c", { estimated_amount: null }),
    ];
    expect(totalsOf(jobs)).toEqual({ minutes: 150, amount: 300.3 });
    expect(formatHours(150)).toBe("2.5 h");
    expect(byStartTime(jobs).map((entry) => entry.uuid)).toEqual(["a", "b", "c"]);
    expect(dayHours(jobs)).toEqual({ first: 7, last: 19 });
    expect(dayHours([job("x", { scheduled_time_start: "05:30", scheduled_time_end: "21:15" })])).toEqual({ first: 5, last: 22 });
  });

  it("puts Unassigned first, then everyone by name, with people only seen on the jobs shown", () => {
    const lanes = lanesOf(
      [
        { id: "TECH-B", name: "Bo Brown" },
        { id: "tech-a", name: "Al Adams" },
      ],
      [job("1", { assigned_to_user_id: "tech-z", assignee_name: "zed" })],
    );
    expect(lanes.map((lane) => [lane.id, lane.name])).toEqual([
      ["unassigned", "Unassigned"],
      ["tech-a", "Al Adams"],
      ["tech-b", "Bo Brown"],
      ["tech-z", "zed"],
    ]);
  });
});
