import "server-only";
import type { JobPriority, JobStatus } from "@/lib/jobs/job-enums";
import { crmRead, crmWrite } from "@/lib/crm/crm-request";
import { deletedSchema, jobDetailSchema, jobListSchema } from "@/lib/crm/schemas";

/** Job operations of the CRM (CRM-API 002). */
const AFFECTS = ["jobs"] as const;

export interface ListJobsParams {
  statuses?: readonly JobStatus[] | undefined;
  priority?: JobPriority | undefined;
  customerUuid?: string | undefined;
  locationUuid?: string | undefined;
  assignedToUserId?: string | undefined;
  search?: string | undefined;
  includeDeleted?: boolean | undefined;
  page?: number | undefined;
  limit?: number | undefined;
}

export function listJobs(params: ListJobsParams = {}, options: { cache?: boolean } = {}) {
  return crmRead("/jobs", jobListSchema, {
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
    cache: options.cache,
  });
}

export function getJob(uuid: string, options: { includeDeleted?: boolean; cache?: boolean } = {}) {
  return crmRead(`/jobs/${encodeURIComponent(uuid)}`, jobDetailSchema, {
    query: { include_deleted: options.includeDeleted ? "true" : undefined },
    cache: options.cache,
  });
}

export function createJob(body: Record<string, unknown>, idempotencyKey: string) {
  return crmWrite("POST", "/jobs", jobDetailSchema, { body, idempotencyKey, invalidates: AFFECTS });
}

export function updateJob(uuid: string, body: Record<string, unknown>, idempotencyKey: string) {
  return crmWrite("PUT", `/jobs/${encodeURIComponent(uuid)}`, jobDetailSchema, { body, idempotencyKey, invalidates: AFFECTS });
}

export function deleteJob(uuid: string, idempotencyKey: string) {
  return crmWrite("DELETE", `/jobs/${encodeURIComponent(uuid)}`, deletedSchema, { idempotencyKey, invalidates: AFFECTS });
}

/** Restore: see restoreCustomer for why this is a PUT of `{"deleted_at": null}`. */
export function restoreJob(uuid: string, idempotencyKey: string) {
  return crmWrite("PUT", `/jobs/${encodeURIComponent(uuid)}`, jobDetailSchema, { body: { deleted_at: null }, idempotencyKey, invalidates: AFFECTS });
}
