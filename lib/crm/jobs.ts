import "server-only";
import type { JobPriority, JobStatus } from "@/lib/jobs/job-enums";
import { crmGet } from "@/lib/crm/http";
import { jobListSchema } from "@/lib/crm/schemas";

export interface ListJobsParams {
  statuses?: readonly JobStatus[];
  priority?: JobPriority;
  customerUuid?: string;
  locationUuid?: string;
  assignedToUserId?: string;
  search?: string;
  includeDeleted?: boolean;
  page?: number;
  limit?: number;
}

export function listJobs(params: ListJobsParams = {}) {
  return crmGet("/jobs", jobListSchema, {
    query: {
      status: params.statuses?.length ? params.statuses.join(",") : undefined,
      priority: params.priority,
      customer_uuid: params.customerUuid,
      location_uuid: params.locationUuid,
      assigned_to_user_id: params.assignedToUserId,
      search: params.search,
      include_deleted: params.includeDeleted ? "true" : undefined,
      page: params.page,
      limit: params.limit,
    },
  });
}
