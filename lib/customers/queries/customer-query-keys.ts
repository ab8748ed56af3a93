import type { CustomerListQuery } from "@/lib/customers/customer-list-url";

/**
 * Query keys for everything customer-shaped, in one tree so a change can
 * invalidate exactly what it affects: `lists()` after any write, `detail(uuid)`
 * for one record and what hangs off it (jobs, history), `lookups()` for the
 * caller lookup.
 */
export const customerKeys = {
  all: ["customers"] as const,
  lists: () => ["customers", "list"] as const,
  list: (query: CustomerListQuery) => ["customers", "list", query] as const,
  detail: (uuid: string) => ["customers", "detail", uuid] as const,
  jobs: (uuid: string, page: number) => ["customers", "detail", uuid, "jobs", page] as const,
  openJobs: (uuid: string) => ["customers", "detail", uuid, "open-jobs"] as const,
  history: (uuid: string) => ["customers", "detail", uuid, "history"] as const,
  lookups: () => ["customers", "lookup"] as const,
  lookup: (q: string) => ["customers", "lookup", q] as const,
};
