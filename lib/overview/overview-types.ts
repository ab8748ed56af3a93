import type { CrmErrorKind } from "@/lib/errors/crm-error-kinds";
import type { JobStatus } from "@/lib/jobs/job-enums";

export interface OverviewCounts {
  state: "ok";
  crmHost: string;
  latencyMs: number;
  customers: { total: number; residential: number; commercial: number; vip: number };
  jobsByStatus: Array<{ status: JobStatus; count: number }>;
  jobsTotal: number;
  /** Upstream requests this overview cost; shown so its price is never hidden. */
  crmRequests: number;
}

export interface OverviewFailure {
  state: "error";
  crmHost: string | null;
  kind: CrmErrorKind | "configuration";
  message: string;
}
