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
    const [all, commercial, vip, ...byStatus] = await Promise.all([
      listCustomers({ limit: 1 }),
      listCustomers({ filter: "commercial", limit: 1 }),
      listCustomers({ filter: "vip", limit: 1 }),
      ...JOB_STATUSES.map((status) => listJobs({ statuses: [status], limit: 1 })),
    ]);
    const jobsByStatus = JOB_STATUSES.map((status, index) => ({
      status,
      count: byStatus[index]?.pagination.total ?? 0,
    }));
    return {
      state: "ok",
      crmHost,
      latencyMs: Math.round(performance.now() - started),
      customers: {
        total: all.pagination.total,
        residential: all.pagination.total - commercial.pagination.total,
        commercial: commercial.pagination.total,
        vip: vip.pagination.total,
      },
      jobsByStatus,
      jobsTotal: jobsByStatus.reduce((sum, entry) => sum + entry.count, 0),
      crmRequests: 3 + JOB_STATUSES.length,
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
