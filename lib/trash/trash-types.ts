import type { MirrorAsOf } from "@/lib/mirror/mirror-types";

/** The two kinds of record the CRM soft-deletes and the trash holds. */
export type TrashResource = "customer" | "job";

export const TRASH_RESOURCES: readonly TrashResource[] = ["customer", "job"];

/** In URLs and tabs the plural reads better: /trash?tab=jobs. */
export const TRASH_TABS = { customers: "customer", jobs: "job" } as const satisfies Record<string, TrashResource>;
export type TrashTab = keyof typeof TRASH_TABS;

export const TRASH_PAGE_SIZE = 25;
/** The most rows GET /api/trash answers at once (limit=). */
export const TRASH_MAX_LIMIT = 100;

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
  /** Who deleted it through the dashboard; null when it was deleted elsewhere (the CRM's own app, a phone). */
  deleted_by: TrashPerson | null;
  /** Customers only: their jobs that were deleted together with them and are still deleted. */
  jobs_deleted_with: Array<{ uuid: string; label: string }>;
}

export interface TrashPage {
  rows: TrashRow[];
  pagination: { page: number; limit: number; total: number };
  /**
   * CRM requests this answer cost: only rows deleted through the dashboard
   * whose deletion the CRM has not confirmed yet are read (once each).
   */
  crm_requests: number;
  /** Of those, rows the CRM said were back in use (restored elsewhere), which left the trash. */
  removed: number;
  /** How fresh the mirror's answer is (shown on the page). */
  asOf: MirrorAsOf;
}
