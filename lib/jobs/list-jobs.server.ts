import "server-only";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import { listJobs } from "@/lib/crm/jobs.server";
import type { JobListFilters } from "@/lib/jobs/job-list-filters";
import type { JobListPage } from "@/lib/jobs/job-types";

/**
 * One page of the job list for parsed list parameters: what /api/jobs
 * answers and what the job table, the board's columns and a customer's page
 * prefetch, so none of them maps the parameters differently.
 */
export async function listJobsFor(filters: Partial<JobListFilters>): Promise<CrmResult<JobListPage>> {
  return listJobs({
    statuses: filters.status,
    priority: filters.priority,
    customerUuid: filters.customer_uuid,
    locationUuid: filters.location_uuid,
    assignedToUserId: filters.assigned_to_user_id,
    search: filters.search || undefined,
    includeDeleted: filters.include_deleted,
    page: filters.page,
    limit: filters.limit,
  });
}
