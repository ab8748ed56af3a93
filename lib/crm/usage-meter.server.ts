import "server-only";
import type { UsageReport } from "@/lib/crm/usage-types";
import { sql } from "kysely";
import { logEvent } from "@/lib/api/logger.server";
import { appDatabase } from "@/lib/db/app-database.server";
import { crmConfig } from "@/lib/env.server";
import { beforeStop } from "@/lib/runtime/before-stop.server";

/** The UTC calendar month a moment falls in, as the CRM counts it: 'YYYY-MM'. */
export function usageMonth(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/**
 * Upstream CRM requests counted in memory and written once a second (ADR-024):
 * a write to the app database for every CRM request was a fixed cost on every
 * cache miss. Counts are never lost: a failed write puts them back for the
 * next flush, and a clean stop (SIGTERM, SIGINT) or a script's end writes what
 * is left (lib/runtime/before-stop.server.ts). A crash loses at most the last
 * second's counts. Several instances each add their own counts to the same
 * row, so the month's total stays one number.
 */
export const USAGE_FLUSH_MS = 1_000;

interface Meter {
  /** Requests counted and not yet written, by month. */
  pending: Map<string, number>;
  timer: NodeJS.Timeout | null;
  /** The flush under way: flushes run one after another, never side by side. */
  flushing: Promise<void>;
}
const holder = globalThis as typeof globalThis & { __tradesdeskUsageMeter?: Meter };
const meter = (): Meter => {
  if (!holder.__tradesdeskUsageMeter) {
    holder.__tradesdeskUsageMeter = { pending: new Map(), timer: null, flushing: Promise.resolve() };
    beforeStop(flushUsage);
  }
  return holder.__tradesdeskUsageMeter;
};

/**
 * Counts upstream CRM requests (every attempt, retries included: the CRM
 * counts them all). Synchronous and infallible: counting never slows or
 * breaks the request it counts.
 */
export function countCrmRequest(at = new Date(), requests = 1): void {
  const state = meter();
  const month = usageMonth(at);
  state.pending.set(month, (state.pending.get(month) ?? 0) + requests);
  state.timer ??= setTimeout(() => {
    state.timer = null;
    void flushUsage();
  }, USAGE_FLUSH_MS).unref();
}

/** Writes the counts kept in memory; resolves when they (and any flush before) are written or put back. */
export function flushUsage(): Promise<void> {
  const state = meter();
  return inTurn(state, () => writePending(state));
}

/**
 * Runs after the flush under way, and holds the next one until done: a count
 * is then either in the table or pending, never in both or neither.
 */
function inTurn<T>(state: Meter, work: () => Promise<T>): Promise<T> {
  const result = state.flushing.then(work);
  state.flushing = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

async function writePending(state: Meter): Promise<void> {
  if (state.pending.size === 0) return;
  const batch = [...state.pending];
  state.pending.clear();
  try {
    const { db } = await appDatabase();
    for (let next = batch[0]; next; next = batch[0]) {
      const [month, count] = next;
      await db
        .insertInto("crm_usage")
        .values({ month, request_count: count })
        .onConflict((conflict) => conflict.column("month").doUpdateSet({ request_count: sql`crm_usage.request_count + ${count}`, updated_at: sql`now()` }))
        .execute();
      batch.shift();
    }
  } catch (error) {
    // Not written: back into the next flush (each month's upsert is one statement, so none was half counted).
    for (const [month, count] of batch) countCrmRequest(new Date(`${month}-01T00:00:00Z`), count);
    logEvent("error", "usage_count_failed", { message: error instanceof Error ? error.message : String(error) });
  }
}

export type { UsageReport };

export const USAGE_WARNING_SHARE = 0.8;

export async function usageReport(now = new Date()): Promise<UsageReport> {
  const month = usageMonth(now);
  const state = meter();
  // This instance's own unwritten counts are part of the answer; another instance's join within a second.
  const used = await inTurn(state, async () => {
    const { db } = await appDatabase();
    const row = await db.selectFrom("crm_usage").select("request_count").where("month", "=", month).executeTakeFirst();
    return (row?.request_count ?? 0) + (state.pending.get(month) ?? 0);
  });
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
