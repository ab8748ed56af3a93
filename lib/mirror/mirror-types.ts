import type { JobPriority, JobStatus } from "@/lib/jobs/job-enums";

/**
 * What the mirror's queries and the sync status answer, for the server routes
 * and the screens alike (no server-only imports here).
 */

/** How old an answer from the mirror may be: every answer carries it, and screens show it. */
export interface MirrorAsOf {
  /** The oldest moment the CRM confirmed one of the rows answered (null when none). */
  oldestConfirmedAt: string | null;
  /** When the last complete pass over every record ended (null before the first). */
  lastFullPassAt: string | null;
  /** When sync last looked for changes made elsewhere (new records, open jobs). */
  lastChangesAt: string | null;
}

export interface MirrorPage<Row> {
  rows: Row[];
  total: number;
  /** Set when matches were counted only up to a cap (the address lookup): there are at least `total`. */
  totalIsLowerBound?: boolean;
  asOf: MirrorAsOf;
}

export type SortDirection = "asc" | "desc";

/** Named as the customer table's columns (sort=last_name: the name column, by last name then first). */
export const CUSTOMER_SORT_KEYS = [
  "last_name",
  "company_name",
  "email",
  "phone",
  "customer_type",
  "is_vip",
  "city",
  "zip",
  "lead_source",
  "physical_address",
  "tags",
  "created_at",
  "updated_at",
] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];

export const CUSTOMER_FILTER_KEYS = ["search", "type", "vip", "tag", "lead_source", "email_opt_in", "sms_opt_in", "city", "zip", "include_deleted"] as const;
export type CustomerFilterKey = (typeof CUSTOMER_FILTER_KEYS)[number];

export interface CustomerQuery {
  sort?: CustomerSortKey | undefined;
  direction?: SortDirection | undefined;
  page?: number | undefined;
  limit?: number | undefined;
  filters?: Partial<{
    search: string;
    type: "residential" | "commercial";
    vip: boolean;
    tag: string;
    lead_source: string;
    email_opt_in: boolean;
    sms_opt_in: boolean;
    city: string;
    zip: string;
    /** Deleted customers too (the table's "Show deleted"). */
    include_deleted: boolean;
  }>;
}

export interface MirrorCustomerRow {
  uuid: string;
  first_name: string;
  last_name: string;
  company_name: string | null;
  email: string | null;
  phone: string | null;
  customer_type: string;
  is_vip: boolean;
  city: string | null;
  state: string | null;
  zip: string | null;
  tags: string[];
  lead_source: string | null;
  email_opt_in: boolean;
  sms_opt_in: boolean;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  confirmed_at: string;
}

export const JOB_SORT_KEYS = [
  "job_number",
  "title",
  "customer_name",
  "status",
  "priority",
  "scheduled_date",
  "assignee_name",
  "location_name",
  "city",
  "estimated_amount",
  "actual_amount",
  "created_at",
  "updated_at",
] as const;
export type JobSortKey = (typeof JOB_SORT_KEYS)[number];

export const JOB_FILTER_KEYS = [
  "search",
  "statuses",
  "priority",
  "assigned_to_user_id",
  "unassigned",
  "unscheduled",
  "customer_uuid",
  "location_uuid",
  "from",
  "to",
  "include_deleted",
] as const;
export type JobFilterKey = (typeof JOB_FILTER_KEYS)[number];

export interface JobQuery {
  sort?: JobSortKey | undefined;
  direction?: SortDirection | undefined;
  page?: number | undefined;
  limit?: number | undefined;
  filters?: Partial<{
    search: string;
    statuses: JobStatus[];
    priority: JobPriority;
    assigned_to_user_id: string;
    unassigned: boolean;
    unscheduled: boolean;
    customer_uuid: string;
    location_uuid: string;
    /** Deleted jobs too (the table's "Show deleted"). */
    include_deleted: boolean;
    /** Scheduled on or after this day (YYYY-MM-DD). */
    from: string;
    /** Scheduled on or before this day (YYYY-MM-DD). */
    to: string;
  }>;
}

