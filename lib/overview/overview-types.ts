import type { CrmErrorKind } from "@/lib/errors/crm-error-kinds";
import type { JobStatus } from "@/lib/jobs/job-enums";
import type { MirrorAsOf } from "@/lib/mirror/mirror-types";

/** A job as the overview's day-at-a-glance lists need it: small, names instead of ids. */
export interface AgendaJob {
  uuid: string;
  jobNumber: string | null;
  title: string;
  status: string;
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

/** One list of the day at a glance: its first jobs, and how many it holds in all. */
export interface AgendaList {
  jobs: AgendaJob[];
  total: number;
}

/** Today's, overdue and urgent jobs for one calendar day of the viewer's. */
export interface OverviewAgenda {
  /** YYYY-MM-DD: the viewer's day these lists are for. */
  day: string;
  today: AgendaList;
  overdue: AgendaList;
  urgent: AgendaList;
  asOf: MirrorAsOf;
}

/** The overview's counts and lists, all from the mirror (no CRM request). */
export interface Overview {
  customers: { total: number; residential: number; commercial: number; vip: number; deleted: number };
  jobsByStatus: Array<{ status: JobStatus; count: number }>;
  jobsTotal: number;
  jobsDeleted: number;
  /**
   * The viewer's day's lists, or, when the server does not know the viewer's
   * day (no time-zone cookie), the lists of every day a viewer can be in now:
   * the browser shows its own (ADR-025).
   */
  agendas: OverviewAgenda[];
  asOf: MirrorAsOf;
}

/**
 * What the dashboard knows of its CRM connection without asking the CRM: how
 * the CRM last answered this server, and the month's usage as counted here.
 */
export interface CrmConnection {
  host: string | null;
  /** The dashboard's CRM settings are wrong (no request can be made). */
  configurationError: string | null;
  lastContact: { at: string; ok: boolean; kind: CrmErrorKind | null; lastOkAt: string | null } | null;
  usage: { used: number; limit: number; exhausted: boolean } | null;
}
