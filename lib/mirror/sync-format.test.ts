import { describe, expect, it } from "vitest";
import { formatDuration, whatCanBeMissed } from "@/lib/mirror/sync-format";
import type { SyncStatus } from "@/lib/mirror/mirror-types";

const plan: SyncStatus["plan"] = {
  budgetShare: 0.2,
  budgetRequests: 10_000,
  fullPassRequests: 12,
  fullPassEveryMs: 86_400_000,
  changesEveryMs: 14 * 60_000,
  openJobsEveryMs: 2 * 3_600_000,
  openJobsRequests: 7,
  projectedMonth: 9_800,
};

describe("the sync page's words", () => {
  it("formats durations people read", () => {
    expect(formatDuration(30_000)).toBe("under a minute");
    expect(formatDuration(14 * 60_000)).toBe("14 minutes");
    expect(formatDuration(3_600_000)).toBe("1 hour");
    expect(formatDuration(3 * 86_400_000)).toBe("3 days");
    expect(formatDuration(-1)).toBe("not this month");
  });

  it("says what can be missed, and for how long, with the current budget", () => {
    const text = whatCanBeMissed(
      { plan, paused: false, halted: null, nextFullPassAt: "2026-12-08T02:00:00.000Z", lastPassCompletedAt: null },
      (iso) => `at ${iso.slice(11, 16)}`,
    );
    expect(text).toContain("within about 14 minutes");
    expect(text).toContain("within about 2 hours");
    expect(text).toContain("until the next full pass (at 02:00)");
    expect(text).toContain("every 24 hours");
    expect(whatCanBeMissed({ plan, paused: true, halted: null, nextFullPassAt: null, lastPassCompletedAt: null }, String)).toContain("Sync is stopped");
    expect(
      whatCanBeMissed({ plan: { ...plan, changesEveryMs: -1 }, paused: false, halted: null, nextFullPassAt: null, lastPassCompletedAt: null }, String),
    ).toContain("budget is spent");
  });
});
