import { expect, it } from "vitest";
import { SlidingWindowBudget } from "@/lib/crm/request-budget.server";

it("allows at most the limit in any window, and says when the next one is allowed", () => {
  const budget = new SlidingWindowBudget(60_000);
  expect(budget.take("a", 3, 0)).toEqual({ ok: true });
  expect(budget.take("a", 3, 10_000)).toEqual({ ok: true });
  expect(budget.take("a", 3, 20_000)).toEqual({ ok: true });
  // The first request leaves the window at 60 s.
  expect(budget.take("a", 3, 30_000)).toEqual({ ok: false, retryAfterMs: 30_000 });
  expect(budget.take("b", 3, 30_000)).toEqual({ ok: true });
  expect(budget.take("a", 3, 60_001)).toEqual({ ok: true });
  expect(budget.take("a", 3, 60_002)).toEqual({ ok: false, retryAfterMs: 9_998 });
});

it("a retry already under way is counted but never refused", () => {
  const budget = new SlidingWindowBudget(60_000);
  budget.take("a", 1, 0);
  expect(budget.take("a", 1, 1, true)).toEqual({ ok: true });
  // Both now count: the slot frees when the second leaves the window.
  expect(budget.take("a", 1, 2)).toEqual({ ok: false, retryAfterMs: 59_999 });
});