export interface MirrorJobRow {
  uuid: string;
  job_number: string | null;
  title: string;
  customer_uuid: string | null;
  customer_name: string;
  location_uuid: string | null;
  status: string;
  priority: string;
  is_urgent: boolean;
  is_emergency: boolean;
  city: string | null;
  zip: string | null;
  /** YYYY-MM-DD, a calendar day. */
  scheduled_date: string | null;
  scheduled_time_start: string | null;
  scheduled_time_end: string | null;
  assigned_to_user_id: string | null;
  assignee_name: string | null;
  estimated_amount: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  confirmed_at: string;
}

export interface AddressMatch {
  /** Where the words were found. */
  matched: "physical" | "billing" | "service";
  customer_uuid: string;
  customer_name: string;
  /** The job whose service address matched (matched = "service"). */
  job_uuid: string | null;
  job_title: string | null;
  address: string;
  confirmed_at: string;
}

export interface OverviewCountsFromMirror {
  customers: { total: number; residential: number; commercial: number; vip: number; deleted: number };
  jobsByStatus: Array<{ status: JobStatus; count: number }>;
  jobsTotal: number;
  jobsDeleted: number;
  today: MirrorJobRow[];
  overdue: MirrorJobRow[];
  urgent: MirrorJobRow[];
  /** How many jobs each list holds in all (the lists themselves stop at their first 50). */
  totals: { today: number; overdue: number; urgent: number };
  day: string;
  asOf: MirrorAsOf;
}

/** A sort key or filter the query does not offer, or a contradictory range: a 400 naming what is allowed. */
export interface MirrorQueryProblem {
  field: string;
  message: string;
  allowed?: readonly string[];
}

// ── Sync status ──────────────────────────────────────────────────────────────

export const SYNC_RESOURCES = ["locations", "customers", "jobs"] as const;
export type SyncResource = (typeof SYNC_RESOURCES)[number];

export interface PassResourceProgress {
  resource: SyncResource;
  total: number | null;
  totalPages: number | null;
  pagesDone: number;
}

export interface SyncProblem {
  id: string;
  occurredAt: string;
  kind: "invalid_record" | "usage_limit" | "crm_error" | "incomplete_pass" | "removed";
  resource: string | null;
  uuid: string | null;
  message: string;
}

export interface SyncPlan {
  /** The share of the monthly plan sync may spend, 0–1. */
  budgetShare: number;
  /** That share in requests. */
  budgetRequests: number;
  /** What one full pass costs (pages of 100). */
  fullPassRequests: number;
  fullPassEveryMs: number;
  changesEveryMs: number;
  openJobsEveryMs: number;
  openJobsRequests: number;
  /** Sync's requests this month so far plus what the plan spends until the month ends. */
  projectedMonth: number;
}

export interface SyncStatus {
  counts: { customers: number; jobs: number; locations: number; deletedCustomers: number; deletedJobs: number };
  month: string;
  spentThisMonth: number;
  /** Every request this dashboard made this month (the usage meter), sync's included. */
  dashboardUsedThisMonth: number;
  monthlyLimit: number;
  plan: SyncPlan;
  paused: boolean;
  halted: { reason: string; at: string } | null;
  running: boolean;
  pass: null | {
    startedAt: string;
    resources: PassResourceProgress[];
    pagesDone: number;
    pagesTotal: number | null;
    /** From the pace so far; null until a page is done. */
    estimatedMsLeft: number | null;
  };
  lastPassStartedAt: string | null;
  lastPassCompletedAt: string | null;
  lastChangesAt: string | null;
  lastOpenJobsAt: string | null;
  lastRunAt: string | null;
  nextRunAt: string | null;
  nextFullPassAt: string | null;
  problems: SyncProblem[];
}
