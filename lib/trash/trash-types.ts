/** The two kinds of record the CRM soft-deletes and the trash holds. */
export type TrashResource = "customer" | "job";

export const TRASH_RESOURCES: readonly TrashResource[] = ["customer", "job"];

/** In URLs and tabs the plural reads better: /trash?tab=jobs. */
export const TRASH_TABS = { customers: "customer", jobs: "job" } as const satisfies Record<string, TrashResource>;
export type TrashTab = keyof typeof TRASH_TABS;

export const TRASH_PAGE_SIZE = 25;
/** The CRM's largest page: a scan reads this many records per request. */
export const SCAN_PAGE_SIZE = 100;

export interface TrashPerson {
  name: string;
  email: string;
}

/** One deleted record as the trash shows it. */
export interface TrashRow {
  resource: TrashResource;
  uuid: string;
  label: string;
  /** A few fields to tell records apart (company, phone; job number, customer, status). */
  summary: Record<string, string | null>;
  deleted_at: string;
  /** Who deleted it through the dashboard; null when it was deleted elsewhere (found by a scan). */
  deleted_by: TrashPerson | null;
  found_by: "dashboard" | "scan";
  /** Customers only: their jobs that were deleted together with them and are still in the trash. */
  jobs_deleted_with: Array<{ uuid: string; label: string }>;
}

export interface TrashScanSummary {
  id: string;
  resource: TrashResource;
  started_by: string;
  started_at: string;
  updated_at: string;
  pages_done: number;
  pages_total: number;
  requests: number;
  found: number;
  removed: number;
}

export interface TrashPage {
  rows: TrashRow[];
  pagination: { page: number; limit: number; total: number };
  /** CRM requests this answer cost (checking each row against the CRM; cached reads cost none). */
  crm_requests: number;
  /** Rows that turned out to be back in the CRM (restored elsewhere) or gone, and were taken out of the trash. */
  removed: number;
  last_scan: TrashScanSummary | null;
}

export interface TrashScanStep {
  scan_id: string;
  page: number;
  pages_total: number;
  records_total: number;
  /** Deleted records this step added to the trash (not known before). */
  found: number;
  /** Records this step found back in use and took out of the trash. */
  removed: number;
  crm_requests: number;
  done: boolean;
}

export interface TrashScanEstimate {
  resource: TrashResource;
  records_total: number;
  /** One request per page of 100 records. */
  requests: number;
  usage: { used: number; limit: number };
  crm_requests: number;
}
