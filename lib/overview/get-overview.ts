import "server-only";
import { ConfigurationError, crmConfig } from "@/lib/env";
import { CrmError } from "@/lib/crm/errors";
import { listCustomers } from "@/lib/crm/customers";
import { listJobs } from "@/lib/crm/jobs";
import { JOB_STATUSES } from "@/lib/jobs/job-enums";
import type { OverviewCounts, OverviewFailure } from "@/lib/overview/overview-types";

/**
 * The CRM has no count or aggregate endpoint, so every number is the `total`
 * of a one-row list: 3 customer lists (residential = all − commercial, since
 * customer_type has exactly two values) and one job list per status.
 */
export async function getOverview(): Promise<OverviewCounts | OverviewFailure> {
  let crmHost: string | null = null;
  try {
    crmHost = new URL(crmConfig().baseUrl).host;
    const started = performance.now();
    const results = await Promise.all([
      listCustomers({ limit: 1 }),
      listCustomers({ filter: "commercial", limit: 1 }),
      listCustomers({ filter: "vip", limit: 1 }),
      ...JOB_STATUSES.map((status) => listJobs({ statuses: [status], limit: 1 })),
    ]);
    const [all, commercial, vip, ...byStatus] = results.map((result) => result.data.pagination.total) as [number, number, number, ...number[]];
    const jobsByStatus = JOB_STATUSES.map((status, index) => ({ status, count: byStatus[index] ?? 0 }));
    return {
      state: "ok",
      crmHost,
      latencyMs: Math.round(performance.now() - started),
      customers: {
        total: all,
        residential: all - commercial,
        commercial,
        vip,
      },
      jobsByStatus,
      jobsTotal: jobsByStatus.reduce((sum, entry) => sum + entry.count, 0),
      crmRequests: results.reduce((sum, result) => sum + result.meta.upstreamCalls, 0),
    };
  } catch (error) {
    if (error instanceof ConfigurationError) {
      return { state: "error", crmHost, kind: "configuration", message: error.message };
    }
    if (error instanceof CrmError) {
      return { state: "error", crmHost, kind: error.kind, message: error.message };
    }
    throw error;
  }
}
