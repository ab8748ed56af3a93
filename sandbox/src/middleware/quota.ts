import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../app-env";
import { ApiError } from "../http/api-error";

function usageMonth(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/**
 * Counts every authenticated request against the company's monthly quota
 * (CRM-API decision 9), whatever its outcome, replays included. The increment
 * is one atomic upsert, so concurrent requests never lose a count.
 */
export function enforceQuota(deps: Pick<AppDeps, "db" | "clock" | "monthlyQuota">): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { rows } = await deps.db.query<{ request_count: number }>(
      `insert into usage_counters (company_uuid, month, request_count) values ($1, $2, 1)
       on conflict (company_uuid, month) do update set request_count = usage_counters.request_count + 1
       returning request_count`,
      [c.var.company.uuid, usageMonth(deps.clock())],
    );
    const count = Number(rows[0]?.request_count ?? 0);
    if (count > deps.monthlyQuota) throw new ApiError(403, "Usage limit exceeded");
    await next();
  };
}
