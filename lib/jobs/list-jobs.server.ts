import "server-only";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import type { JobListItem } from "@/lib/crm/crm-types";
import { listJobs } from "@/lib/crm/jobs.server";
import type { JobListFilters } from "@/lib/jobs/job-list-filters";
import { JOB_MIRROR_FILTERS } from "@/lib/jobs/job-list-url";
import type { JobListPage } from "@/lib/jobs/job-types";
import { answerList, mirrorPagination, type MirrorAnswer } from "@/lib/lists/list-answer.server";
import { queryJobs } from "@/lib/mirror/mirror-queries.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";
import { recordsOf } from "@/lib/mirror/mirror-store.server";

/**
 * One page of the job list for parsed list parameters: what /api/jobs
 * answers and what the job table, the board's columns and a customer's page
 * prefetch, so none of them maps the parameters differently. The CRM answers
 * what it can (newest first, its own filters); a sort or a filter it lacks
 * (a date range, unassigned, unscheduled) is the mirror's, and the mirror
 * stands in when the CRM can't answer (lib/lists/list-answer.server.ts, ADR-017).
 */
export async function listJobsFor(filters: Partial<JobListFilters>): Promise<CrmResult<JobListPage>> {
  const needsFilter = JOB_MIRROR_FILTERS.some((key) => filters[key] !== undefined);
  return answerList({
    mirrorOnly: filters.sort ? "sort" : needsFilter ? "filter" : null,
    crm: () =>
      listJobs({
        statuses: filters.status,
        priority: filters.priority,
        customerUuid: filters.customer_uuid,
        locationUuid: filters.location_uuid,
        assignedToUserId: filters.assigned_to_user_id,
        search: filters.search || undefined,
        includeDeleted: filters.include_deleted,
        page: filters.page,
        limit: filters.limit,
      }),
    mirror: () => jobsFromMirror(filters),
  });
}

async function jobsFromMirror(filters: Partial<JobListFilters>): Promise<MirrorAnswer<Omit<JobListPage, "source">>> {
  const request = { page: filters.page ?? 1, limit: filters.limit ?? 25 };
  const page = await queryJobs({
    // Without a sort of its own the list keeps the CRM's order: newest first.
    sort: filters.sort?.key ?? "created_at",
    direction: filters.sort?.direction ?? "desc",
    ...request,
    filters: {
      ...(filters.status?.length ? { statuses: filters.status } : {}),
      ...(filters.priority ? { priority: filters.priority } : {}),
      ...(filters.customer_uuid ? { customer_uuid: filters.customer_uuid } : {}),
      ...(filters.location_uuid ? { location_uuid: filters.location_uuid } : {}),
      ...(filters.assigned_to_user_id ? { assigned_to_user_id: filters.assigned_to_user_id } : {}),
      ...(filters.search ? { search: filters.search } : {}),
      ...(filters.include_deleted ? { include_deleted: true } : {}),
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      ...(filters.unassigned ? { unassigned: true } : {}),
      ...(filters.unscheduled ? { unscheduled: true } : {}),
    },
  });
  // The mirror keeps each job in the CRM list's shape: the rows are what the CRM would have sent.
  const records = await recordsOf(
    currentMirrorScope(),
    "jobs",
    page.rows.map((row) => row.uuid),
  );
  const jobs = page.rows.flatMap((row) => {
    const record = records.get(row.uuid);
    return record ? [record as unknown as JobListItem] : [];
  });
  return { data: { jobs, pagination: mirrorPagination(page, request) }, asOf: page.asOf };
}
