import type { JobListFilters } from "@/lib/jobs/job-list-filters";

/**
 * A board column's page size. 25 is the smallest page the job list API
 * offers (25, 50, 100): loading the board's ten columns costs ten CRM requests.
 */
export const BOARD_PAGE_SIZE = 25;

/** The dashboard API's job list URL for typed filters; defaults are left out to keep cache keys short. */
export function jobListUrl(filters: Partial<JobListFilters>): string {
  const params = new URLSearchParams();
  if (filters.status?.length) params.set("status", filters.status.join(","));
  if (filters.priority) params.set("priority", filters.priority);
  if (filters.location_uuid) params.set("location_uuid", filters.location_uuid);
  if (filters.assigned_to_user_id) params.set("assigned_to_user_id", filters.assigned_to_user_id);
  if (filters.customer_uuid) params.set("customer_uuid", filters.customer_uuid);
  if (filters.search) params.set("search", filters.search);
  if (filters.include_deleted) params.set("include_deleted", "true");
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  if (filters.limit) params.set("limit", String(filters.limit));
  const query = params.toString();
  return query ? `/api/jobs?${query}` : "/api/jobs";
}
