import type { CrmErrorKind } from "@/lib/errors/crm-error-kinds";
import type { JobStatus } from "@/lib/jobs/job-enums";

/** A job as the overview's day-at-a-glance lists need it: small, names instead of ids. */
export interface AgendaJob {
  uuid: string;
  jobNumber: string | null;
  title: string;
  status: JobStatus;
  priority: string;
  isUrgent: boolean;
  isEmergency: boolean;
  /** YYYY-MM-DD, a calendar day. */
  scheduledDate: string | null;
  timeStart: string | null;
  timeEnd: string | null;
  customerName: string;
  assigneeName: string | null;
}

/** How much of an open status the agenda saw: the CRM can't filter by date, so lists are scanned. */
export interface AgendaCoverage {
  status: JobStatus;
  scanned: number;
  total: number;
}

export interface OverviewCounts {
  state: "ok";
  crmHost: string;
  latencyMs: number;
  customers: { total: number; residential: number; commercial: number; vip: number };
  jobsByStatus: Array<{ status: JobStatus; count: number }>;
  jobsTotal: number;
  /** Open jobs that are scheduled, urgent or emergencies; the browser sorts them into today, overdue and urgent (its own date). */
  agenda: { jobs: AgendaJob[]; coverage: AgendaCoverage[] };
  /** Upstream requests this overview cost; shown so its price is never hidden. */
  crmRequests: number;
}

export interface OverviewFailure {
  state: "error";
  crmHost: string | null;
  kind: CrmErrorKind | "configuration";
  message: string;
}
