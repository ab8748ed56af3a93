import type { SyncPlan } from "@/lib/mirror/mirror-types";

/**
 * How often sync may look, given the share of the plan it may spend. Pure,
 * so the admin page, the runner and the tests agree on one computation.
 *
 * What is left of the month's sync budget is spread over what is left of the
 * month: at most half of it on full passes (at least a day apart), the rest
 * two thirds on the heads (new records: 2 requests a look) and one third on
 * re-reading the open jobs. When the budget is spent, nothing is scheduled
 * until the month turns (Sync now still works: a person asked).
 */
export const PAGE = 100;
export const MIN_FULL_PASS_MS = 24 * 3_600_000;
export const MIN_CHANGES_MS = 60_000;
export const MIN_OPEN_JOBS_MS = 5 * 60_000;
const DAY = 24 * 3_600_000;

export interface PlanInput {
  budgetShare: number;
  monthlyLimit: number;
  counts: { customers: number; jobs: number; locations: number; openJobs: number };
  spentThisMonth: number;
  now: Date;
}

export function monthBounds(now: Date): { start: number; end: number } {
  return { start: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1), end: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) };
}

const pages = (records: number) => Math.max(1, Math.ceil(records / PAGE));

export function planSync(input: PlanInput): SyncPlan {
  const budgetRequests = Math.floor(input.budgetShare * input.monthlyLimit);
  const fullPassRequests = pages(input.counts.locations) + pages(input.counts.customers) + pages(input.counts.jobs);
  const openJobsRequests = pages(input.counts.openJobs);
  const { end } = monthBounds(input.now);
  const left = Math.max(0, budgetRequests - input.spentThisMonth);
  // At least a day, so the last hours of a month do not look like a flood of budget.
  const timeLeft = Math.max(end - input.now.getTime(), DAY);
  const rate = left / timeLeft; // requests per ms

  if (rate <= 0) {
    return {
      budgetShare: input.budgetShare,
      budgetRequests,
      fullPassRequests,
      openJobsRequests,
      fullPassEveryMs: Infinity,
      changesEveryMs: Infinity,
      openJobsEveryMs: Infinity,
      projectedMonth: input.spentThisMonth,
    };
  }
  const fullPassEveryMs = Math.max(MIN_FULL_PASS_MS, fullPassRequests / (rate / 2));
  const rest = rate - fullPassRequests / fullPassEveryMs;
  const changesEveryMs = Math.max(MIN_CHANGES_MS, 2 / ((rest * 2) / 3));
  const openJobsEveryMs = Math.max(MIN_OPEN_JOBS_MS, openJobsRequests / (rest / 3));
  const plannedRate = fullPassRequests / fullPassEveryMs + 2 / changesEveryMs + openJobsRequests / openJobsEveryMs;
  const remaining = Math.max(0, end - input.now.getTime());
  return {
    budgetShare: input.budgetShare,
    budgetRequests,
    fullPassRequests,
    openJobsRequests,
    fullPassEveryMs,
    changesEveryMs,
    openJobsEveryMs,
    projectedMonth: Math.round(input.spentThisMonth + plannedRate * remaining),
  };
}

/**
 * The next full pass: the first night (02:00 server time) once the interval
 * since the last complete pass has nearly passed, so passes run when the
 * office is closed. Before the first complete pass: now.
 */
export function nextFullPassAt(lastCompleted: Date | null, everyMs: number, now: Date, nightHour = 2): Date | null {
  if (!lastCompleted) return now;
  if (!Number.isFinite(everyMs)) return null;
  const earliest = new Date(lastCompleted.getTime() + everyMs - 12 * 3_600_000);
  const night = new Date(earliest);
  night.setHours(nightHour, 0, 0, 0);
  if (night.getTime() < earliest.getTime()) night.setDate(night.getDate() + 1);
  return night;
}
