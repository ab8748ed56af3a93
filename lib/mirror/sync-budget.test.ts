import { describe, expect, it } from "vitest";
import { MIN_FULL_PASS_MS, nextFullPassAt, planSync } from "@/lib/mirror/sync-budget";

const DAY = 24 * 3_600_000;
const now = new Date(Date.UTC(2026, 10, 1, 12)); // 1 November 2026, noon: 29.5 days left

describe("the sync plan from the budget", () => {
  it("spends at most the share on a small company, with a nightly pass and frequent looks", () => {
    const plan = planSync({
      budgetShare: 0.2,
      monthlyLimit: 50_000,
      counts: { customers: 250, jobs: 750, locations: 3, openJobs: 600 },
      spentThisMonth: 0,
      now,
    });
    expect(plan.budgetRequests).toBe(10_000);
    expect(plan.fullPassRequests).toBe(3 + 8 + 1);
    expect(plan.fullPassEveryMs).toBe(MIN_FULL_PASS_MS);
    expect(plan.changesEveryMs).toBeGreaterThan(60_000);
    expect(plan.changesEveryMs).toBeLessThan(20 * 60_000);
    expect(plan.projectedMonth).toBeLessThanOrEqual(10_000);
    expect(plan.projectedMonth).toBeGreaterThan(9_000);
  });

  it("stretches the full pass for a large company so it takes at most half the budget", () => {
    const plan = planSync({
      budgetShare: 0.2,
      monthlyLimit: 50_000,
      counts: { customers: 10_000, jobs: 30_000, locations: 20, openJobs: 9_000 },
      spentThisMonth: 0,
      now,
    });
    expect(plan.fullPassRequests).toBe(100 + 300 + 1);
    const passesPerMonth = (29.5 * DAY) / plan.fullPassEveryMs;
    expect(passesPerMonth * plan.fullPassRequests).toBeLessThanOrEqual(5_000 + 1);
    expect(plan.fullPassEveryMs).toBeGreaterThan(2 * DAY);
    expect(plan.projectedMonth).toBeLessThanOrEqual(10_000);
  });

  it("schedules nothing once the month's share is spent, and says so in the projection", () => {
    const plan = planSync({
      budgetShare: 0.1,
      monthlyLimit: 50_000,
      counts: { customers: 250, jobs: 750, locations: 3, openJobs: 600 },
      spentThisMonth: 5_200,
      now,
    });
    expect(plan.changesEveryMs).toBe(Infinity);
    expect(plan.fullPassEveryMs).toBe(Infinity);
    expect(plan.projectedMonth).toBe(5_200);
  });

  it("a larger share looks more often", () => {
    const input = { monthlyLimit: 50_000, counts: { customers: 2_000, jobs: 6_000, locations: 3, openJobs: 1_500 }, spentThisMonth: 0, now };
    expect(planSync({ ...input, budgetShare: 0.4 }).changesEveryMs).toBeLessThan(planSync({ ...input, budgetShare: 0.1 }).changesEveryMs);
  });
});

describe("the night of the next full pass", () => {
  it("is the first 02:00 once the interval has nearly passed; now before any pass", () => {
    expect(nextFullPassAt(null, DAY, now)).toBe(now);
    const last = new Date(2026, 10, 1, 2, 30); // local time
    const next = nextFullPassAt(last, DAY, now)!;
    expect(next.getHours()).toBe(2);
    expect(next.getTime()).toBeGreaterThan(last.getTime() + 12 * 3_600_000);
    expect(next.getTime()).toBeLessThanOrEqual(last.getTime() + DAY + DAY);
    expect(nextFullPassAt(last, Infinity, now)).toBeNull();
  });
});
