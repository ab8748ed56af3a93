import "server-only";
import type { UsageReport } from "@/lib/crm/usage-types";
import { sql } from "kysely";
import { logEvent } from "@/lib/api/logger.server";
import { appDatabase } from "@/lib/db/app-database.server";
import { crmConfig } from "@/lib/env.server";

/** The UTC calendar month a moment falls in, as the CRM counts it: 'YYYY-MM'. */
export function usageMonth(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/**
 * Counts one upstream CRM request (every attempt, retries included: the CRM
 * counts them all). Counting must never break the request it counts, so a
 * database failure is logged and the call goes on.
 */
export async function countCrmRequest(at = new Date()): Promise<void> {
  try {
    const { db } = await appDatabase();
    await db
      .insertInto("crm_usage")
      .values({ month: usageMonth(at), request_count: 1 })
      .onConflict((conflict) => conflict.column("month").doUpdateSet({ request_count: sql`crm_usage.request_count + 1`, updated_at: sql`now()` }))
      .execute();
  } catch (error) {
    logEvent("error", "usage_count_failed", { message: error instanceof Error ? error.message : String(error) });
  }
}

export type { UsageReport };

export const USAGE_WARNING_SHARE = 0.8;

export async function usageReport(now = new Date()): Promise<UsageReport> {
  const { db } = await appDatabase();
  const month = usageMonth(now);
  const row = await db.selectFrom("crm_usage").select("request_count").where("month", "=", month).executeTakeFirst();
  const used = row?.request_count ?? 0;
  const limit = crmConfig().monthlyLimit;
  return { month, used, limit, ...projectUsage(used, limit, now) };
}

export function projectUsage(used: number, limit: number, now: Date) {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  // At least an hour elapsed, so a busy first minute of the month does not project to millions.
  const elapsed = Math.max(now.getTime() - start, 3_600_000);
  const projected = Math.round((used / elapsed) * (end - start));
  return {
    projected,
    percent_used: Math.round((used / limit) * 1000) / 10,
    warning: used >= limit * USAGE_WARNING_SHARE,
    exhausted: used >= limit,
  };
}
