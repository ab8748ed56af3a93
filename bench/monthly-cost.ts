/**
 * What a month of office sessions costs against the plan's allowance:
 * arithmetic on the measured requests per session, nothing more.
 */
export const MONTHLY_ALLOWANCE = 50_000;
export const WORKING_DAYS_PER_MONTH = 22;

export interface MonthlyCost {
  sessionsPerWorkingDay: number;
  requestsPerMonth: number;
  shareOfAllowance: number;
}

export function monthlyCost(requestsPerSession: number, sessionsPerWorkingDay: number): MonthlyCost {
  const requestsPerMonth = requestsPerSession * sessionsPerWorkingDay * WORKING_DAYS_PER_MONTH;
  return { sessionsPerWorkingDay, requestsPerMonth, shareOfAllowance: requestsPerMonth / MONTHLY_ALLOWANCE };
}

/** Whole sessions a month the allowance pays for; Infinity for a session that costs nothing. */
export function sessionsCovered(requestsPerSession: number): number {
  return requestsPerSession > 0 ? Math.floor(MONTHLY_ALLOWANCE / requestsPerSession) : Number.POSITIVE_INFINITY;
}

/** The office the issue sizes: five staff doing 40 sessions a working day between them (44,000 requests a month at 50 a session). */
export const OFFICE_SESSIONS_PER_WORKING_DAY = 40;
/** What the office's sessions and sync together may spend of the plan. */
export const OFFICE_TARGET_SHARE = 0.25;
/** Sync's default share of the plan (lib/mirror sync budget). */
export const DEFAULT_SYNC_SHARE = 0.2;
