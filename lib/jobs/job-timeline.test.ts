import { describe, expect, it } from "vitest";
import { jobTimeline } from "@/lib/jobs/job-timeline";

describe("job timeline", () => {
  it("lists the steps in workflow order, done or not yet", () => {
    const steps = jobTimeline(
      {
        created_at: "2026-03-01T15:00:00.000Z",
        scheduled_date: "2026-03-03T00:00:00.000Z",
        scheduled_time_start: "09:00",
        scheduled_time_end: "11:30",
        started_at: "2026-03-03T17:05:00.000Z",
        completed_at: null,
        invoiced_at: null,
        paid_at: null,
      },
      "Pacific/Kiritimati",
    );
    expect(steps.map((step) => [step.key, step.done])).toEqual([
      ["created", true],
      ["scheduled", true],
      ["started", true],
      ["completed", false],
      ["invoiced", false],
      ["paid", false],
    ]);
    // A moment in the viewer's zone (UTC+14: the next morning there)...
    expect(steps[0]?.when).toMatch(/^Mar 2, 2026, 5:00\sAM$/);
    // ...and a calendar day, not shifted by it.
    expect(steps[1]?.when).toBe("Tue, Mar 3, 2026, 09:00–11:30");
    expect(steps[1]?.dateTime).toBe("2026-03-03");
    expect(steps[3]?.when).toBeNull();
  });
});
