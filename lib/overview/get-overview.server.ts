import "server-only";
import { describeCrmError } from "@/lib/errors/describe-crm-error";
import { ConfigurationError, crmConfig } from "@/lib/env.server";
import { CrmError } from "@/lib/crm/errors.server";
import { listCustomers } from "@/lib/crm/customers.server";
import { listJobs } from "@/lib/crm/jobs.server";
import { OPEN_STATUSES, toAgendaJob } from "@/lib/jobs/job-agenda";
import { JOB_STATUSES } from "@/lib/jobs/job-enums";
import type { JobListItem } from "@/lib/crm/schemas.server";
import type { OverviewCounts, OverviewFailure } from "@/lib/overview/overview-types";

/** Jobs read per open status for the day at a glance: the CRM's largest page. */
const AGENDA_SCAN = 100;

/**
 * The CRM has no count or aggregate endpoint, so every number is the `total`
 * of a list: 3 customer lists (residential = all − commercial, since
 * customer_type has exactly two values) and one job list per status. The
 * same 13 requests feed the day at a glance: the CRM can't filter jobs by
 * date or by the urgent/emergency flags, so the lists of open statuses ask
 * for their newest 100 jobs instead of one, and those are scanned.
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
      ...JOB_STATUSES.map((status) => listJobs({ statuses: [status], limit: OPEN_STATUSES.includes(status) ? AGENDA_SCAN : 1 })),
    ]);
    const [all, commercial, vip, ...byStatus] = results.map((result) => result.data.pagination.total) as [number, number, number, ...number[]];
    const jobLists = results.slice(3).map((result) => result.data as { jobs: JobListItem[]; pagination: { total: number } });
    const agendaJobs = JOB_STATUSES.flatMap((status, index) =>
      OPEN_STATUSES.includes(status) ? (jobLists[index]?.jobs ?? []).flatMap((job) => toAgendaJob(job, status) ?? []) : [],
    );
    const coverage = JOB_STATUSES.flatMap((status, index) =>
      OPEN_STATUSES.includes(status) ? [{ status, scanned: jobLists[index]?.jobs.length ?? 0, total: jobLists[index]?.pagination.total ?? 0 }] : [],
    );
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
      agenda: { jobs: agendaJobs, coverage },
      crmRequests: results.reduce((sum, result) => sum + result.meta.upstreamCalls, 0),
    };
  } catch (error) {
    if (error instanceof ConfigurationError) {
      return { state: "error", crmHost, kind: "configuration", message: error.message };
    }
    if (error instanceof CrmError) {
      // Only the kind travels to the page, which describes it in its own words (the CRM's text stays on the server).
      return { state: "error", crmHost, kind: error.kind, message: describeCrmError(error.kind) };
    }
    throw error;
  }
}
